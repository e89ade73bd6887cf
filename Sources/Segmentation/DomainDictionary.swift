import Foundation
import LexiconFormat
import TextNormalization

/// The domain dictionary the segmenter overlays on ICU: terms that must come out whole (钓鱼执法, 治超站, 临泉县) and,
/// written with spaces, the segmentation of strings ICU gets wrong (`扣 了` makes 扣了 two tokens).
///
/// Lookup is a character trie; `longestMatch(in:from:where:)` walks it from a position.
public struct DomainDictionary: Sendable {
    /// One entry: the characters it matches and the token boundaries inside them.
    public struct Entry: Sendable, Equatable {
        /// The characters matched, in normalised form.
        public let scalars: [Unicode.Scalar]
        /// The token lengths, in scalars, that the match is cut into (one element for a whole term).
        public let pieces: [Int]
    }

    private var entries: [Entry] = []
    /// The root's children by BMP scalar (most lookups start and fail there), and the other trie edges, keyed by
    /// node index and scalar.
    private var rootChildren: [Int32] = []
    private var edges = IntegerMap()
    /// For each trie node, the index of the entry ending there, or -1.
    private var terminal: [Int32] = [-1]

    /// The number of entries.
    public var count: Int { entries.count }

    /// What to detach from ICU's words (numerals' classifiers, aspect particles); see `Lexicons/segmentation/detach.tsv`.
    public var detachment = Detachment()

    /// An empty dictionary (the segmenter then behaves as ICU alone).
    public init() {}

    /// Creates a dictionary from terms; a term with spaces gives the segmentation of the string without them.
    /// A later entry for the same string replaces an earlier one.
    public init(terms: some Sequence<String>) {
        for term in terms { insert(term) }
    }

    /// Adds a term; spaces inside it mark token boundaries.
    public mutating func insert(_ term: String) {
        let pieces = term.split(separator: " ").map { Array($0.unicodeScalars) }
        guard !pieces.isEmpty else { return }
        let entry = Entry(scalars: pieces.flatMap { $0 }, pieces: pieces.map(\.count))
        if rootChildren.isEmpty { rootChildren = [Int32](repeating: -1, count: 0x10000) }
        var node: Int32 = 0
        for scalar in entry.scalars {
            if let child = child(of: node, scalar) {
                node = child
            } else {
                let child = Int32(terminal.count)
                terminal.append(-1)
                if node == 0 && scalar.value < 0x10000 {
                    rootChildren[Int(scalar.value)] = child
                } else {
                    edges.set(child, for: UInt64(UInt32(node)) << 32 | UInt64(scalar.value))
                }
                node = child
            }
        }
        if terminal[Int(node)] >= 0 {
            entries[Int(terminal[Int(node)])] = entry
        } else {
            terminal[Int(node)] = Int32(entries.count)
            entries.append(entry)
        }
    }

    /// Whether the dictionary has an entry for exactly these characters.
    public func contains(_ term: String) -> Bool {
        var node: Int32 = 0
        for scalar in term.unicodeScalars where scalar != " " {
            guard let child = child(of: node, scalar) else { return false }
            node = child
        }
        return terminal[Int(node)] >= 0
    }

    @inline(__always)
    private func child(of node: Int32, _ scalar: Unicode.Scalar) -> Int32? {
        if node == 0 && scalar.value < 0x10000 {
            guard !rootChildren.isEmpty else { return nil }
            let child = rootChildren[Int(scalar.value)]
            return child < 0 ? nil : child
        }
        return edges.value(for: UInt64(UInt32(node)) << 32 | UInt64(scalar.value))
    }

    /// The longest entry that matches `scalars` from `start` and whose end satisfies `acceptEnd`.
    public func longestMatch(
        in scalars: [Unicode.Scalar], from start: Int, where acceptEnd: (Int) -> Bool
    ) -> Entry? {
        var node: Int32 = 0
        var best: Int32 = -1
        var position = start
        while position < scalars.count, let child = child(of: node, scalars[position]) {
            node = child
            position += 1
            if terminal[Int(node)] >= 0 && acceptEnd(position) { best = terminal[Int(node)] }
        }
        return best >= 0 ? entries[Int(best)] : nil
    }
}

extension DomainDictionary {
    /// The data files the overlay is built from, relative to the lexicon directory: every `.txt` under
    /// `segmentation/` (one term a line) and the first column of every `.tsv` under `places/` (gazetteers).
    public static let sourceFolders = (terms: "segmentation", places: "places")

    /// Loads the overlay from a lexicon directory (see `sourceFolders`).
    ///
    /// Every term is checked: it must be in normalised form (simplified, half-width: what the normaliser produces),
    /// contain no tab or control character, and appear once per file.
    ///
    /// - Throws: `LexiconError` naming the file and line of the first problem.
    public static func load(lexiconDirectory: String, normalizer: Normalizer = Normalizer()) throws(LexiconError)
        -> DomainDictionary
    {
        var dictionary = DomainDictionary()
        let termFiles = try LexiconFile.files(in: lexiconDirectory + "/" + sourceFolders.terms, withExtensions: ["txt"])
        for path in termFiles {
            let file = try LexiconFile(path: path)
            var seen: [String: Int] = [:]
            for line in file.lines {
                try validate(line.text, at: line, in: file, normalizer: normalizer, seen: &seen)
                dictionary.insert(line.text)
            }
        }
        let detachPath = lexiconDirectory + "/" + sourceFolders.terms + "/" + Detachment.fileName
        if FileManager.default.fileExists(atPath: detachPath) {
            dictionary.detachment = try Detachment.load(path: detachPath)
        }
        let placeFolder = lexiconDirectory + "/" + sourceFolders.places
        for path in try LexiconFile.files(in: placeFolder, withExtensions: ["tsv"]) {
            let file = try LexiconFile(path: path)
            var seen: [String: Int] = [:]
            for line in file.lines {
                let name = line.fields[0]
                try validate(name, at: line, in: file, normalizer: normalizer, seen: &seen)
                if !name.contains(" ") { dictionary.insert(name) }
            }
        }
        return dictionary
    }

    private static func validate(
        _ term: String, at line: LexiconFile.Line, in file: LexiconFile, normalizer: Normalizer,
        seen: inout [String: Int]
    ) throws(LexiconError) {
        if term.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw LexiconError(file: file.path, line: line.number, reason: "term contains a tab or control character")
        }
        if term.contains("  ") {
            throw LexiconError(file: file.path, line: line.number, reason: "two spaces in a row in '\(term)'")
        }
        let key = String(term.unicodeScalars.filter { $0 != " " })
        let normalized = normalizer.isPlainlyNormalized(key) ? key : normalizer.normalize(key).text
        if normalized != key {
            throw LexiconError(
                file: file.path, line: line.number,
                reason: "'\(term)' is not in normalised form (it normalises to '\(normalized)'); write it that way")
        }
        if let first = seen[key] {
            throw LexiconError(
                file: file.path, line: line.number, reason: "'\(key)' is already listed at line \(first)")
        }
        seen[key] = line.number
    }
}
