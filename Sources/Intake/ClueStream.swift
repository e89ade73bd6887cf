import Foundation
import Pipeline
import TextDecoding

/// Reads the clues of one input (a file or standard input) in batches, so memory stays bounded whatever its size.
///
/// Bytes are read in chunks and cut at line ends; each line is decoded on its own, so a line with invalid bytes is
/// rejected with its raw bytes while the lines around it are read. The encoding is the declared one, else found from
/// the first chunk holding non-ASCII bytes (a byte-order mark, valid UTF-8, else ICU's detector preferring GB18030).
/// In CSV, a quoted field may span lines: lines are joined until the quotes balance. UTF-16 input (rare in exports)
/// cannot be cut at line-end bytes and is decoded whole.
public final class ClueStream {
    /// The input's name (its path, or `<stdin>`).
    public let name: String
    /// The bytes consumed so far, for progress.
    public private(set) var bytesRead = 0
    /// The format in use, once known (given, or guessed from the name and the first bytes).
    public var inputFormat: InputFormat? { format }
    /// The encoding in use, once known.
    public private(set) var encoding: TextEncoding?

    private let read: (Int) -> [UInt8]
    private var format: InputFormat?
    private let overrides: [String: String]
    private let declared: Bool
    private var splitter = LineSplitter(maximumLineBytes: ClueStream.maximumLineBytes)
    /// Lines cut but not yet read, from `nextReady` on.
    private var ready: [LineSplitter.Line] = []
    private var nextReady = 0
    private var started = false
    private var atEnd = false
    private var lineNumber = 0
    private var columns: ColumnMapping?
    private var headerCount = 0
    /// Lines of a CSV record whose quoted field is still open: (first line number, raw bytes, text).
    private var pending: [(line: Int, raw: [UInt8], text: String)] = []
    /// Lines to read again (after an unclosed quote gave them back), before new ones.
    private var replay: [(line: Int, raw: [UInt8], text: String)] = []

    /// A line longer than this (4 MiB) is rejected without being held in memory.
    public static let maximumLineBytes = 4 << 20
    /// The line last skipped for its length: (number, its first bytes, its length).
    private var tooLong: (line: Int, kept: [UInt8], length: Int)?

    /// Lines a quoted CSV field may span before it is taken as never closed.
    public static let maximumRecordLines = 1000
    /// The bytes read at a time.
    private let chunkSize: Int

    /// Creates a stream over a file handle; `format` nil guesses it from the name and the first bytes.
    public init(
        name: String, handle: FileHandle, format: InputFormat? = nil, encoding: TextEncoding? = nil,
        columns overrides: [String: String] = [:], chunkSize: Int = 1 << 20
    ) {
        self.name = name
        self.chunkSize = chunkSize
        self.read = { count in Array((try? handle.read(upToCount: count)) ?? Data()) }
        self.format = format
        self.encoding = encoding
        self.declared = encoding != nil
        self.overrides = overrides
    }

    /// Creates a stream over bytes in memory.
    public init(
        name: String, bytes: [UInt8], format: InputFormat? = nil, encoding: TextEncoding? = nil,
        columns overrides: [String: String] = [:], chunkSize: Int = 1 << 20
    ) {
        self.name = name
        self.chunkSize = chunkSize
        var remaining = bytes[...]
        self.read = { count in
            let chunk = Array(remaining.prefix(count))
            remaining = remaining.dropFirst(count)
            return chunk
        }
        self.format = format
        self.encoding = encoding
        self.declared = encoding != nil
        self.overrides = overrides
    }

    /// Up to `maximum` records, in input order; an empty array at the end of the input.
    ///
    /// - Throws: `IntakeError` when the input cannot be read at all: a CSV header without a text column, or UTF-16
    ///   input that does not decode.
    public func next(maximum: Int) throws(IntakeError) -> [ReadRecord] {
        var records: [ReadRecord] = []
        while records.count < maximum, let line = try nextLine() {
            if let record = try record(from: line) { records.append(record) }
        }
        if records.isEmpty, !pending.isEmpty {
            // The input ended inside a quoted field.
            let first = pending.removeFirst()
            replay = pending
            pending = []
            records.append(reject(first.line, "a quoted field is never closed", raw: first.raw))
            records += try next(maximum: maximum - 1)
        }
        return records
    }

    // MARK: - Lines

    /// The next line: its number, raw bytes (without the line end) and text, or a decoding failure as text nil.
    private func nextLine() throws(IntakeError) -> (line: Int, raw: [UInt8], text: String?)? {
        if !replay.isEmpty {
            let line = replay.removeFirst()
            return (line.line, line.raw, line.text)
        }
        while nextReady == ready.count {
            if atEnd { return nil }
            try pull()
        }
        let line = ready[nextReady]
        nextReady += 1
        lineNumber += 1
        switch line {
        case .tooLong(let length, let head):
            tooLong = (lineNumber, head, length)
            return (lineNumber, head, nil)
        case .complete(let raw):
            return (lineNumber, raw, try decode(raw))
        }
    }

    /// Reads the next chunk and cuts it into lines; at the start, settles the encoding and the format.
    private func pull() throws(IntakeError) {
        if nextReady > 0 {
            ready.removeFirst(nextReady)
            nextReady = 0
        }
        var chunk = read(chunkSize)
        if !started {
            started = true
            chunk = try start(chunk)
        }
        guard !chunk.isEmpty else {
            atEnd = true
            ready += splitter.finish()
            return
        }
        bytesRead += chunk.count
        ready += splitter.append(chunk)
    }

    /// At the start of the input: skip a UTF-8 byte-order mark, decode UTF-16 whole (it cannot be cut at line-end
    /// bytes) and carry on in UTF-8, guess the format.
    private func start(_ first: [UInt8]) throws(IntakeError) -> [UInt8] {
        var chunk = first
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
            chunk.removeFirst(3)
            bytesRead += 3
            if encoding == nil { encoding = .utf8 }
        } else if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
            while true {
                let more = read(chunkSize)
                if more.isEmpty { break }
                chunk += more
            }
            do {
                let decoded = try TextDecoder(encoding: encoding, mode: .strict).decode(chunk)
                bytesRead += chunk.count
                chunk = Array(decoded.text.utf8)
                bytesRead -= chunk.count
                encoding = .utf8
            } catch {
                throw IntakeError("\(name): \(error)")
            }
        }
        if format == nil {
            format = InputFormat.guess(name: name, text: String(decoding: chunk.prefix(4096), as: UTF8.self))
        }
        return chunk
    }

    /// Decodes one line in the input's encoding; nil when its bytes are invalid (the caller rejects it).
    private func decode(_ raw: [UInt8]) throws(IntakeError) -> String? {
        if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
        if encoding == nil { try decideEncoding(startingWith: raw) }
        guard let encoding else { return nil }
        if encoding == .utf8 { return String(validating: raw, as: UTF8.self) }
        return try? TextDecoder(encoding: encoding, mode: .strict).decode(raw).text
    }

    /// Finds the encoding from this line and the lines after it (at least 64 KiB when the input has them), with a
    /// lossy fallback so that one bad line does not hide the encoding of the rest.
    private func decideEncoding(startingWith line: [UInt8]) throws(IntakeError) {
        func sampleSize() -> Int {
            ready[nextReady...].reduce(line.count) { total, next in
                if case .complete(let bytes) = next { return total + bytes.count + 1 }
                return total
            }
        }
        while !atEnd, sampleSize() < 1 << 16 { try pull() }
        var sample = line
        var validUTF8Lines = 0
        var invalidUTF8Lines = 0
        for (index, bytes) in ([line] + ready[nextReady...].compactMap(\.completeBytes)).enumerated() {
            if index > 0, sample.count < 1 << 20 { sample += [0x0A] + bytes }
            guard bytes.contains(where: { $0 >= 0x80 }) else { continue }
            if String(validating: bytes, as: UTF8.self) != nil { validUTF8Lines += 1 } else { invalidUTF8Lines += 1 }
        }
        // Chinese text in GB18030 is almost never valid UTF-8 line after line: when most lines are, the input is
        // UTF-8 with some damaged lines, which are rejected on their own.
        if validUTF8Lines > invalidUTF8Lines {
            encoding = .utf8
            return
        }
        if let decoded = try? TextDecoder(mode: .strict).decode(sample) {
            encoding = decoded.encoding
        } else {
            encoding = (try? TextDecoder(mode: .lossy).decode(sample))?.encoding ?? .utf8
        }
    }

    // MARK: - Records

    private func reject(_ line: Int, _ reason: String, raw: [UInt8]) -> ReadRecord {
        .rejected(RejectedRecord(source: name, line: line, reason: reason, rawBytes: raw))
    }

    private func record(from line: (line: Int, raw: [UInt8], text: String?)) throws(IntakeError) -> ReadRecord? {
        if let skipped = tooLong, skipped.line == line.line {
            tooLong = nil
            pending = []
            return reject(
                line.line,
                "the line is \(skipped.length) bytes long (the limit is 4 MiB); its first \(skipped.kept.count) are kept",
                raw: skipped.kept)
        }
        guard let text = line.text else {
            let encodingName = encoding?.name ?? "the input's encoding"
            if !pending.isEmpty {
                // A bad line inside a multi-line CSV record spoils the record: reject it whole.
                let first = pending[0]
                let raw = pending.flatMap { $0.raw + [0x0A] } + line.raw
                pending = []
                return reject(first.line, "line \(line.line) is not valid \(encodingName)", raw: raw)
            }
            return reject(line.line, "not valid \(encodingName)", raw: line.raw)
        }
        switch format ?? .text {
        case .jsonl, .text:
            if text.allSatisfy(\.isWhitespace) { return nil }
            let input: ClueInput
            if format == .jsonl {
                do {
                    input = try ClueInput.parse(line: Substring(text))
                } catch {
                    return reject(line.line, error.reason, raw: line.raw)
                }
            } else {
                input = ClueInput(text: text)
            }
            if let problem = ClueReader.problem(with: input.text) { return reject(line.line, problem, raw: line.raw) }
            return .clue(input, line: line.line)
        case .csv:
            return try csvRecord(line.line, raw: line.raw, text: text)
        }
    }

    private func csvRecord(_ number: Int, raw: [UInt8], text: String) throws(IntakeError) -> ReadRecord? {
        if pending.isEmpty, text.allSatisfy(\.isWhitespace) { return nil }
        pending.append((number, raw, text))
        let joined = pending.map(\.text).joined(separator: "\n")
        var reader = CSVReader(text: joined)
        guard let parsed = reader.next() else {
            pending = []
            return nil
        }
        if case .failure(let error) = parsed.fields, error.isUnclosedQuote {
            // A quoted field spans lines: wait for the next ones, up to a limit.
            guard pending.count >= ClueStream.maximumRecordLines else { return nil }
            let first = pending.removeFirst()
            replay = pending
            pending = []
            return reject(first.line, "a quoted field is never closed", raw: first.raw)
        }
        let first = pending[0].line
        let rawRecord = Array(pending.map(\.raw).joined(separator: [0x0A]))
        pending = []
        let fields: [String]
        switch parsed.fields {
        case .failure(let error): return reject(first, error.reason, raw: rawRecord)
        case .success(let values): fields = values
        }
        guard let columns else {
            guard let mapping = ColumnMapping.detect(header: fields, overrides: overrides) else {
                throw IntakeError(
                    "\(name):\(first): no text column in the header (\(joined.prefix(200))); "
                        + "name it with --column text=HEADER")
            }
            columns = mapping
            headerCount = fields.count
            return nil
        }
        guard fields.count == headerCount else {
            return reject(first, "\(fields.count) columns where the header has \(headerCount)", raw: rawRecord)
        }
        func field(_ index: Int?) -> String? {
            guard let index else { return nil }
            let value = fields[index].trimmingWhiteSpace()
            return value.isEmpty ? nil : value
        }
        let input = ClueInput(
            id: field(columns.id), text: fields[columns.text], channel: field(columns.channel),
            receivedAt: field(columns.receivedAt))
        if let problem = ClueReader.problem(with: input.text) { return reject(first, problem, raw: rawRecord) }
        return .clue(input, line: first)
    }
}

extension LineSplitter.Line {
    /// The line's bytes, unless it was too long to keep.
    fileprivate var completeBytes: [UInt8]? {
        if case .complete(let bytes) = self { return bytes }
        return nil
    }
}
