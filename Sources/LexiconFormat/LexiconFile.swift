import Foundation

/// A plain-text data file from `Lexicons/`: UTF-8, one entry a line, `#` starts a comment, blank lines ignored.
///
/// The loaders of every stage (dictionary overlay, gazetteer, rules, calendars) read their files through this type,
/// so that all data files share one syntax and every error names its file and line.
public struct LexiconFile: Sendable {
    /// One meaningful line of a data file: its text with the comment and surrounding white space removed.
    public struct Line: Sendable, Equatable {
        /// The 1-based line number in the file.
        public let number: Int
        /// The line's content, without comment and surrounding white space; never empty.
        public let text: String

        /// The content split at tab characters, each field trimmed of surrounding white space.
        public var fields: [String] {
            text.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false).map {
                String(Substring($0.trimmedOfWhiteSpace))
            }
        }
    }

    /// The path the file was read from.
    public let path: String
    /// The file's meaningful lines, in order.
    public let lines: [Line]

    /// Parses the contents of a data file.
    ///
    /// - Throws: `LexiconError` when the contents are not valid UTF-8.
    public init(path: String, contents: Data) throws(LexiconError) {
        guard var text = String(validating: contents, as: UTF8.self) else {
            let offset = LexiconFile.firstInvalidUTF8Offset(in: contents)
            let line = contents.prefix(offset).reduce(into: 1) { count, byte in if byte == 0x0A { count += 1 } }
            throw LexiconError(file: path, line: line, reason: "not valid UTF-8 (byte offset \(offset))")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.path = path
        var lines: [Line] = []
        // Cut lines and comments on UTF-8 bytes ('\n' and '#' never occur inside a multi-byte sequence); only the
        // ends of each line are walked as scalars, to trim white space.
        let bytes = Array(text.utf8)
        var number = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            var contentEnd: Int?
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A {
                if contentEnd == nil && bytes[lineEnd] == 0x23 { contentEnd = lineEnd }
                lineEnd += 1
            }
            number += 1
            let content = String(decoding: bytes[lineStart..<(contentEnd ?? lineEnd)], as: UTF8.self)
            let trimmed = content[...].unicodeScalars.trimmedOfWhiteSpace
            if !trimmed.isEmpty { lines.append(Line(number: number, text: String(Substring(trimmed)))) }
            lineStart = lineEnd + 1
        }
        self.lines = lines
    }

    /// Reads and parses a data file.
    ///
    /// - Throws: `LexiconError` when the file cannot be read or is not valid UTF-8.
    public init(path: String) throws(LexiconError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LexiconError(file: path, reason: "cannot be read (\(LexiconFile.readFailure(error)))")
        }
        try self.init(path: path, contents: data)
    }

    /// Every regular file with one of the given extensions under a directory, sorted by path, so that load order
    /// (and therefore the result) does not depend on the file system.
    ///
    /// - Throws: `LexiconError` when the directory does not exist.
    public static func files(in directory: String, withExtensions extensions: Set<String>) throws(LexiconError)
        -> [String]
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw LexiconError(file: directory, reason: "is not a directory") }
        let base = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            throw LexiconError(file: directory, reason: "cannot be listed")
        }
        var paths: [String] = []
        for case let url as URL in walker where extensions.contains(url.pathExtension) {
            paths.append(url.path)
        }
        return paths.sorted()
    }

    private static func firstInvalidUTF8Offset(in data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        // Decode scalar by scalar, tracking how many bytes each valid scalar used.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }

    private static func readFailure(_ error: any Error) -> String {
        let cocoa = error as NSError
        if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return cocoa.localizedDescription
    }
}

extension Substring.UnicodeScalarView {
    /// The scalars without white space (spaces, tabs, line ends, ideographic spaces) at either end.
    var trimmedOfWhiteSpace: Substring.UnicodeScalarView {
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
