import Reports
import Testing

/// How many times `needle` occurs in `text`.
private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Suite struct BriefTests {
    static let listed = Brief.BriefCase(
        number: "阜交整治交〔2023〕12号", unit: "临泉县交通运输局", subtype: "乱罚款、滥收费", dueOn: "2023-10-11",
        state: "investigating", summary: "<script>x</script>")

    static let brief = Brief(
        from: "2023-09-01", to: "2023-10-31", generatedAt: "2023-11-01 09:00", title: "九至十月统计简报",
        byCategory: [.init(label: "“逐利执法”问题", value: 7), .init(label: "执法粗暴问题", value: 0)],
        bySubtype: [.init(label: "乱罚款、滥收费", value: 4), .init(label: "<b>", value: 2), .init(label: "过度执法", value: 1)],
        byUnit: [.init(label: "临泉县交通运输局", value: 5)],
        byChannel: [],
        byState: [.init(label: "assigned", value: 3)],
        overdue: [listed], escalations: [], referrals: [listed],
        weekly: [
            .init(weekStart: "2023-09-04", clues: 3, cases: 2), .init(weekStart: "2023-09-11", clues: 0, cases: 0),
        ],
        totalClues: 10, totalCases: 7)

    @Test func htmlEscapesAndListsTheCases() {
        let html = Self.brief.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(html.contains("阜交整治交〔2023〕12号"))
        #expect(html.contains("临泉县交通运输局"))
        #expect(html.contains("2023-10-11"))
    }

    @Test func barChartsDrawOneBarPerNonZeroCount() {
        let html = Self.brief.html()
        // 1 (category, the zero is left out) + 3 (sub-type) + 1 (unit) + 0 (channel); states get no chart.
        #expect(occurrences(of: "<rect class=\"bar\"", in: html) == 5)
        #expect(occurrences(of: "<svg ", in: html) == 5)
        #expect(occurrences(of: "<svg ", in: html) == occurrences(of: "\"><title>", in: html))
        #expect(html.contains("按线索来源：暂无数据"))
        #expect(occurrences(of: "class=\"column clues\"", in: html) == 2)
        #expect(!html.contains("<script"))
    }

    @Test func allZeroCountsSayThereIsNoData() {
        let zero = Brief(
            from: "2023-09-01", to: "2023-09-30", generatedAt: "now",
            byCategory: [.init(label: "a", value: 0), .init(label: "b", value: 0)], bySubtype: [], byUnit: [],
            byChannel: [], byState: [], weekly: [.init(weekStart: "2023-09-04", clues: 0, cases: 0)], totalClues: 0,
            totalCases: 0)
        let html = zero.html()
        #expect(occurrences(of: "<rect class=\"bar\"", in: html) == 0)
        #expect(occurrences(of: "暂无数据", in: html) == 5)
        #expect(!html.contains("nan") && !html.contains("inf"))
        #expect(zero.markdown().contains("| a | 0 | — |"))
    }

    @Test func markdownHasTablesAndEscapes() {
        let markdown = Self.brief.markdown()
        #expect(markdown.hasPrefix("# 九至十月统计简报"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("| 乱罚款、滥收费 | 4 | 57.1% |"))
        #expect(markdown.contains("| 阜交整治交〔2023〕12号 | 临泉县交通运输局 | 乱罚款、滥收费 | 2023-10-11 |"))
        #expect(markdown.contains("共受理问题线索10条，合并立案7件"))
        #expect(markdown.contains("### 提级调查案件（0件）\n\n无。"))
        #expect(markdown.contains("| 2023-09-04 | 3 | 2 |"))
    }

    @Test func aLongTrendThinsItsWeekLabelsAndScalesToARoundMaximum() {
        let weeks = (0..<52).map { Brief.WeekCount(weekStart: "2023-W\($0)", clues: $0 * 3, cases: $0) }
        let brief = Brief(
            from: "2023-01-01", to: "2023-12-31", generatedAt: "now", weekly: weeks, totalClues: 0, totalCases: 0)
        let html = brief.html()
        #expect(occurrences(of: "class=\"column clues\"", in: html) == 52)
        #expect(occurrences(of: "class=\"column cases\"", in: html) == 52)
        // Every fifth week is labelled (52 weeks, at most about twelve labels).
        #expect(occurrences(of: "text-anchor=\"middle\">2023-W", in: html) == 11)
        // The axis runs from 0 to 200 in steps of 50, the round steps above 153.
        #expect(html.contains("text-anchor=\"end\">200</text>"))
        #expect(html.contains("text-anchor=\"end\">150</text>"))
    }
}
