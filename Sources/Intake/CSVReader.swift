/// Reads RFC 4180 CSV from decoded text, one record at a time, with the line each record starts on.
///
/// Quoted fields may hold commas, doubled quotes and line breaks. A malformed record (a quote inside an unquoted
/// field, text after a closing quote, a quote never closed) is returned as a failure with its line and raw text,
/// and reading goes on at the next line, so one bad row never costs the rows around it. Written here rather than
/// taken from a CSV package because those stop at the first malformed row.
public struct CSVReader: Sendable {
    /// One record: its fields, or why it could not be read; with its first line and its raw text.
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: Result<[String], CSVError>
        public let raw: Substring
    }

    /// Why a CSV record could not be read.
    public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: String
        /// Whether the record ended inside a quoted field (more lines may close it).
        public var isUnclosedQuote = false
        public var description: String { reason }
    }

    private let text: String
    private let scalars: String.UnicodeScalarView
    private var position: String.UnicodeScalarView.Index
    private var line = 1
    private let separator: Unicode.Scalar

    /// Creates a reader over a whole decoded text.
    public init(text: String, separator: Unicode.Scalar = ",") {
        self.text = text
        self.scalars = text.unicodeScalars
        self.position = text.unicodeScalars.startIndex
        self.separator = separator
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    public mutating func next() -> Record? {
        while position < scalars.endIndex, scalars[position] == "\n" || scalars[position] == "\r" {
            if scalars[position] == "\n" { line += 1 }
            position = scalars.index(after: position)
        }
        guard position < scalars.endIndex else { return nil }
        let startLine = line
        let start = position
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var afterQuote = false
        var failure: String?
        while position < scalars.endIndex {
            let scalar = scalars[position]
            if quoted {
                position = scalars.index(after: position)
                if scalar == "\"" {
                    if position < scalars.endIndex, scalars[position] == "\"" {
                        field.append("\"")
                        position = scalars.index(after: position)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            if scalar == "\n" || scalar == "\r" { break }
            position = scalars.index(after: position)
            if scalar == separator {
                fields.append(String(field))
                field = String.UnicodeScalarView()
                afterQuote = false
            } else if scalar == "\"" {
                if field.isEmpty && !afterQuote {
                    quoted = true
                } else if failure == nil {
                    failure = "column \(fields.count + 1): a quote inside a field that does not start with one"
                }
            } else if afterQuote {
                if failure == nil { failure = "column \(fields.count + 1): text after the closing quote" }
            } else {
                field.append(scalar)
            }
        }
        if quoted {
            // Never closed: the quote ran to the end of the input. Give back everything after this record's first
            // line, so the rows it swallowed are read again as rows.
            let end = scalars[start...].firstIndex(of: "\n") ?? scalars.endIndex
            position = end
            line = startLine
            return Record(
                line: startLine,
                fields: .failure(CSVError(reason: "a quoted field is never closed", isUnclosedQuote: true)),
                raw: Substring(text[start..<end]))
        }
        fields.append(String(field))
        let raw = Substring(text[start..<position])
        if let failure { return Record(line: startLine, fields: .failure(CSVError(reason: failure)), raw: raw) }
        return Record(line: startLine, fields: .success(fields), raw: raw)
    }
}
