import Classification

/// How each rule behaves on a labelled file: for `triage lexicon check`.
public struct RuleDiagnostics: Sendable {
    /// One rule's figures.
    public struct RuleFigures: Sendable {
        /// The rule.
        public let id: String
        public let subtype: Int
        /// Items it fired on.
        public var fired = 0
        /// Of those, items whose gold labels (primary or secondary) include its sub-type.
        public var right = 0
        /// Items where its anchor occurred but it was negated, unmet, vetoed or shut out by the gate.
        public var blocked = 0
        /// The sub-types it fired on wrongly, with counts.
        public var wrongSubtypes: [Int: Int] = [:]

        /// The share of its firings that were right.
        public var precision: Double { fired == 0 ? 0 : Double(right) / Double(fired) }
        /// Whether it never fired.
        public var isDead: Bool { fired == 0 }
        /// Whether it fired at least 3 times and was wrong more often than right.
        public var isMostlyWrong: Bool { fired >= 3 && precision < 0.5 }
    }

    /// Per rule, in rule-book order.
    public private(set) var rules: [RuleFigures]
    /// Pairs of rules that fired on the same items: `overlaps` vote for the same sub-type, `conflicts` for different
    /// ones. Keyed "a|b" with a < b.
    public private(set) var overlaps: [String: Int] = [:]
    public private(set) var conflicts: [String: Int] = [:]
    private let index: [String: Int]

    /// Starts figures for every rule of a rule book.
    public init(book: RuleBook) {
        rules = book.rules.map { RuleFigures(id: $0.id, subtype: $0.subtype) }
        index = Dictionary(uniqueKeysWithValues: book.rules.enumerated().map { ($1.id, $0) })
    }

    /// Adds one labelled item's classification.
    public mutating func add(gold: LabelledClue, classification: Classification) {
        let labels = Set([gold.primary] + gold.secondary)
        var firedHere: [RuleFigures] = []
        for outcome in classification.outcomes {
            guard let position = index[outcome.rule] else { continue }
            if outcome.status == .fired {
                rules[position].fired += 1
                if labels.contains(outcome.subtype) {
                    rules[position].right += 1
                } else {
                    rules[position].wrongSubtypes[gold.primary, default: 0] += 1
                }
                firedHere.append(rules[position])
            } else {
                rules[position].blocked += 1
            }
        }
        for (offset, first) in firedHere.enumerated() {
            for second in firedHere[(offset + 1)...] {
                let key = [first.id, second.id].sorted().joined(separator: "|")
                if first.subtype == second.subtype {
                    overlaps[key, default: 0] += 1
                } else {
                    conflicts[key, default: 0] += 1
                }
            }
        }
    }
}
