import TextNormalization

/// What a token is made of.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// Han characters: a Chinese word.
    case han
    /// Digits, possibly with a decimal point.
    case number
    /// Latin letters, possibly with digits (K12345, GPS).
    case latin
    /// A punctuation mark.
    case punctuation
    /// White space (one space or one newline after normalisation).
    case space
    /// Anything else: emoji, symbols, kana, other scripts.
    case other
}

/// A word of a segmented text, with where it is in the normalised text and in the original text.
///
/// A token holds no text of its own, only ranges (`text(in:)` makes its text from the normalised text): a String per
/// token was made for every token of every clue and released with it, and most tokens are never read as text.
public struct Token: Sendable, Equatable, Codable {
    /// Where the token's boundaries came from.
    public enum Source: String, Sendable, Codable {
        /// ICU's word break iterator.
        case icu
        /// The domain dictionary overlay.
        case dictionary
    }

    /// What the token is made of.
    public let kind: TokenKind
    /// Its range in the normalised text, in Unicode scalars.
    public let range: Range<Int>
    /// Its range in the original text, in Unicode scalars.
    public let originalRange: Range<Int>
    /// Whether ICU or the dictionary decided it.
    public let source: Source

    /// Creates a token.
    public init(kind: TokenKind, range: Range<Int>, originalRange: Range<Int>, source: Source) {
        self.kind = kind
        self.range = range
        self.originalRange = originalRange
        self.source = source
    }

    /// The token's normalised text, from the normalised text it was segmented from.
    public func text(in normalized: NormalizedText) -> String {
        normalized.text(in: range)
    }

    /// Whether the token is a word (not white space or punctuation).
    public var isWord: Bool { kind != .space && kind != .punctuation }
}
