extension Brief {
    /// The count tables in order, with their headings and whether they get a bar chart.
    var countSections: [(heading: String, counts: [Count], chart: Bool)] {
        [
            ("按问题类别", byCategory, true),
            ("按问题类型", bySubtype, true),
            ("按承办单位", byUnit, true),
            ("按线索来源", byChannel, true),
            ("按办理状态", byState, false),
        ]
    }

    /// The case lists in order, with their headings.
    var caseSections: [(heading: String, cases: [BriefCase])] {
        [("逾期案件", overdue), ("提级调查案件", escalations), ("移交纪检监察案件", referrals)]
    }

    /// The opening paragraph: period and totals.
    var overview: String {
        "\(ChineseDate.long(from))至\(ChineseDate.long(to))，共受理问题线索\(totalClues)条，合并立案\(totalCases)件；"
            + "其中逾期未办结\(overdue.count)件，提级调查\(escalations.count)件，移交纪检监察机关\(referrals.count)件。"
    }

    static let caseColumns = ["交办编号", "承办单位", "问题类型", "办结时限", "状态", "问题摘要"]

    static func caseCells(_ item: BriefCase) -> [String] {
        [item.number ?? "未编号", item.unit, item.subtype, item.dueOn ?? "—", item.state, item.summary]
    }

    /// A count's share of the list's total, `12.5%`, or `—` when the total is zero.
    static func share(_ value: Int, of total: Int) -> String {
        guard total > 0 else { return "—" }
        let tenths = Int((Double(value) * 1000 / Double(total)).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))%"
    }

    /// The brief as Markdown: overview, count tables, case lists, weekly table; every value escaped.
    public func markdown() -> String {
        let md = Escaping.markdown
        var lines = [
            "# \(md(title))", "", "统计期间：\(md(from)) 至 \(md(to))　生成时间：\(md(generatedAt))", "",
            "## 一、总体情况", "", md(overview), "", "## 二、分类统计",
        ]
        for section in countSections {
            lines += ["", "### \(section.heading)", ""]
            let total = section.counts.reduce(0) { $0 + $1.value }
            guard !section.counts.isEmpty else {
                lines.append("无数据。")
                continue
            }
            lines += ["| 项目 | 数量 | 占比 |", "| --- | ---: | ---: |"]
            lines += section.counts.map { "| \(md($0.label)) | \($0.value) | \(Brief.share($0.value, of: total)) |" }
        }
        lines += ["", "## 三、重点案件"]
        for section in caseSections {
            lines += ["", "### \(section.heading)（\(section.cases.count)件）", ""]
            guard !section.cases.isEmpty else {
                lines.append("无。")
                continue
            }
            lines.append("| " + Brief.caseColumns.joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: " --- |", count: Brief.caseColumns.count))
            lines += section.cases.map { "| " + Brief.caseCells($0).map(md).joined(separator: " | ") + " |" }
        }
        lines += ["", "## 四、周趋势", ""]
        if weekly.isEmpty {
            lines.append("无数据。")
        } else {
            lines += ["| 周起始日 | 线索 | 案件 |", "| --- | ---: | ---: |"]
            lines += weekly.map { "| \(md($0.weekStart)) | \($0.clues) | \($0.cases) |" }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// The brief as a standalone HTML5 page with inline SVG charts (no script); every value is HTML-escaped.
    public func html() -> String {
        let h = Escaping.html
        var body = """
            <h1>\(h(title))</h1>
            <p class="meta">统计期间：\(h(from)) 至 \(h(to))　生成时间：\(h(generatedAt))</p>
            <h2>一、总体情况</h2>
            <p>\(h(overview))</p>
            <h2>二、分类统计</h2>\n
            """
        for section in countSections {
            body += "<section class=\"counts\">\n<h3>\(h(section.heading))</h3>\n"
            if section.chart {
                body += "<figure>" + SVGChart.bars(title: section.heading, counts: section.counts) + "</figure>\n"
            }
            let total = section.counts.reduce(0) { $0 + $1.value }
            if section.counts.isEmpty {
                body += "<p>无数据。</p>\n"
            } else {
                body += "<table><thead><tr><th>项目</th><th>数量</th><th>占比</th></tr></thead><tbody>\n"
                for count in section.counts {
                    body += "<tr><td>\(h(count.label))</td><td class=\"n\">\(count.value)</td>"
                    body += "<td class=\"n\">\(Brief.share(count.value, of: total))</td></tr>\n"
                }
                body += "</tbody></table>\n"
            }
            body += "</section>\n"
        }
        body += "<h2>三、重点案件</h2>\n"
        for section in caseSections {
            body += "<h3>\(h(section.heading))（\(section.cases.count)件）</h3>\n"
            guard !section.cases.isEmpty else {
                body += "<p>无。</p>\n"
                continue
            }
            body +=
                "<table><thead><tr>" + Brief.caseColumns.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
            for item in section.cases {
                body += "<tr>" + Brief.caseCells(item).map { "<td>\(h($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body += "<h2>四、周趋势</h2>\n<figure>" + SVGChart.weekly(title: "每周线索与案件数", weeks: weekly) + "</figure>\n"
        if !weekly.isEmpty {
            body += "<table><thead><tr><th>周起始日</th><th>线索</th><th>案件</th></tr></thead><tbody>\n"
            for week in weekly {
                body += "<tr><td>\(h(week.weekStart))</td><td class=\"n\">\(week.clues)</td>"
                body += "<td class=\"n\">\(week.cases)</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        return HTMLPage.make(title: title, style: Brief.style, body: body)
    }

    static let style = """
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt;
          line-height: 1.6; color: #111; background: #fff; max-width: 180mm; margin: 0 auto; padding: 1em; }
        h1 { font-size: 18pt; text-align: center; }
        h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.2em; }
        h3 { font-size: 12pt; margin: 0.8em 0 0.3em; }
        .meta { text-align: center; color: #444; }
        table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.8em; font-size: 10pt; }
        th, td { border: 1px solid #888; padding: 2px 6px; vertical-align: top; text-align: left; }
        th { background: #eee; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 0.3em 0; }
        svg { max-width: 100%; height: auto; }
        section, figure, table { break-inside: avoid; }
        @media print { body { padding: 0; max-width: none; } th { background: none; } }
        """
}
