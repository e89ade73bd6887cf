/// A problem in a data file under `Lexicons/`, located by file and line.
///
/// The description reads `FILE:LINE: reason`, the form editors and compilers use, so an analyst can jump to it.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path of the file, as it was given to the loader.
    public let file: String
    /// The 1-based line number, or `nil` when the problem concerns the whole file.
    public let line: Int?
    /// What is wrong, in a sentence.
    public let reason: String

    /// Creates an error for a file and, optionally, one of its lines.
    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
