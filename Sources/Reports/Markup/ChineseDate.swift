/// Dates as formal Chinese documents write them.
enum ChineseDate {
    /// `2023-09-28` → `2023年9月28日`; anything that is not `yyyy-MM-dd` (a time may follow) is returned unchanged.
    static func long(_ text: String) -> String {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, parts[0].count == 4,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return text }
        return "\(year)年\(month)月\(day)日"
    }
}
