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
    /// The rules as evaluation reads them: term ids and placements in flat arrays, so that trying a rule copies no
    /// `Rule` (its strings and arrays) and calls no closure. `book.rules` is read only for the outcomes.
    private let shapes: [RuleShape]
    private let clauseShapes: [ClauseShape]
    private let shapeTerms: [Int]
    /// The terms of the scope gate's lists.
    private let transportActors: [Int]
    private let genericActors: [Int]
    private let otherActors: [Int]
    /// Scratch space: for each term, the index in the text's matches of its first occurrence, or -1.
    private var firstOccurrence: [Int32]

    /// A rule's terms and clauses, as ranges of `shapeTerms` and `clauseShapes`.
    private struct RuleShape: Sendable {
        let anchor: Range<Int>
        let clauses: Range<Int>
        let vetoes: Range<Int>
        let gated: Bool
    }

    /// A clause's placement and terms (a range of `shapeTerms`).
    private struct ClauseShape: Sendable {
        let placement: Rule.Placement
        let terms: Range<Int>
    }

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
        var shapes: [RuleShape] = []
        var clauseShapes: [ClauseShape] = []
        var shapeTerms: [Int] = []
        func append(_ terms: [Int]) -> Range<Int> {
            shapeTerms += terms
            return (shapeTerms.count - terms.count)..<shapeTerms.count
        }
        for rule in book.rules {
            let anchor = append(rule.anchor)
            let firstClause = clauseShapes.count
            for clause in rule.clauses {
                clauseShapes.append(ClauseShape(placement: clause.placement, terms: append(clause.terms)))
            }
            shapes.append(
                RuleShape(
                    anchor: anchor, clauses: firstClause..<clauseShapes.count, vetoes: append(rule.vetoes),
                    gated: rule.gated))
        }
        self.shapes = shapes
        self.clauseShapes = clauseShapes
        self.shapeTerms = shapeTerms
        transportActors = book.terms(of: .transportActors)
        genericActors = book.terms(of: .genericActors)
        otherActors = book.terms(of: .otherActors)
        firstOccurrence = [Int32](repeating: -1, count: book.terms.count)
    }

    /// Every term occurrence in a text (for `triage explain`).
    public func matches(in text: NormalizedText, tokens: [Token]) -> [TermMatch] {
        matcher.matches(in: text, tokens: tokens)
    }

    /// The occurrences of one text's terms, chained by term: `first[term]` is the index in `matches` of the term's
    /// first occurrence (or -1), and `next[index]` that of the next occurrence of the same term (or -1), in text order.
    private struct Occurrences {
        let matches: [TermMatch]
        var first: [Int32]
        var next: [Int32]

        /// The first occurrence that counts as evidence of the first of `terms` that has one, placed as `placement`
        /// says relative to `anchor` (anywhere when there is no anchor).
        func firstCounting(
            _ terms: ArraySlice<Int>, placed placement: Rule.Placement = .anywhere, relativeTo anchor: TermMatch? = nil
        ) -> TermMatch? {
            for term in terms {
                var index = first[term]
                while index >= 0 {
                    let match = matches[Int(index)]
                    if match.counts, anchor.map({ RuleEngine.placed(match, placement, $0) }) ?? true { return match }
                    index = next[Int(index)]
                }
            }
            return nil
        }
    }

    public func evaluate(original: [Unicode.Scalar], normalized: NormalizedText, tokens: [Token]) -> Evaluation {
        let found = matcher.matches(in: normalized, tokens: tokens)
        // The scratch array is moved into `occurrences` for the call and handed back, cleared, at the end.
        var occurrences = Occurrences(
            matches: found, first: [], next: [Int32](repeating: -1, count: found.count))
        swap(&occurrences.first, &firstOccurrence)
        var touched: [Int] = []
        for index in found.indices.reversed() {
            let term = found[index].term
            if occurrences.first[term] < 0 { touched.append(term) }
            occurrences.next[index] = occurrences.first[term]
            occurrences.first[term] = Int32(index)
        }
        defer {
            for term in touched { occurrences.first[term] = -1 }
            swap(&occurrences.first, &firstOccurrence)
        }
        func present(_ terms: [Int]) -> Bool { occurrences.firstCounting(terms[...]) != nil }
        let gateOpen = present(transportActors) || (present(genericActors) && !present(otherActors))

        // Only rules anchored on a term the text holds can hold; each is tried once, in book order.
        var candidates: [Int] = []
        for term in touched { candidates += rulesAnchoredOn[term] }
        candidates.sort()

        var outcomes: [RuleOutcome] = []
        var parts: [TermMatch] = []  // an anchor and the clauses' hits, reused from try to try
        var previous = -1
        for index in candidates where index != previous {
            previous = index
            let shape = shapes[index]
            var firstAnchor: TermMatch?
            var firstLive: TermMatch?
            var held: [TermMatch]?
            anchors: for term in shapeTerms[shape.anchor] {
                var occurrence = occurrences.first[term]
                while occurrence >= 0 {
                    let anchor = found[Int(occurrence)]
                    occurrence = occurrences.next[Int(occurrence)]
                    if firstAnchor == nil { firstAnchor = anchor }
                    guard anchor.counts else { continue }
                    if firstLive == nil { firstLive = anchor }
                    parts.removeAll(keepingCapacity: true)
                    parts.append(anchor)
                    for clause in clauseShapes[shape.clauses] {
                        guard
                            let hit = occurrences.firstCounting(
                                shapeTerms[clause.terms], placed: clause.placement, relativeTo: anchor)
                        else { break }
                        parts.append(hit)
                    }
                    if parts.count == shape.clauses.count + 1 {
                        held = parts
                        break anchors
                    }
                }
            }
            let status: RuleOutcome.Status
            if firstLive == nil {
                status = .negated
            } else if held == nil {
                status = .unmet
            } else if occurrences.firstCounting(shapeTerms[shape.vetoes]) != nil {
                status = .vetoed
            } else if shape.gated && !gateOpen {
                status = .gateShut
            } else {
                status = .fired
            }
            guard status == .fired || recordsEveryOutcome else { continue }
            let rule = book.rules[index]
            let spans = (held ?? [firstLive ?? firstAnchor!]).map { match in
                Evidence(
                    rule: rule.id, subtype: rule.subtype, normalizedRange: match.range, in: normalized,
                    original: original)
            }
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
