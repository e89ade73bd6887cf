import Foundation
import Reports
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The path of the first of the given programs found on PATH, if any.
private func program(_ names: [String]) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
    }
    return nil
}

private let libreOffice = program(["libreoffice", "soffice"])

/// Reads every part of an archive into a dictionary by path.
private func parts(of data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var result: [String: Data] = [:]
    for entry in archive {
        var content = Data()
        _ = try archive.extract(entry) { content.append($0) }
        result[entry.path] = content
    }
    return result
}

/// Collects the rows of a worksheet: per `<row>`, its cells' references and texts.
private final class SheetReader: NSObject, XMLParserDelegate {
    var rows: [[(reference: String, text: String)]] = []
    var merges: [String] = []
    private var text: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "row": rows.append([])
        case "c": rows[rows.count - 1].append((attributes["r"] ?? "", ""))
        case "t": text = ""
        case "mergeCell": merges.append(attributes["ref"] ?? "")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "t", let text {
            rows[rows.count - 1][rows[rows.count - 1].count - 1].text += text
            self.text = nil
        }
    }
}

@Suite struct WorkbookTests {
    @Test func theWorkbookHasItsParts() throws {
        let files = try parts(of: try Fixtures.ledger.xlsx())
        #expect(
            Set(files.keys) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml", "xl/styles.xml",
            ])
        for (path, data) in files {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path) is not well-formed XML")
        }
        let workbook = String(decoding: try #require(files["xl/workbook.xml"]), as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"问题清单\""))
    }

    @Test func theSheetHasOneRowPerCSVLineAndEscapedText() throws {
        let files = try parts(of: try Fixtures.ledger.xlsx())
        let sheet = try #require(files["xl/worksheets/sheet1.xml"])
        let raw = String(decoding: sheet, as: UTF8.self)
        #expect(raw.contains("&lt;含&gt;罚没&amp;收费"))
        #expect(!raw.contains("<含>"))
        let reader = SheetReader()
        let parser = XMLParser(data: sheet)
        parser.delegate = reader
        #expect(parser.parse())
        let csvLines = Fixtures.parseCSV(String(decoding: try Fixtures.ledger.csv().dropFirst(3), as: UTF8.self))
        #expect(reader.rows.count == csvLines.count)
        // Cell references: row n holds A{n}…H{n}; values read back equal the CSV's fields.
        let rows = try Fixtures.ledger.rows()
        for (index, cells) in reader.rows.enumerated() {
            #expect(
                cells.map(\.reference)
                    == ["A", "B", "C", "D", "E", "F", "G", "H"].prefix(cells.count).map { "\($0)\(index + 1)" })
        }
        #expect(reader.rows[0].first?.text == Ledger.title)
        #expect(reader.rows[3].map(\.text) == Ledger.columns)
        #expect(reader.rows[4].map(\.text) == rows[0])
        #expect(reader.rows[4][3].text.contains("<含>罚没&收费"))
        // Section 1's two rows are merged in A, C; its aspect run (sections 1–3, four rows) in B.
        #expect(reader.merges.contains("A5:A6"))
        #expect(reader.merges.contains("C5:C6"))
        #expect(reader.merges.contains("B5:B8"))
        #expect(reader.merges.contains("A1:H1"))
    }

    @Test func invalidXMLCharactersAreDroppedAndTheSheetStillParses() throws {
        let ledger = Ledger(
            filler: "单位\u{1}\u{B}", filledAt: "t\u{FFFF}", sections: LedgerSection.annex3,
            entries: [LedgerEntry(subtype: 2, example: "a\u{0}b\r\nc\rd", source: "😀")])
        let files = try parts(of: try ledger.xlsx())
        let sheet = try #require(files["xl/worksheets/sheet1.xml"])
        let reader = SheetReader()
        let parser = XMLParser(data: sheet)
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.rows[1].first?.text == "填报单位：单位")
        let row = try #require(reader.rows.first { $0.first?.text == "2" })
        #expect(row[3].text == "ab\nc\nd")
        #expect(row[4].text == "😀")
    }

    @Test func theSameLedgerGivesTheSameBytes() throws {
        #expect(try Fixtures.ledger.xlsx() == Fixtures.ledger.xlsx())
    }

    @Test(.enabled(if: libreOffice != nil, "LibreOffice (libreoffice or soffice) is not on PATH: skipped"))
    func libreOfficeReadsTheSameCellsAsRows() throws {
        let office = try #require(libreOffice)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ledger.xlsx")
        try Fixtures.ledger.xlsx().write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        process.arguments = [
            "-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", directory.path, file.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let converted = try Data(contentsOf: directory.appendingPathComponent("ledger.csv"))
        var text = String(decoding: converted, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let records = Fixtures.parseCSV(text)
        let pad = { (fields: [String]) in fields + Array(repeating: "", count: Ledger.columns.count - fields.count) }
        let expected =
            [pad([Ledger.title]), pad(["填报单位：阜阳市交通运输局"]), pad(["填报时间：2023-10-11"]), Ledger.columns]
            + (try Fixtures.ledger.rows())
        #expect(records.count == expected.count)
        for (line, (got, want)) in zip(records, expected).enumerated() {
            #expect(got == want, "line \(line + 1)")
        }
    }
}
