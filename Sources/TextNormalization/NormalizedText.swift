/// Text after normalisation, with a map from every position back to the original text.
///
/// Positions are offsets in Unicode scalars, in the normalised text (`scalars`) and in the original text as received;
/// evidence spans cite the original.
public struct NormalizedText: Sendable, Equatable {
    /// The normalised text as Unicode scalars.
    public let scalars: [Unicode.Scalar]
    /// The length of the original text, in Unicode scalars.
    public let originalLength: Int
    /// For each normalised scalar, where in the original text it came from.
    private let originStarts: [Int32]
    private let originEnds: [Int32]
    /// Positions where a space between two runs of two or more Han characters was removed ("那倒没有 就是指着鼻子骂"),
    /// in order. In transcripts and posts without punctuation such a space ends a clause, as a comma would; a space
    /// between single characters (钓 鱼 执 法) is inserted noise and is not a pause.
    public let pauses: [Int]

    init(
        scalars: [Unicode.Scalar], originStarts: [Int32], originEnds: [Int32], originalLength: Int, pauses: [Int] = []
    ) {
        self.scalars = scalars
        self.originStarts = originStarts
        self.originEnds = originEnds
        self.originalLength = originalLength
        self.pauses = pauses
    }

    /// The normalised text.
    public var text: String {
        String(scalars: scalars)
    }

    /// The normalised text of a range of scalars.
    public func text(in range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// The range of the original text that a range of the normalised text came from.
    ///
    /// A non-empty range maps to the span from the origin of its first scalar to the end of the origin of its last,
    /// so characters removed inside it (inserted noise, invisible characters) are covered. An empty range maps to an
    /// empty range at the corresponding original position.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count, "range outside the normalised text")
        if range.isEmpty {
            let position = originalPosition(of: range.lowerBound)
            return position..<position
        }
        return Int(originStarts[range.lowerBound])..<Int(originEnds[range.upperBound - 1])
    }

    /// The original position corresponding to a position (0...count) of the normalised text.
    public func originalPosition(of position: Int) -> Int {
        if position < scalars.count { return Int(originStarts[position]) }
        return scalars.isEmpty ? originalLength : Int(originEnds[scalars.count - 1])
    }
}
