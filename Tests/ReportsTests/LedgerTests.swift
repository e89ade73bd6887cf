import Reports
import Testing

@Suite struct LedgerTests {
    @Test func everySectionHasARowAndEntriesAddRows() throws {
        let rows = try Fixtures.ledger.rows()
        // 21 sections, section 1 has two entries: 22 rows.
        #expect(rows.count == 22)
        #expect(rows.allSatisfy { $0.count == Ledger.columns.count })
        #expect(rows.map(\.[0]).filter { !$0.isEmpty } == (1...21).map(String.init))
    }

    @Test func continuationRowsAreBlankInTheSectionColumns() throws {
        let rows = try Fixtures.ledger.rows()
        #expect(rows[0][0] == "1")
        #expect(rows[0][1] == "“逐利执法”问题")
        #expect(rows[0][2].hasPrefix("下达或变相下达罚没指标"))
        #expect(rows[0][3].hasPrefix("阜交整治交〔2023〕12号："))
        #expect(rows[1][0...2] == ["", "", ""])
        #expect(rows[1][3] == "阜交整治交〔2023〕13号：第二件")
        #expect(rows[1][4...7] == ["媒体", "整改", "2023-11-30", "法规科"])
    }

    @Test func emptySectionsHaveEmptyCaseColumns() throws {
        let rows = try Fixtures.ledger.rows()
        let section2 = try #require(rows.first { $0[0] == "2" })
        #expect(section2[2] == "违规设置非现场执法电子监控卡点。")
        #expect(section2[3...7].allSatisfy { $0.isEmpty })
    }

    @Test func aspectIsWrittenOnTheFirstSectionOfEachRunOnly() throws {
        let rows = try Fixtures.ledger.rows()
        let aspects = rows.filter { !$0[0].isEmpty }.map { ($0[0], $0[1]) }.filter { !$0.1.isEmpty }
        #expect(aspects.map(\.0) == ["1", "4", "7", "11", "16", "19"])
        #expect(aspects.map(\.1).last == "其他突出问题")
        // A repeated aspect after a different one starts a new run.
        let sections = [
            LedgerSection(id: 1, aspect: "甲", manifestation: "a"),
            LedgerSection(id: 2, aspect: "乙", manifestation: "b"),
            LedgerSection(id: 3, aspect: "甲", manifestation: "c"),
        ]
        let ledger = Ledger(filler: "x", filledAt: "y", sections: sections, entries: [])
        #expect(try ledger.rows().map(\.[1]) == ["甲", "乙", "甲"])
    }

    @Test func entriesKeepTheirGivenOrderWithinASection() throws {
        let entries = ["三", "一", "二"].map { LedgerEntry(subtype: 5, example: $0, source: "s") }
        let ledger = Ledger(filler: "x", filledAt: "y", sections: LedgerSection.annex3, entries: entries)
        let rows = try ledger.rows().filter { $0[3] == "三" || $0[3] == "一" || $0[3] == "二" }
        #expect(rows.map(\.[3]) == ["三", "一", "二"])
        #expect(rows.map(\.[0]) == ["5", "", ""])
    }

    @Test func anEntryWithoutASectionThrowsNamingItsSubtype() {
        let ledger = Ledger(
            filler: "x", filledAt: "y", sections: LedgerSection.annex3,
            entries: [LedgerEntry(subtype: 22, example: "e", source: "s")])
        #expect(throws: ReportError.self) { try ledger.rows() }
        do {
            _ = try ledger.csv()
            Issue.record("csv() did not throw")
        } catch {
            #expect(error.kind == .unknownSubtype(22))
            #expect(error.description.contains("22"))
        }
        #expect(throws: ReportError.self) { try ledger.xlsx() }
    }

    @Test func duplicateSectionsThrow() {
        let sections = [
            LedgerSection(id: 1, aspect: "a", manifestation: "b"),
            LedgerSection(id: 1, aspect: "a", manifestation: "c"),
        ]
        let ledger = Ledger(filler: "x", filledAt: "y", sections: sections, entries: [])
        #expect(throws: ReportError(kind: .duplicateSection(1), reason: "ledger section 1 appears twice")) {
            try ledger.rows()
        }
    }

    @Test func csvHasBOMAndCRLFAndQuotes() throws {
        let bytes = try Fixtures.ledger.csv()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = try #require(String(validating: bytes.dropFirst(3), as: UTF8.self))
        #expect(text.hasSuffix("\r\n"))
        // Every LF outside quotes is preceded by CR: the only bare LF is inside the quoted 整改措施 field.
        #expect(text.components(separatedBy: "\r\n").first == Ledger.title)
        let lineFeeds = text.unicodeScalars.filter { $0 == "\n" }.count
        #expect(text.components(separatedBy: "\r\n").count - 1 == lineFeeds - 1)
        #expect(text.contains("\"取消指标,\n约谈负责人\""))
        #expect(text.contains("每月不少于\"\"5万\"\"元"))
        #expect(text.contains(",\"执法支队，张某\"") == false)  // a full-width comma needs no quotes
        #expect(text.contains(",执法支队，张某\r\n"))
        let records = Fixtures.parseCSV(text)
        let rows = try Fixtures.ledger.rows()
        #expect(records.count == 4 + rows.count)
        #expect(records[1] == ["填报单位：阜阳市交通运输局"])
        #expect(records[2] == ["填报时间：2023-10-11"])
        #expect(records[3] == Ledger.columns)
        #expect(records[4] == rows[0])
        #expect(records[4][5] == "取消指标,\n约谈负责人")
    }

    @Test func csvNeutralisesFormulasUnlessAskedNotTo() throws {
        let guarded = Fixtures.parseCSV(String(decoding: try Fixtures.ledger.csv().dropFirst(3), as: UTF8.self))
        #expect(guarded.contains { $0.count > 3 && $0[3] == "'=HYPERLINK(\"http://example.invalid\")" })
        let raw = Fixtures.parseCSV(
            String(decoding: try Fixtures.ledger.csv(neutralizingFormulas: false).dropFirst(3), as: UTF8.self))
        #expect(Array(raw.dropFirst(4)) == (try Fixtures.ledger.rows()))
    }

    @Test func annex3HasItsTwentyOneSections() {
        #expect(LedgerSection.annex3.map(\.id) == Array(1...21))
        #expect(Set(LedgerSection.annex3.map(\.aspect)).count == 6)
    }
}
