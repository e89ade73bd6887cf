import Foundation

extension Ledger {
    /// The ledger as CSV for Excel and WPS: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting.
    ///
    /// Lines: the title, 填报单位, 填报时间, the header, then `rows()`. A field holding a comma, a quote, CR or LF is
    /// quoted, with quotes doubled. With `neutralizingFormulas` (the default), a field that starts with `=`, `+`, `-`,
    /// `@`, tab or CR gets a leading `'`, so that a spreadsheet shows complaint text as text and never runs it as a
    /// formula (CSV injection).
    ///
    /// - Throws: `ReportError` when an entry's sub-type has no section, or two sections share an id.
    public func csv(neutralizingFormulas: Bool = true) throws(ReportError) -> [UInt8] {
        let lines = [[Ledger.title], [fillerLine], [filledAtLine], Ledger.columns] + (try rows())
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for line in lines {
            for (index, field) in line.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out += CSV.field(field, neutralizingFormulas: neutralizingFormulas).utf8
            }
            out += [0x0D, 0x0A]
        }
        return out
    }
}

/// RFC 4180 field encoding.
enum CSV {
    /// One field, quoted when it holds a comma, a quote, CR or LF.
    static func field(_ text: String, neutralizingFormulas: Bool) -> String {
        var value = text
        if neutralizingFormulas, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
