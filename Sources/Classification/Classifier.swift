import Segmentation
import TextNormalization

/// Decides which of the 21 sub-types a complaint reports, or that it is out of scope, from the lexicon rules.
///
/// A rule votes for its sub-type with its weight when its anchor term occurs (not negated, not in an operator's turn),
/// every further clause holds within its window, no veto term occurs, and — unless the rule is ungated — the text
/// concerns an enforcement actor or unit. A sub-type's score combines its rules' weights as independent evidence
/// (1 − Π(1 − w)). The best sub-type wins when its score reaches `minimumScore` and beats the out-of-scope score;
/// others close to it become secondary.
///
/// One per task or thread: it owns ICU objects that are not thread-safe.
public final class Classifier {
    /// The rules.
    public let book: RuleBook
    private let matcher: RuleMatcher

    /// The lowest score that puts a text in scope.
    public var minimumScore = 0.35
    /// A sub-type is secondary when its score reaches this share of the primary's (and `minimumScore`).
    public var secondaryShare = 0.6
    /// Below this confidence, or with a runner-up this close, the decision needs review.
    public var reviewBelow = 0.6
    public var reviewMargin = 0.1

    /// Whether `Classification.outcomes` lists every rule whose anchor occurred (for explanations and diagnostics),
    /// or only the rules that fired (faster).
    public var recordsEveryOutcome = false

    /// For each term, the rules anchored on it.
    private let rulesAnchoredOn: [[Int]]
    /// Scratch space: for each term, its group of occurrences in the text being classified, or -1.
    private var groupOf: [Int32]

    /// Creates a classifier over a rule book; homophone-tolerant terms match by sound through the pinyin table.
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

    /// Classifies a normalised, segmented text; evidence cites `original`, the text as received.
    public func classify(original: [Unicode.Scalar], normalized: NormalizedText, tokens: [Token]) -> Classification {
        let found = matcher.matches(in: normalized, tokens: tokens)
        // Group the occurrences by term: groupOf[term] indexes `groups` for the terms this text holds.
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
        defer { for term in touched { groupOf[term] = -1 } }
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
                let span = normalized.originalRange(of: match.range)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: original[span])
                return Evidence(
                    rule: rule.id, subtype: rule.subtype, start: span.lowerBound, end: span.upperBound,
                    text: String(view))
            }
        }

        // Only rules anchored on a term the text holds can hold.
        var candidates = Set<Int>()
        for term in touched { candidates.formUnion(rulesAnchoredOn[term]) }

        var outcomes: [RuleOutcome] = []
        var scores: [Int: Double] = [:]
        var firedEvidence: [Int: [Evidence]] = [:]
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
                            clause.terms, where: { Classifier.placed($0, clause.placement, anchor) })
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
                RuleOutcome(rule: rule.id, subtype: rule.subtype, weight: rule.weight, status: status, evidence: spans))
            if status == .fired {
                scores[rule.subtype] = 1 - (1 - (scores[rule.subtype] ?? 0)) * (1 - rule.weight)
                firedEvidence[rule.subtype, default: []] += spans
            }
        }
        return decide(scores: scores, evidence: firedEvidence, gateOpen: gateOpen, outcomes: outcomes)
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

    private func decide(scores: [Int: Double], evidence: [Int: [Evidence]], gateOpen: Bool, outcomes: [RuleOutcome])
        -> Classification
    {
        let outOfScope = scores[0] ?? 0
        let ranked = scores.filter { $0.key != 0 }.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
        guard let best = ranked.first, best.value >= minimumScore, best.value > outOfScope else {
            let strongest = ranked.first?.value ?? 0
            return Classification(
                inScope: false, subtype: 0, secondary: [], confidence: max(outOfScope, 1 - strongest),
                needsReview: strongest >= minimumScore
                    || (ranked.first != nil && strongest >= outOfScope - reviewMargin && outOfScope > 0),
                evidence: evidence[0] ?? [], scores: scores, gateOpen: gateOpen, outcomes: outcomes)
        }
        let secondary = ranked.dropFirst()
            .filter { $0.value >= minimumScore && $0.value >= secondaryShare * best.value }
            .map(\.key)
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        let confidence = best.value * (1 - outOfScope / 2)
        let needsReview = confidence < reviewBelow || best.value - runnerUp < reviewMargin
        let cited = ([best.key] + secondary).flatMap { evidence[$0] ?? [] }
        return Classification(
            inScope: true, subtype: best.key, secondary: secondary, confidence: confidence, needsReview: needsReview,
            evidence: cited, scores: scores, gateOpen: gateOpen, outcomes: outcomes)
    }
}
