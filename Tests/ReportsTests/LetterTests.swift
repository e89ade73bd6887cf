import Reports
import Testing

@Suite struct LetterTests {
    static let letter = AssignmentLetter(
        number: "阜交整治交〔2023〕12号", sender: "阜阳市交通运输执法领域专项整治工作办公室", unit: "临泉县交通运输局",
        issuedOn: "2023-09-28", dueOn: "2023-10-11", caseID: 42, subtypeID: 1, subtypeName: "下达罚没指标",
        categoryName: "“逐利执法”问题", summary: "执法人员称<script>alert(1)</script>有指标 & \"配额\"",
        channel: "12345热线", receivedAt: "2023-09-27 10:12", reportCount: 3)

    @Test func htmlIsAStandalonePageWithEscapedValues() {
        let html = Self.letter.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&amp; &quot;配额&quot;"))
        #expect(html.contains("阜交整治交〔2023〕12号"))
        #expect(html.contains("临泉县交通运输局："))
        #expect(html.contains("2023年10月11日前"))
    }

    @Test func markdownEscapesAndStatesTheDuties() {
        let markdown = Self.letter.markdown()
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("阜交整治交〔2023〕12号"))
        #expect(markdown.contains("临泉县交通运输局"))
        #expect(markdown.contains("2023年10月11日"))
        #expect(markdown.contains("5个工作日内"))
        #expect(markdown.contains("核查结论（属实/不属实）、整改措施、整改时限、责任人"))
        #expect(markdown.contains("销号"))
        #expect(markdown.contains("共3次反映"))
        #expect(!markdown.contains("提级调查"))
        #expect(!markdown.contains("纪检监察"))
    }

    @Test func flagsAddEscalationReferralNoteAndExtensions() {
        var letter = Self.letter
        letter.escalated = true
        letter.referDiscipline = true
        letter.dueNote = "超出日历数据范围，期限为估算"
        letter.extensions = ["2023-10-09 延期至2023-10-18：需调取监控"]
        for text in [letter.markdown(), letter.html()] {
            #expect(text.contains("提级调查"))
            #expect(text.contains("移交纪检监察机关"))
            #expect(text.contains("期限为估算"))
            #expect(text.contains("需调取监控"))
        }
    }
}
