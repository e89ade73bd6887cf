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
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self[range])
        return String(view)
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
