import Foundation
import Segmentation
import TextNormalization

/// Candidate terms for the analysts: token n-grams that separate a sub-type from the rest of a labelled file, found
/// in the items the rules currently get wrong. For `triage lexicon suggest`; every candidate is for a person to review.
public struct TermSuggester: Sendable {
    /// A candidate term for a sub-type.
    public struct Suggestion: Sendable, Equatable {
        /// The n-gram (tokens joined without spaces).
        public let term: String
        /// The sub-type it points to.
        public let subtype: Int
        /// Missed items of that sub-type that contain it.
        public let missed: Int
        /// Items of that sub-type, and of other labels, that contain it.
        public let inSubtype: Int
        public let elsewhere: Int
        /// The ranking score: smoothed log-odds of the sub-type given the n-gram, weighted by the missed items.
        public let score: Double
    }

    /// The longest n-gram, in tokens.
    public var maximumLength = 3
    private var documentCount: [String: [Int: Int]] = [:]  // n-gram → label → items containing it
    private var missedCount: [String: [Int: Int]] = [:]  // n-gram → gold label → missed items containing it
    private var labelTotals: [Int: Int] = [:]

    /// Creates an empty suggester.
    public init() {}

    /// Adds one labelled item: its gold primary, its normalised text and tokens, and whether the rules got it wrong.
    public mutating func add(gold: Int, normalized: NormalizedText, tokens: [Token], missed: Bool) {
        labelTotals[gold, default: 0] += 1
        let words = tokens.filter { $0.kind == .han || $0.kind == .latin }.map { $0.text(in: normalized) }
        var grams = Set<String>()
        for start in words.indices {
            for length in 1...maximumLength where start + length <= words.count {
                let gram = words[start..<(start + length)].joined()
                if gram.unicodeScalars.count >= 2 { grams.insert(gram) }
            }
        }
        for gram in grams {
            documentCount[gram, default: [:]][gold, default: 0] += 1
            if missed { missedCount[gram, default: [:]][gold, default: 0] += 1 }
        }
    }

    /// The best candidates for each sub-type (0 excluded), leaving out terms the rules already have.
    public func suggestions(excluding known: Set<String>, perSubtype limit: Int) -> [Suggestion] {
        let total = labelTotals.values.reduce(0, +)
        var bySubtype: [Int: [Suggestion]] = [:]
        for (gram, missedByLabel) in missedCount where !known.contains(gram) {
            let counts = documentCount[gram] ?? [:]
            for (subtype, missed) in missedByLabel where subtype != 0 {
                let inside = counts[subtype] ?? 0
                let outside = counts.values.reduce(0, +) - inside
                let subtypeTotal = labelTotals[subtype] ?? 0
                guard inside >= 2, inside > outside else { continue }
                let odds =
                    log((Double(inside) + 0.5) / Double(subtypeTotal + 1))
                    - log((Double(outside) + 0.5) / Double(total - subtypeTotal + 1))
                let suggestion = Suggestion(
                    term: gram, subtype: subtype, missed: missed, inSubtype: inside, elsewhere: outside,
                    score: odds * Double(missed).squareRoot())
                bySubtype[subtype, default: []].append(suggestion)
            }
        }
        return bySubtype.keys.sorted().flatMap { subtype in
            bySubtype[subtype]!.sorted { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }.prefix(limit)
        }
    }
}
