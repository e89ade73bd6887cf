import Segmentation
import TextNormalization

/// Evaluates the rules of a rule book on a text: finds the terms, then tells for each rule anchored on one of them
/// whether it fired, and why not otherwise. The classifier and the risk assessment both decide from its outcomes.
///
/// One per task or thread (it keeps scratch space between texts).
public final class RuleEngine {
    /// The rules.
    public let book: RuleBook
    private let matcher: RuleMatcher

    /// Whether outcomes list every rule whose anchor occurred (for explanations and diagnostics), or only the rules
    /// that fired (faster).
    public var recordsEveryOutcome = false

    /// For each term, the rules anchored on it.
    private let rulesAnchoredOn: [[Int]]
    /// Scratch space: for each term, its group of occurrences in the text being evaluated, or -1.
    private var groupOf: [Int32]

    /// What the rules made of one text.
    public struct Evaluation: Sendable {
        /// The rules that fired (or every rule whose anchor occurred, when asked).
        public let outcomes: [RuleOutcome]
        /// Whether the text concerns an enforcement actor or unit.
        public let gateOpen: Bool
    }

    /// Creates an engine over a rule book; homophone-tolerant terms match by sound through the pinyin table.
    public init(book: RuleBook, pinyin: PinyinTable) {
        self.book = book
        self.matcher = RuleMatcher(book: book, pinyin: pinyin)
        var anchored = [[Int]](repeating: [], count: book.terms.count)
        for (index, rule) in book.rules.enumerated() {
            for term in Set(rule.anchor) { anchored[term].append(index) }
        }
        rulesAnchoredOn = anchored
        groupOf = [Int32](repeating: -1, count: book.terms.count)
    }

    /// Every term occurrence in a text (for `triage explain`).
    public func matches(in text: NormalizedText, tokens: [Token]) -> [TermMatch] {
        matcher.matches(in: text, tokens: tokens)
    }

    public func evaluate(original: [Unicode.Scalar], normalized: NormalizedText, tokens: [Token]) -> Evaluation {
        let found = matcher.matches(in: normalized, tokens: tokens)
        // Group the occurrences by term: groupOf[term] indexes `groups` for the terms this text holds. The scratch
        // array is moved into a local for the call (closures below read it) and handed back, cleared, at the end.
        var groupOf: [Int32] = []
        swap(&groupOf, &self.groupOf)
        var groups: [[TermMatch]] = []
        var touched: [Int] = []
        for match in found {
            let slot = groupOf[match.term]
            if slot < 0 {
                groupOf[match.term] = Int32(groups.count)
                groups.append([match])
                touched.append(match.term)
            } else {
                groups[Int(slot)].append(match)
            }
        }
        defer {
            for term in touched { groupOf[term] = -1 }
            swap(&groupOf, &self.groupOf)
        }
        func occurrences(_ term: Int) -> [TermMatch] {
            let slot = groupOf[term]
            return slot < 0 ? [] : groups[Int(slot)]
        }
        func firstCounting(_ terms: [Int], where accept: (TermMatch) -> Bool = { _ in true }) -> TermMatch? {
            for term in terms where groupOf[term] >= 0 {
                if let hit = groups[Int(groupOf[term])].first(where: { $0.counts && accept($0) }) { return hit }
            }
            return nil
        }
        func present(_ list: RuleBook.WellKnownList) -> Bool { firstCounting(book.terms(of: list)) != nil }
        let gateOpen = present(.transportActors) || (present(.genericActors) && !present(.otherActors))

        func evidence(_ rule: Rule, _ matches: [TermMatch]) -> [Evidence] {
            matches.map { match in
                Evidence(
                    rule: rule.id, subtype: rule.subtype, normalizedRange: match.range, in: normalized,
                    original: original)
            }
        }

        // Only rules anchored on a term the text holds can hold.
        var candidates = Set<Int>()
        for term in touched { candidates.formUnion(rulesAnchoredOn[term]) }

        var outcomes: [RuleOutcome] = []
        for index in candidates.sorted() {
            let rule = book.rules[index]
            let anchors = rule.anchor.flatMap(occurrences)
            let live = anchors.filter(\.counts)
            var held: [TermMatch]?
            for anchor in live {
                var parts = [anchor]
                for clause in rule.clauses {
                    guard
                        let hit = firstCounting(
                            clause.terms, where: { RuleEngine.placed($0, clause.placement, anchor) })
                    else { break }
                    parts.append(hit)
                }
                if parts.count == rule.clauses.count + 1 {
                    held = parts
                    break
                }
            }
            let status: RuleOutcome.Status
            if live.isEmpty {
                status = .negated
            } else if held == nil {
                status = .unmet
            } else if firstCounting(rule.vetoes) != nil {
                status = .vetoed
            } else if rule.gated && !gateOpen {
                status = .gateShut
            } else {
                status = .fired
            }
            guard status == .fired || recordsEveryOutcome else { continue }
            let spans = evidence(rule, held ?? [live.first ?? anchors[0]])
            outcomes.append(
                RuleOutcome(
                    rule: rule.id, subtype: rule.subtype, reason: rule.reason, weight: rule.weight, status: status,
                    evidence: spans))
        }
        return Evaluation(outcomes: outcomes, gateOpen: gateOpen)
    }

    private static func placed(_ match: TermMatch, _ placement: Rule.Placement, _ anchor: TermMatch) -> Bool {
        switch placement {
        case .anywhere:
            return true
        case .near(let window):
            return match.range != anchor.range
                && (match.firstWord > anchor.lastWord
                    ? match.firstWord - anchor.lastWord <= window
                    : anchor.firstWord - match.lastWord <= window)
        case .after(let window):
            return match.range.lowerBound >= anchor.range.upperBound && match.firstWord - anchor.lastWord <= window
        case .before(let window):
            return match.range.upperBound <= anchor.range.lowerBound && anchor.firstWord - match.lastWord <= window
        }
    }

}
