import ArgumentParser
import Foundation
import Pipeline
import TextNormalization

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

    /// The lexicon folder as a library a long-running command reloads when files change; a broken file stops the
    /// command with its file:line message.
    func library() throws -> LexiconLibrary {
        let directory = try resolve()
        do {
            return try LexiconLibrary(directory: directory)
        } catch {
            throw ValidationError("lexicon error: \(error)")
        }
    }
}

extension LexiconOptions {
    /// The normaliser, with the traditional → simplified table of the lexicon folder (ICU's when there is none).
    func normalizer() throws -> Normalizer {
        guard let directory = try? resolve() else { return Normalizer() }
        let path = directory + "/" + LexiconSet.simplificationFile
        guard FileManager.default.fileExists(atPath: path) else { return Normalizer() }
        do {
            return Normalizer(simplification: try Simplification.load(path: path))
        } catch {
            throw ValidationError("lexicon error: \(error)")
        }
    }
}
