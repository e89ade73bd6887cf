import Foundation
import TextDecoding

/// Follows a file that grows (`tail -F`): each poll reads only the bytes appended since the last one and yields
/// the lines they complete; a partial last line waits for its newline. A file that shrinks (truncated) or is
/// replaced (another inode: rotated, or written anew) is read again from its start. A file that does not exist yet
/// is waited for, and read from its start when it appears.
public struct FileFollower: LineSource {
    /// The file.
    public let path: String
    /// Bytes read per poll at most (a large backlog is read over several polls).
    public static let chunkSize = 4 << 20
    private var offset: UInt64 = 0
    private var inode: UInt64?
    private var splitter = LineSplitter()
    private var lineNumber = 0
    private let decoder: LineDecoder

    /// Starts following a file: from its start with `fromStart`, else from its current end (a line being written
    /// at that moment is skipped). `encoding` is for lines that are not UTF-8 (detected per line when `nil`).
    public init(path: String, fromStart: Bool, encoding: TextEncoding? = nil) {
        self.path = path
        decoder = LineDecoder(encoding: encoding)
        guard let (inode, size) = FileFollower.identity(of: path) else { return }
        self.inode = inode
        guard !fromStart, size > 0 else { return }
        offset = size
        // Count the lines already there, so that messages name the right line, and note a partial last line.
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var position: UInt64 = 0
        var last: UInt8 = 0x0A
        while position < size, let data = try? handle.read(upToCount: FileFollower.chunkSize), !data.isEmpty {
            let usable = data.prefix(Int(min(UInt64(data.count), size - position)))
            lineNumber += usable.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            last = usable.last ?? last
            position += UInt64(usable.count)
        }
        if last != 0x0A {
            // The line being written counts, but is not read: its start went by before the watch began.
            lineNumber += 1
            splitter.skipToNextLine()
        }
    }

    /// A file never ends.
    public var isFinished: Bool { false }

    /// The lines appended since the last poll.
    public mutating func poll() -> [SourceEvent] {
        guard let (currentInode, size) = FileFollower.identity(of: path) else { return [] }
        var events: [SourceEvent] = []
        if currentInode != inode || size < offset {
            if inode != nil {
                let what = currentInode != inode ? "replaced" : "truncated"
                events.append(.problem(source: path, number: nil, reason: "file \(what); reading it from the start"))
            }
            inode = currentInode
            offset = 0
            lineNumber = 0
            splitter.reset()
        }
        guard size > offset, let handle = FileHandle(forReadingAtPath: path) else { return events }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: offset)
            while offset < size, let data = try handle.read(upToCount: FileFollower.chunkSize), !data.isEmpty {
                offset += UInt64(data.count)
                events += decoder.events(splitter.append(data), source: path, number: &lineNumber)
                if events.count > 10_000 { break }
            }
        } catch {
            events.append(.problem(source: path, number: nil, reason: "cannot be read: \(error.localizedDescription)"))
        }
        return events
    }

    /// The inode and size of a regular file, or `nil` when there is none at the path.
    static func identity(of path: String) -> (UInt64, UInt64)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.uint64Value
        else { return nil }
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        return (inode, size)
    }
}
