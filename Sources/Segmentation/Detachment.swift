import LexiconFormat

/// Characters the segmenter cuts off ICU's Han words, so that they follow the segmentation convention: a classifier
/// after a numeral (三天 → 三 天) an aspect particle after a verb (罚了 → 罚 了) and a
/// negation before one (不合理 → 不 合理).
public struct Detachment: Sendable {
    /// The file under `Lexicons/segmentation/` that defines it.
    public static let fileName = "detach.tsv"

    var numerals: Set<Unicode.Scalar> = []
    var classifiers: Set<Unicode.Scalar> = []
    var suffixes: Set<Unicode.Scalar> = []
    var prefixes: Set<Unicode.Scalar> = []
    var keep: Set<String> = []

    /// Detaches nothing.
    public init() {}

    /// Where to cut an ICU word: the length of its first piece, or `nil` to keep it whole.
    func cut(_ word: ArraySlice<Unicode.Scalar>, text: () -> String) -> Int? {
        guard word.count >= 2, let last = word.last else { return nil }
        if classifiers.contains(last), word.dropLast().allSatisfy(numerals.contains) { return word.count - 1 }
        if suffixes.contains(last), !keep.contains(text()) { return word.count - 1 }
        if let first = word.first, prefixes.contains(first), !keep.contains(text()) { return 1 }
        return nil
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
        return result
    }
}
