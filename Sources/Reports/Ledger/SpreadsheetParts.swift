import Foundation

/// The fixed parts of a one-sheet SpreadsheetML package and the cell-level writers.
enum SpreadsheetParts {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// The longest text a cell may hold in Excel, in UTF-16 code units.
    static let maximumCellLength = 32_767
    /// The modification date of every archive entry (2020-01-01 00:00 UTC), so the same ledger gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)

    /// The cell formats of `styles`, by index into `cellXfs`.
    enum Style {
        static let plain = 0
        static let header = 1
        static let body = 2
        static let title = 3
    }

    static let contentTypes =
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """

    static let packageRelationships =
        declaration + """
            <Relationships xmlns="\(packageRelationshipNamespace)">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="xl/workbook.xml"/>\
            </Relationships>
            """

    static let workbookRelationships =
        declaration + """
            <Relationships xmlns="\(packageRelationshipNamespace)">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
            Target="styles.xml"/>\
            </Relationships>
            """

    /// Fonts: regular, bold, bold 14 pt. Borders: none, thin. Formats: plain, header, body, title (see `Style`).
    static let styles =
        declaration + """
            <styleSheet xmlns="\(mainNamespace)">\
            <fonts count="3">\
            <font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            <font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            <font><b/><sz val="14"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            </fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>\
            <top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>\
            </borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1">\
            <alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">\
            <alignment vertical="center" wrapText="1"/></xf>\
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
            <alignment horizontal="center" vertical="center"/></xf>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """

    /// The workbook part: one sheet, and its header row as the print titles.
    static func workbook(sheetName: String, headerRow: Int) -> String {
        let quoted = "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
        return declaration + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)">\
            <bookViews><workbookView/></bookViews>\
            <sheets><sheet name="\(Escaping.xml(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
            <definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">\
            \(Escaping.xml(quoted))!$\(headerRow):$\(headerRow)</definedName></definedNames>\
            </workbook>
            """
    }

    /// The column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// One `<row>` with an inline-string cell per value; empty values give a styled cell without a value, so borders
    /// show and merged ranges stay blank.
    static func row(_ number: Int, _ values: [String], style: Int, height: Double? = nil) -> String {
        var xml = "<row r=\"\(number)\""
        if let height { xml += " ht=\"\(height)\" customHeight=\"1\"" }
        xml += ">"
        for (index, value) in values.enumerated() {
            let reference = "\(columnName(index))\(number)"
            let text = cellText(value)
            if text.isEmpty {
                xml += "<c r=\"\(reference)\" s=\"\(style)\"/>"
            } else {
                xml += "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                xml += Escaping.xml(text)
                xml += "</t></is></c>"
            }
        }
        return xml + "</row>"
    }

    /// A cell's text: only XML 1.0 characters, LF line ends, at most `maximumCellLength` UTF-16 code units.
    static func cellText(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        var length = 0
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            let kept: Unicode.Scalar = scalar == "\r" ? "\n" : scalar
            guard Escaping.isXMLCharacter(kept) else { continue }
            length += kept.utf16.count
            if length > maximumCellLength { break }
            scalars.append(kept)
        }
        return String(scalars)
    }
}
