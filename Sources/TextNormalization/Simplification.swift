import Foundation
import LexiconFormat

/// The traditional → simplified mapping of single Han characters.
///
/// It comes from ICU's `Traditional-Simplified` transliterator, one character at a time. Opening and running that
/// transliterator takes about 50 ms, so the mapping is kept as a data file (`Lexicons/characters/simplified.tsv`,
/// written by `triage lexicon tables`) and loaded from there; `Simplification.icu` builds it from ICU directly.
public struct Simplification: Sendable {
    private let table: [UInt16]

    /// The mapping built from ICU on first use.
    public static let icu = Simplification(pairs: Simplification.pairsFromICU())

    /// Creates a mapping from (traditional, simplified) pairs of BMP characters.
    public init(pairs: [(Unicode.Scalar, Unicode.Scalar)]) {
        var table = (0..<0x10000).map { UInt16($0) }
        for (traditional, simplified) in pairs where traditional.value < 0x10000 && simplified.value < 0x10000 {
            table[Int(traditional.value)] = UInt16(simplified.value)
        }
        self.table = table
    }

    /// The simplified form of a character (the character itself when it has none).
    @inline(__always)
    public func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard value < 0x10000 else { return scalar }
        return Unicode.Scalar(table[Int(value)]) ?? scalar
    }

    /// Reads the characters to keep out of the table (`characters/kept.txt`): one character a line; none when the
    /// file does not exist.
    ///
    /// - Throws: `LexiconError` for a line that is not a single character.
    public static func keptCharacters(path: String) throws(LexiconError) -> Set<Unicode.Scalar> {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var kept: Set<Unicode.Scalar> = []
        for line in try LexiconFile(path: path).lines {
            let scalars = Array(line.text.unicodeScalars)
            guard scalars.count == 1 else {
                throw LexiconError(file: path, line: line.number, reason: "one character a line, not '\(line.text)'")
            }
            kept.insert(scalars[0])
        }
        return kept
    }

    /// Reads a mapping file: lines `TRADITIONAL<TAB>SIMPLIFIED`, one character each.
    ///
    /// - Throws: `LexiconError` for a line that is not two single characters.
    public static func load(path: String) throws(LexiconError) -> Simplification {
        var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
        for line in try LexiconFile(path: path).lines {
            let fields = line.fields
            guard fields.count == 2, let from = fields[0].unicodeScalars.first, let to = fields[1].unicodeScalars.first,
                fields[0].unicodeScalars.count == 1, fields[1].unicodeScalars.count == 1
            else {
                throw LexiconError(file: path, line: line.number, reason: "expected: a character, a tab, a character")
            }
            pairs.append((from, to))
        }
        return Simplification(pairs: pairs)
    }

    /// Every BMP Han character that ICU's `Traditional-Simplified` transliterator changes, with its simplified form.
    public static func pairsFromICU() -> [(Unicode.Scalar, Unicode.Scalar)] {
        let han = Transliteration.hanCharacters
        guard let results = Transliteration.perCharacter(han, id: "Traditional-Simplified") else { return [] }
        return zip(han, results).compactMap { scalar, result in
            let scalars = Array(result.unicodeScalars)
            guard scalars.count == 1, scalars[0] != scalar else { return nil }
            return (scalar, scalars[0])
        }
    }
}
