import TextNormalization

extension Unicode.Scalar {
    /// An ASCII digit.
    var isDigit: Bool { ("0"..."9").contains(self) }
    /// An ASCII letter.
    var isLatinLetter: Bool { ("A"..."Z").contains(self) || ("a"..."z").contains(self) }
    /// An ASCII letter or digit.
    var isAlphanumeric: Bool { isDigit || isLatinLetter }
}

extension Array where Element == Unicode.Scalar {
    /// The text of a range.
    func string(_ range: Range<Int>) -> String {
        String(scalars: self[range])
    }

    /// Whether the text at `position` starts with `prefix`.
    func hasPrefix(_ prefix: String, at position: Int) -> Bool {
        var index = position
        for scalar in prefix.unicodeScalars {
            guard index < count, self[index] == scalar else { return false }
            index += 1
        }
        return true
    }
}

/// Cue words, longest first, with the characters they start with: prepared once when the lexicons load, so that a
/// scan only tries the words at positions holding one of those characters.
struct CueWords: Sendable {
    /// The words, longest first.
    let words: [String]
    /// The first character of each word.
    let starts: ScalarSet

    /// Prepares a list of cue words.
    init(_ words: [String]) {
        self.words = words.sorted { $0.count > $1.count }
        starts = ScalarSet(words.compactMap { $0.unicodeScalars.first })
    }
}
