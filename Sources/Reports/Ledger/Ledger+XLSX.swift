import Foundation
import ZIPFoundation

extension Ledger {
    /// The sheet's name in the workbook.
    public static let sheetName = "问题清单"

    /// The ledger as an Office Open XML workbook (.xlsx) with one sheet, `问题清单`.
    ///
    /// The sheet holds the title, 填报单位 and 填报时间 lines, the header (bold, repeated on every printed page) and
    /// `rows()`, every cell an inline string. A section's 序号 and 表现形式 cells are merged over its rows and 问题方面
    /// over its run of sections; a merged range holds its value in its top-left cell only, so the sheet reads cell
    /// by cell like `rows()`. Characters XML 1.0 cannot hold are dropped, CR LF and CR become LF, and a cell longer than
    /// Excel's 32,767 characters is cut there. The output is deterministic: entries carry a fixed date.
    ///
    /// - Throws: `ReportError` when an entry's sub-type has no section, two sections share an id, or the archive
    ///   cannot be written.
    public func xlsx() throws(ReportError) -> Data {
        let sheet = try worksheetXML()
        let parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", SpreadsheetParts.contentTypes),
            ("_rels/.rels", SpreadsheetParts.packageRelationships),
            ("xl/workbook.xml", SpreadsheetParts.workbook(sheetName: Ledger.sheetName, headerRow: 4)),
            ("xl/_rels/workbook.xml.rels", SpreadsheetParts.workbookRelationships),
            ("xl/styles.xml", SpreadsheetParts.styles),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let data = Data(part.text.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: SpreadsheetParts.fixedDate, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
            guard let data = archive.data else {
                throw ReportError(kind: .archive, reason: "the in-memory workbook archive has no data")
            }
            return data
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError(kind: .archive, reason: "the workbook archive could not be written: \(error)")
        }
    }

    /// The worksheet part: title rows, header, body, merged ranges.
    func worksheetXML() throws(ReportError) -> String {
        let layout = try layout()
        let width = Ledger.columns.count
        let lastColumn = SpreadsheetParts.columnName(width - 1)
        let bodyStart = 5  // 1-based sheet row of the first body row
        let lastRow = bodyStart + layout.rows.count - 1
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="\(SpreadsheetParts.mainNamespace)" xmlns:r="\(SpreadsheetParts.relationshipNamespace)">\
            <dimension ref="A1:\(lastColumn)\(lastRow)"/>\
            <sheetViews><sheetView workbookViewId="0">\
            <pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>\
            </sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>
            """
        for (index, width) in [6, 16, 30, 48, 14, 30, 14, 22].enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        let style = SpreadsheetParts.Style.self
        xml += SpreadsheetParts.row(1, [Ledger.title], style: style.title, height: 30)
        xml += SpreadsheetParts.row(2, [fillerLine], style: style.plain)
        xml += SpreadsheetParts.row(3, [filledAtLine], style: style.plain)
        xml += SpreadsheetParts.row(4, Ledger.columns, style: style.header)
        for (index, cells) in layout.rows.enumerated() {
            xml += SpreadsheetParts.row(bodyStart + index, cells, style: style.body)
        }
        xml += "</sheetData>"
        var merges = ["A1:\(lastColumn)1", "A2:\(lastColumn)2", "A3:\(lastColumn)3"]
        for span in layout.sectionSpans where span.count > 1 {
            let (top, bottom) = (bodyStart + span.lowerBound, bodyStart + span.upperBound - 1)
            merges += ["A\(top):A\(bottom)", "C\(top):C\(bottom)"]
        }
        for span in layout.aspectSpans where span.count > 1 {
            merges.append("B\(bodyStart + span.lowerBound):B\(bodyStart + span.upperBound - 1)")
        }
        xml += "<mergeCells count=\"\(merges.count)\">"
        xml += merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined()
        xml += "</mergeCells>"
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"
        xml += "</worksheet>"
        return xml
    }
}
