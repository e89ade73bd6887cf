import ArgumentParser
import Pipeline

extension LexiconOptions {
    /// Loads every data file of the lexicon folder; a broken file stops the command with its file:line message.
    func load() throws -> LexiconSet {
        let directory = try resolve()
        do {
            return try LexiconSet(directory: directory)
        } catch {
            throw ValidationError("lexicon error: \(error)")
        }
    }
}
