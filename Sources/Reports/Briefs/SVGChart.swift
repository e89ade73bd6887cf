/// Small inline SVG charts: no script, text labels, a `<title>` for screen readers and tooltips.
enum SVGChart {
    static let width = 640.0
    static let font = "font-family=\"'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif\" font-size=\"12\""

    /// A horizontal bar chart with one `<rect class="bar">` per count above zero, longest bar for the largest value.
    /// Counts of zero or less get no bar; when none is left the chart says there is no data.
    static func bars(title: String, counts: [Brief.Count]) -> String {
        let shown = counts.filter { $0.value > 0 }
        guard let maximum = shown.map(\.value).max(), maximum > 0 else { return empty(title: title) }
        let labelWidth = 190.0
        let valueWidth = 56.0
        let plotWidth = width - labelWidth - valueWidth
        let rowHeight = 24.0
        let top = 8.0
        let height = top * 2 + rowHeight * Double(shown.count)
        var svg = open(title: title, height: height)
        for (index, count) in shown.enumerated() {
            let y = top + rowHeight * Double(index)
            let barWidth = max(1, plotWidth * Double(count.value) / Double(maximum))
            let label = Escaping.html(count.label)
            svg += "<g><title>\(label)：\(count.value)</title>"
            svg += "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 16))\" text-anchor=\"end\">"
            svg += "\(Escaping.html(shortened(count.label, to: 14)))</text>"
            svg +=
                "<rect class=\"bar\" x=\"\(number(labelWidth))\" y=\"\(number(y + 4))\" width=\"\(number(barWidth))\""
            svg += " height=\"16\" fill=\"#3b6ea8\"/>"
            svg +=
                "<text x=\"\(number(labelWidth + barWidth + 4))\" y=\"\(number(y + 16))\">\(count.value)</text></g>\n"
        }
        return svg + "</svg>"
    }

    /// A column chart of the weekly trend: per week one column for clues and one for cases, a value axis from zero,
    /// week labels thinned out to about twelve. With no week or only zeros the chart says there is no data.
    static func weekly(title: String, weeks: [Brief.WeekCount]) -> String {
        let largest = weeks.map { max($0.clues, $0.cases) }.max() ?? 0
        guard largest > 0 else { return empty(title: title) }
        let step = tickStep(for: largest)
        let maximum = step * ((largest + step - 1) / step)
        let (left, right, top, bottom) = (44.0, 12.0, 28.0, 40.0)
        let plotHeight = 200.0
        let plotWidth = width - left - right
        let height = top + plotHeight + bottom
        let group = plotWidth / Double(weeks.count)
        let column = min(28, max(1, group * 0.38))
        let every = (weeks.count + 11) / 12
        var svg = open(title: title, height: height)
        svg += "<rect x=\"\(number(left))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#3b6ea8\"/>"
        svg += "<text x=\"\(number(left + 14))\" y=\"15\">线索</text>"
        svg += "<rect x=\"\(number(left + 60))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#d9822b\"/>"
        svg += "<text x=\"\(number(left + 74))\" y=\"15\">案件</text>\n"
        for tick in stride(from: 0, through: maximum, by: step) {
            let y = top + plotHeight - plotHeight * Double(tick) / Double(maximum)
            svg +=
                "<line x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(width - right))\" y2=\"\(number(y))\""
            svg += " stroke=\"#ccc\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(number(left - 4))\" y=\"\(number(y + 4))\" text-anchor=\"end\">\(tick)</text>\n"
        }
        for (index, week) in weeks.enumerated() {
            let x = left + group * Double(index) + (group - 2 * column) / 2
            let label = Escaping.html(week.weekStart)
            svg += "<g><title>\(label) 起：线索 \(week.clues)，案件 \(week.cases)</title>"
            for (offset, value, kind, color) in [
                (0.0, week.clues, "clues", "#3b6ea8"), (1.0, week.cases, "cases", "#d9822b"),
            ] {
                let columnHeight = plotHeight * Double(max(0, value)) / Double(maximum)
                svg += "<rect class=\"column \(kind)\" x=\"\(number(x + column * offset))\""
                svg += " y=\"\(number(top + plotHeight - columnHeight))\" width=\"\(number(column))\""
                svg += " height=\"\(number(columnHeight))\" fill=\"\(color)\"/>"
            }
            if index % every == 0 {
                let shortLabel = week.weekStart.count == 10 ? String(week.weekStart.suffix(5)) : week.weekStart
                svg +=
                    "<text x=\"\(number(x + column))\" y=\"\(number(top + plotHeight + 16))\" text-anchor=\"middle\">"
                svg += "\(Escaping.html(shortLabel))</text>"
            }
            svg += "</g>\n"
        }
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(width - right))\""
        svg += " y2=\"\(number(top + plotHeight))\" stroke=\"#333\" stroke-width=\"1\"/>"
        return svg + "</svg>"
    }

    /// A round step for a value axis from zero to `largest`: 1, 2 or 5 times a power of ten, giving at most five
    /// steps.
    static func tickStep(for largest: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where largest <= factor * magnitude * 5 {
                return factor * magnitude
            }
            magnitude *= 10
        }
    }

    /// A chart frame that says there is nothing to draw.
    static func empty(title: String) -> String {
        open(title: title, height: 40)
            + "<text class=\"no-data\" x=\"8\" y=\"24\">\(Escaping.html(title))：暂无数据</text></svg>"
    }

    /// The opening `<svg>` tag and its `<title>`.
    static func open(title: String, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(number(width))\" height=\"\(number(height))\""
            + " viewBox=\"0 0 \(number(width)) \(number(height))\" \(font)>"
            + "<title>\(Escaping.html(title))</title>\n"
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// The text cut to `limit` characters with an ellipsis.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
