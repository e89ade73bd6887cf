/// The frame of a standalone HTML5 page.
enum HTMLPage {
    /// A complete page: UTF-8, Chinese, the given inline CSS, the title escaped; `body` is inserted as it is.
    static func make(title: String, style: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Escaping.html(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
