import Foundation
import LexiconFormat
import Synchronization

/// The lexicons a long-running process works with, reloadable without a restart.
///
/// `reload()` reads and checks every file again and swaps the new set in only when all of it loaded: a broken file
/// leaves the running set in place and reports the file and line. `reloadIfChanged()` does so only when a file of
/// the folder was added, removed or changed since the last load (by path, size and modification time), so a process
/// can call it every few seconds. Analyzers made from `current` keep the set they were made with; make new ones
/// after a reload. Safe to share between threads.
public final class LexiconLibrary: Sendable {
    /// The folder the lexicons are read from.
    public let directory: String
    private let state: Mutex<State>

    private struct State {
        var current: LexiconSet
        var generation = 0
        /// The folder's files as last loaded or last found broken.
        var stamp: [String: FileStamp]
    }

    /// What tells that a file changed.
    private struct FileStamp: Equatable {
        let size: Int
        let modified: Date
    }

    /// Loads the lexicons of a folder.
    ///
    /// - Throws: `LexiconError` naming the file and line of the first problem.
    public init(directory: String) throws(LexiconError) {
        self.directory = directory
        let stamp = LexiconLibrary.stamp(of: directory)
        state = Mutex(State(current: try LexiconSet(directory: directory), stamp: stamp))
    }

    /// The set in use.
    public var current: LexiconSet { state.withLock { $0.current } }
    /// How many times a reload succeeded.
    public var generation: Int { state.withLock { $0.generation } }

    /// Reads every file again and uses the new set if all of it is valid.
    ///
    /// - Throws: `LexiconError` for the first problem; the set in use is then unchanged.
    @discardableResult
    public func reload() throws(LexiconError) -> LexiconSet {
        let stamp = LexiconLibrary.stamp(of: directory)
        do {
            let fresh = try LexiconSet(directory: directory)
            state.withLock {
                $0.current = fresh
                $0.generation += 1
                $0.stamp = stamp
            }
            return fresh
        } catch {
            state.withLock { $0.stamp = stamp }  // report a broken file once, not at every check
            throw error
        }
    }

    /// Reloads when a file of the folder changed since the last load: the new set, or nil when nothing changed.
    ///
    /// - Throws: `LexiconError` when the changed files do not load; the set in use is then unchanged, and the same
    ///   broken files are not reported again until they change.
    public func reloadIfChanged() throws(LexiconError) -> LexiconSet? {
        let stamp = LexiconLibrary.stamp(of: directory)
        guard state.withLock({ $0.stamp != stamp }) else { return nil }
        return try reload()
    }

    /// Every regular file under the folder with its size and modification time.
    private static func stamp(of directory: String) -> [String: FileStamp] {
        var stamp: [String: FileStamp] = [:]
        let base = URL(fileURLWithPath: directory)
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys) else {
            return stamp
        }
        while let url = walker.nextObject() as? URL {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                continue
            }
            stamp[url.path] = FileStamp(
                size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
        }
        return stamp
    }
}
