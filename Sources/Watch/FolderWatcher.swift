import Foundation
import TextDecoding

/// Watches a folder that receives files: each new regular file is read whole once it is not empty and its size has
/// stayed the same between two polls, in the order of the names, and never again (unless it is removed and arrives anew). Names
/// starting with "." or ending in ".part" or ".tmp" are ignored: a writer can write under such a name and rename.
/// Whole files are decoded with detection (UTF-8, UTF-16 with a byte order mark, GB18030 …).
public struct FolderWatcher: LineSource {
    /// The folder.
    public let path: String
    private var read: Set<String> = []
    private var sizes: [String: UInt64] = [:]
    private let encoding: TextEncoding?

    /// Starts watching a folder: the files already there are read too with `fromStart`, else only new ones.
    public init(path: String, fromStart: Bool, encoding: TextEncoding? = nil) {
        self.path = path
        self.encoding = encoding
        if !fromStart { read = Set(candidates().map(\.name)) }
    }

    /// A folder never ends.
    public var isFinished: Bool { false }

    /// The lines of the files that became complete since the last poll.
    public mutating func poll() -> [SourceEvent] {
        let present = candidates()
        read.formIntersection(present.map(\.name))
        var events: [SourceEvent] = []
        var waiting: [String: UInt64] = [:]
        for (name, size) in present where !read.contains(name) {
            guard size > 0, sizes[name] == size else {
                waiting[name] = size
                continue
            }
            read.insert(name)
            events += lines(of: name)
        }
        sizes = waiting
        return events
    }

    private func lines(of name: String) -> [SourceEvent] {
        let file = (path as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: file) else {
            return [.problem(source: file, number: nil, reason: "cannot be read")]
        }
        let text: String
        do {
            text = try TextDecoder(encoding: encoding, mode: .strict).decode(Array(data)).text
        } catch {
            return [.problem(source: file, number: nil, reason: "\(error)")]
        }
        var events: [SourceEvent] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.last == "\r" ? line.dropLast() : line
            events.append(.line(source: file, number: number, text: String(trimmed)))
        }
        if case .line(_, _, let last) = events.last, last.isEmpty { events.removeLast() }
        return events
    }

    /// The regular files that may be read, by name, with their sizes.
    private func candidates() -> [(name: String, size: UInt64)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.sorted().compactMap { name in
            guard !name.hasPrefix("."), !name.hasSuffix(".part"), !name.hasSuffix(".tmp"),
                let (_, size) = FileFollower.identity(of: (path as NSString).appendingPathComponent(name))
            else { return nil }
            return (name, size)
        }
    }
}
