import Foundation
import TextDecoding

/// Reads lines from a stream (standard input, a pipe) as they arrive; the stream's end ends the source, and a
/// last line without a newline counts.
public struct StreamReader: LineSource {
    /// The name in messages (`<stdin>`).
    public let name: String
    private let handle: FileHandle
    private var splitter = LineSplitter()
    private var lineNumber = 0
    private let decoder: LineDecoder
    /// Whether the stream has ended.
    public private(set) var isFinished = false

    /// Reads from a file handle (standard input by default).
    public init(handle: FileHandle = .standardInput, name: String = "<stdin>", encoding: TextEncoding? = nil) {
        self.handle = handle
        self.name = name
        decoder = LineDecoder(encoding: encoding)
    }

    /// Waits for input, then returns the lines it completes (the last line too, at the end of the stream).
    public mutating func poll() -> [SourceEvent] {
        guard !isFinished else { return [] }
        let data = handle.availableData
        if data.isEmpty {
            isFinished = true
            return decoder.events(splitter.finish(), source: name, number: &lineNumber)
        }
        return decoder.events(splitter.append(data), source: name, number: &lineNumber)
    }
}
