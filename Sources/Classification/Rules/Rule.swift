/// A term a rule looks for: normalised text that must start and end on token boundaries.
public struct Term: Sendable, Hashable {
    /// The term in normalised form.
    public let text: String
    /// Whether the term also matches text that sounds the same (toneless pinyin), for ASR transcripts: 钓鱼执法~
    /// also matches 掉鱼执法.
    public let homophoneTolerant: Bool
}

/// A lexicon rule: when its terms occur as it requires, it votes for its sub-type with its weight.
public struct Rule: Sendable {
    /// Where a clause's term must be, relative to the anchor.
    public enum Placement: Sendable, Equatable, CustomStringConvertible {
        /// Anywhere in the text.
        case anywhere
        /// Within this many words of the anchor, on either side.
        case near(Int)
        /// Within this many words before the anchor.
        case before(Int)
        /// Within this many words after the anchor.
        case after(Int)

        public var description: String {
            switch self {
            case .anywhere: return "with"
            case .near(let n): return "near \(n)"
            case .before(let n): return "before \(n)"
            case .after(let n): return "after \(n)"
            }
        }
    }

    /// A further condition: one of its terms, not negated, placed as it says.
    public struct Clause: Sendable {
        /// Where the term must be.
        public let placement: Placement
        /// The term ids, any of which satisfies the clause.
        public let terms: [Int]
    }

    /// The rule's id, such as `s3.fine-no-receipt`; cited by evidence.
    public let id: String
    /// The sub-type it votes for (0 votes for out of scope; -1 for a risk rule, which votes for its reason).
    public let subtype: Int
    /// The risk or referral reason it votes for (risk rules only).
    public let reason: String?
    /// Its weight in (0, 1].
    public let weight: Double
    /// The anchor terms: the rule is tried at each occurrence of one of them.
    public let anchor: [Int]
    /// Further conditions, all required.
    public let clauses: [Clause]
    /// Terms that cancel the rule wherever they occur in the text.
    public let vetoes: [Int]
    /// Whether the text must concern an enforcement actor or unit (the scope gate).
    public let gated: Bool
    /// Where the rule is written.
    public let file: String
    /// The line of its `rule` directive.
    public let line: Int
}
