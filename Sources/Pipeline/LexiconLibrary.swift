import LexiconFormat

/// The lexicons a long-running process works with, reloadable without a restart.
///
/// `reload()` reads and checks every file again and swaps the new set in only when all of it loaded: a broken file
/// leaves the running set in place and reports the file and line. Analyzers made from `current` keep the set they
/// were made with; make new ones after a reload.
public actor LexiconLibrary {
    /// The folder the lexicons are read from.
    public nonisolated let directory: String
    /// The set in use.
    public private(set) var current: LexiconSet
    /// How many times a reload succeeded.
    public private(set) var generation = 0

    /// Loads the lexicons of a folder.
    ///
    /// - Throws: `LexiconError` naming the file and line of the first problem.
    public init(directory: String) throws(LexiconError) {
        self.directory = directory
        current = try LexiconSet(directory: directory)
    }

    /// Reads every file again and uses the new set if all of it is valid.
    ///
    /// - Throws: `LexiconError` for the first problem; the set in use is then unchanged.
    @discardableResult
    public func reload() throws(LexiconError) -> LexiconSet {
        let fresh = try LexiconSet(directory: directory)
        current = fresh
        generation += 1
        return fresh
    }
}
