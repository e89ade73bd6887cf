import LexiconFormat
import TextNormalization

/// The toneless pinyin syllable of each Han character, for homophone-tolerant terms (钓鱼执法~ matches 掉鱼执法).
///
/// It comes from ICU's `Han-Latin; Latin-ASCII` transliterator, whose opening alone takes over 100 ms, so it is kept
/// as a data file (`Lexicons/characters/pinyin.tsv`, written by `triage lexicon tables`): lines
/// `SYLLABLE<TAB>CHARACTERS`. Syllables are numbered from 1; 0 means "no syllable".
public struct PinyinTable: Sendable {
    /// The syllable number of each BMP character (0: none).
    private var syllableOf = [UInt16](repeating: 0, count: 0x10000)
    /// How many characters have a syllable.
    public private(set) var count = 0
    /// The syllables, by number − 1.
    public private(set) var syllables: [String] = []

    /// An empty table (no term matches by sound).
    public init() {}

    /// Creates a table from (syllable, characters) rows.
    public init(rows: [(syllable: String, characters: [Unicode.Scalar])]) {
        for row in rows {
            syllables.append(row.syllable)
            for scalar in row.characters where scalar.value < 0x10000 {
                if syllableOf[Int(scalar.value)] == 0 { count += 1 }
                syllableOf[Int(scalar.value)] = UInt16(syllables.count)
            }
        }
    }

    /// The syllable number of a character, or 0.
    @inline(__always)
    func syllable(of scalar: Unicode.Scalar) -> UInt32 {
        scalar.value < 0x10000 ? UInt32(syllableOf[Int(scalar.value)]) : 0
    }

    /// Reads a pinyin file.
    ///
    /// - Throws: `LexiconError` for a malformed line or a syllable listed twice.
    public static func load(path: String) throws(LexiconError) -> PinyinTable {
        var rows: [(String, [Unicode.Scalar])] = []
        var seen: Set<String> = []
        for line in try LexiconFile(path: path).lines {
            let fields = line.fields
            guard fields.count == 2, !fields[0].isEmpty, fields[0].allSatisfy({ $0.isASCII && $0.isLetter }),
                !fields[1].isEmpty
            else {
                throw LexiconError(
                    file: path, line: line.number, reason: "expected: a toneless syllable, a tab, its characters")
            }
            guard seen.insert(fields[0]).inserted else {
                throw LexiconError(file: path, line: line.number, reason: "syllable '\(fields[0])' is listed twice")
            }
            rows.append((fields[0], Array(fields[1].unicodeScalars)))
        }
        return PinyinTable(rows: rows)
    }

    /// Builds the rows from ICU for every BMP Han character (slow: for `triage lexicon tables`).
    public static func rowsFromICU() -> [(syllable: String, characters: [Unicode.Scalar])] {
        let han = Transliteration.hanCharacters
        guard let results = Transliteration.perCharacter(han, id: "Han-Latin; Latin-ASCII") else { return [] }
        var bySyllable: [String: [Unicode.Scalar]] = [:]
        for (scalar, result) in zip(han, results) {
            let syllable = result.lowercased().filter { $0.isASCII && $0.isLetter }
            guard !syllable.isEmpty, syllable.count <= 6 else { continue }
            bySyllable[syllable, default: []].append(scalar)
        }
        return bySyllable.keys.sorted().map { ($0, bySyllable[$0]!) }
    }
}
