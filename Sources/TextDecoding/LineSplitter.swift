/// Cuts a stream of bytes into lines as the bytes arrive: complete lines out, a partial last line kept until its
/// newline comes. Lines end at LF; a CR before it is dropped. A line longer than `maximumLineBytes` is skipped whole
/// (only its first kilobyte is kept, for the message). Cutting at the LF byte is safe in UTF-8 and GB18030, where no
/// multi-byte character contains it; UTF-16 must be decoded first.
public struct LineSplitter: Sendable {
    /// One line cut from the stream.
    public enum Line: Sendable, Equatable {
        /// A complete line, without its terminator.
        case complete([UInt8])
        /// A line skipped because it was longer than `maximumLineBytes`: its length in bytes and its first bytes
        /// (up to `keptBytes`).
        case tooLong(length: Int, head: [UInt8])
    }

    /// The longest line kept.
    public let maximumLineBytes: Int
    /// How many bytes of a line too long are kept for the message.
    public static let keptBytes = 1024
    private var head: [UInt8] = []
    private var pending: [UInt8] = []
    /// Bytes of the current line dropped so far (too long, or begun before the watch started).
    private var dropped = 0
    private var droppingSilently = false

    /// Creates a splitter.
    public init(maximumLineBytes: Int = 4 << 20) {
        self.maximumLineBytes = maximumLineBytes
    }

    /// Whether some bytes of an unfinished line are held.
    public var hasPartialLine: Bool { !pending.isEmpty || dropped > 0 }

    /// Drops the rest of the current line without a word: for a stream joined in the middle of a line.
    public mutating func skipToNextLine() {
        pending.removeAll()
        droppingSilently = true
        dropped = 1
    }

    /// Forgets everything held (the stream starts over).
    public mutating func reset() {
        pending.removeAll()
        head = []
        dropped = 0
        droppingSilently = false
    }

    /// Takes the next bytes of the stream and returns the lines they complete. A line dropped silently (see
    /// `skipToNextLine()`) is not returned.
    public mutating func append(_ bytes: some Collection<UInt8>) -> [Line] {
        if let lines = bytes.withContiguousStorageIfAvailable({ append(buffer: $0) }) { return lines }
        return Array(bytes).withUnsafeBufferPointer { append(buffer: $0) }
    }

    private mutating func append(buffer bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if dropped > 0 {
                dropped += piece.count
            } else if pending.count + piece.count > maximumLineBytes {
                dropped = pending.count + piece.count
                head = Array((pending + piece.prefix(LineSplitter.keptBytes)).prefix(LineSplitter.keptBytes))
                pending.removeAll()
            } else {
                pending.append(contentsOf: piece)
            }
            guard end < bytes.count else { break }
            lines.append(contentsOf: endLine())
            start = end + 1
        }
        return lines
    }

    /// Ends the stream: the partial last line, if any, as a line.
    public mutating func finish() -> [Line] {
        guard hasPartialLine else { return [] }
        return endLine()
    }

    private mutating func endLine() -> [Line] {
        defer {
            pending.removeAll(keepingCapacity: true)
            head = []
            dropped = 0
            droppingSilently = false
        }
        if dropped > 0 { return droppingSilently ? [] : [.tooLong(length: dropped, head: head)] }
        if pending.last == 0x0D { pending.removeLast() }
        return [.complete(pending)]
    }
}
