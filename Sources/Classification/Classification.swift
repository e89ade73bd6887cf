import TextNormalization

/// A span of the original text that made a rule fire.
public struct Evidence: Sendable, Equatable, Codable {
    /// The id of the rule.
    public let rule: String
    /// The sub-type the rule votes for.
    public let subtype: Int
    /// Offsets in the original text, in Unicode scalars.
    public let start: Int
    public let end: Int
    /// The original text of the span.
    public let text: String

    /// Creates evidence.
    public init(rule: String, subtype: Int, start: Int, end: Int, text: String) {
        self.rule = rule
        self.subtype = subtype
        self.start = start
        self.end = end
        self.text = text
    }

    /// Evidence for a range of the normalised text: the span it came from in the original text, and that span's text.
    public init(
        rule: String, subtype: Int, normalizedRange range: Range<Int>, in normalized: NormalizedText,
        original: [Unicode.Scalar]
    ) {
        let span = normalized.originalRange(of: range)
        self.init(
            rule: rule, subtype: subtype, start: span.lowerBound, end: span.upperBound,
            text: String(scalars: original[span]))
    }
}

/// What happened to one rule on one text (for `triage explain`).
public struct RuleOutcome: Sendable, Equatable {
    /// Why the rule did or did not vote.
    public enum Status: String, Sendable {
        /// It held and voted for its sub-type.
        case fired
        /// Its anchor occurred, but only negated or in an operator's turn.
        case negated
        /// Its anchor occurred but a further clause did not hold.
        case unmet
        /// It held, but a veto term cancelled it.
        case vetoed
        /// It held, but the text concerns no enforcement actor (the scope gate is shut).
        case gateShut = "gate-shut"
    }

    /// The rule's id.
    public let rule: String
    /// The sub-type it votes for (-1 for a risk rule).
    public let subtype: Int
    /// The risk reason it votes for (risk rules only).
    public let reason: String?
    /// Its weight.
    public let weight: Double
    /// What happened.
    public let status: Status
    /// The spans that made it fire (or would have).
    public let evidence: [Evidence]
}

/// The classifier's decision on one text.
public struct Classification: Sendable, Equatable {
    /// Whether the text reports one of the 21 problems.
    public let inScope: Bool
    /// The primary sub-type, 1–21, or 0 when out of scope.
    public let subtype: Int
    /// Further sub-types the text also reports.
    public let secondary: [Int]
    /// How sure the decision is, in [0, 1].
    public let confidence: Double
    /// Whether a person should check it: weak evidence, or two sub-types close together.
    public let needsReview: Bool
    /// The evidence for the primary and secondary sub-types.
    public let evidence: [Evidence]
    /// The score of every sub-type that any rule voted for (0 is out of scope).
    public let scores: [Int: Double]
    /// Whether the text concerns an enforcement actor or unit.
    public let gateOpen: Bool
    /// The rules that fired, or, when the classifier records every outcome, every rule whose anchor occurred and what
    /// became of it.
    public let outcomes: [RuleOutcome]
    /// What decided: `rules`; `model` when the rules were silent and the statistical model backed them up; `rules and
    /// model` when the model chose among sub-types the rules scored alike.
    public var decidedBy = "rules"
}
