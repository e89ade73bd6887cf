import TextDecoding

/// What a followed source yields.
public enum SourceEvent: Sendable, Equatable {
    /// A complete line of text: the source's name (a path, or `<stdin>`), the line number (from 1) and the text.
    case line(source: String, number: Int, text: String)
    /// Something worth a message on standard error that stops nothing: an unreadable line or file, a file truncated
    /// or replaced. The number is the line's, when there is one.
    case problem(source: String, number: Int?, reason: String)
}

/// A source of lines followed as it grows: a file, a folder that receives files, or a stream.
public protocol LineSource {
    /// The events since the last call. Files and folders answer at once (possibly with nothing); a stream waits
    /// for input.
    mutating func poll() -> [SourceEvent]
    /// Whether the source has ended (a stream at its end; files and folders never end).
    var isFinished: Bool { get }
}

/// Decodes single lines: UTF-8, else the declared encoding, else the encoding detected for the line (GB18030 …).
struct LineDecoder: Sendable {
    let encoding: TextEncoding?

    /// The text of a line, or why it cannot be read. A UTF-8 byte order mark at the start of a stream is dropped.
    func decode(_ bytes: [UInt8], firstLine: Bool) -> Result<String, LineProblem> {
        var bytes = bytes
        if firstLine, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if encoding == nil || encoding == .utf8, let text = String(validating: bytes, as: UTF8.self) {
            return .success(text)
        }
        do {
            return .success(try TextDecoder(encoding: encoding, mode: .strict).decode(bytes).text)
        } catch {
            return .failure(LineProblem(reason: "\(error)"))
        }
    }

    /// Events for the lines a splitter returned, numbering them from `number` (the last line's number).
    func events(_ lines: [LineSplitter.Line], source: String, number: inout Int) -> [SourceEvent] {
        lines.map { line in
            number += 1
            switch line {
            case .tooLong(let length, _):
                return .problem(source: source, number: number, reason: "line of \(length) bytes is too long, skipped")
            case .complete(let bytes):
                switch decode(bytes, firstLine: number == 1) {
                case .success(let text): return .line(source: source, number: number, text: text)
                case .failure(let problem): return .problem(source: source, number: number, reason: problem.reason)
                }
            }
        }
    }
}

/// Why a line cannot be read.
struct LineProblem: Error, Sendable {
    let reason: String
}
