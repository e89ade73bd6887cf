/// One occurrence of a rule term in a text, aligned with token boundaries.
public struct TermMatch: Sendable, Equatable {
    /// The term's id in the rule book.
    public let term: Int
    /// Its range in the normalised text, in Unicode scalars.
    public let range: Range<Int>
    /// The index of its first and last word (tokens other than spaces and punctuation), for windows.
    public let firstWord: Int
    public let lastWord: Int
    /// Whether it matched by sound (toneless pinyin) rather than by characters.
    public let bySound: Bool
    /// Whether a negator governs it (没有乱收费).
    public var negated = false
    /// Whether it stands in a hotline operator's turn, which is not evidence.
    public var inOperatorTurn = false

    /// Whether it counts as evidence.
    public var counts: Bool { !negated && !inOperatorTurn }
}
