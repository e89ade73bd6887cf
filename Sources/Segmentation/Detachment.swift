import LexiconFormat

/// Characters the segmenter cuts off ICU's Han words, so that they follow the segmentation convention: a classifier
/// after a numeral (三天 → 三 天) an aspect particle after a verb (罚了 → 罚 了) and a
/// negation before one (不合理 → 不 合理).
public struct Detachment: Sendable {
    /// The file under `Lexicons/segmentation/` that defines it.
    public static let fileName = "detach.tsv"

    private(set) var numerals: Set<Unicode.Scalar> = []
    private(set) var classifiers: Set<Unicode.Scalar> = []
    private(set) var suffixes: Set<Unicode.Scalar> = []
    private(set) var prefixes: Set<Unicode.Scalar> = []
    private(set) var keep: Set<String> = []
    /// The sets above for BMP characters, as bits per character (`Kind`), made by `load`: `cut` runs on every Han
    /// word of two characters or more, where hashing into the sets cost more than the rest of the cut. Empty when
    /// every set is.
    private var kindsOfBMP: [Kind] = []

    /// Which of the sets a character is in.
    private struct Kind: OptionSet, Sendable {
        let rawValue: UInt8
        static let numeral = Kind(rawValue: 1)
        static let classifier = Kind(rawValue: 2)
        static let suffix = Kind(rawValue: 4)
        static let prefix = Kind(rawValue: 8)
    }

    /// Detaches nothing.
    public init() {}

    /// Where to cut an ICU word: the length of its first piece, or `nil` to keep it whole.
    func cut(_ word: ArraySlice<Unicode.Scalar>, text: () -> String) -> Int? {
        guard word.count >= 2, let last = word.last, let first = word.first else { return nil }
        if isMember(last, .classifier, of: classifiers),
            word.dropLast().allSatisfy({ isMember($0, .numeral, of: numerals) })
        {
            return word.count - 1
        }
        if isMember(last, .suffix, of: suffixes), !keep.contains(text()) { return word.count - 1 }
        if isMember(first, .prefix, of: prefixes), !keep.contains(text()) { return 1 }
        return nil
    }

    /// Whether a character is in `set`, which `kind` marks in `kindsOfBMP`.
    @inline(__always)
    private func isMember(_ scalar: Unicode.Scalar, _ kind: Kind, of set: Set<Unicode.Scalar>) -> Bool {
        guard scalar.value < 0x10000 else { return set.contains(scalar) }
        return !kindsOfBMP.isEmpty && kindsOfBMP[Int(scalar.value)].contains(kind)
    }

    /// Reads `detach.tsv`: rows `numeral|classifier|approximator|suffix|prefix CHARACTERS` and `keep WORDS`.
    ///
    /// - Throws: `LexiconError` for an unknown kind or an empty row.
    static func load(path: String) throws(LexiconError) -> Detachment {
        var result = Detachment()
        for line in try LexiconFile(path: path).lines {
            let fields = line.fields
            guard fields.count == 2, !fields[1].isEmpty else {
                throw LexiconError(file: path, line: line.number, reason: "expected: kind, then characters or words")
            }
            let characters = Set(fields[1].unicodeScalars.filter { $0 != " " })
            switch fields[0] {
            case "numeral": result.numerals.formUnion(characters)
            case "classifier", "approximator": result.classifiers.formUnion(characters)
            case "suffix": result.suffixes.formUnion(characters)
            case "prefix": result.prefixes.formUnion(characters)
            case "keep": result.keep.formUnion(fields[1].split(separator: " ").map(String.init))
            default:
                throw LexiconError(
                    file: path, line: line.number,
                    reason: "unknown kind '\(fields[0])' (numeral, classifier, approximator, suffix, prefix or keep)")
            }
        }
        let sets: [(Set<Unicode.Scalar>, Kind)] = [
            (result.numerals, .numeral), (result.classifiers, .classifier), (result.suffixes, .suffix),
            (result.prefixes, .prefix),
        ]
        if sets.contains(where: { !$0.0.isEmpty }) {
            result.kindsOfBMP = [Kind](repeating: [], count: 0x10000)
            for (set, kind) in sets {
                for scalar in set where scalar.value < 0x10000 { result.kindsOfBMP[Int(scalar.value)].insert(kind) }
            }
        }
        return result
    }
}
