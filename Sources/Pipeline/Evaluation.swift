/// Precision, recall and F1 of one label.
public struct LabelScore: Sendable, Equatable, Codable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    /// Gold items with this label.
    public var support: Int { truePositives + falseNegatives }
    public var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double { support == 0 ? 0 : Double(truePositives) / Double(support) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// The figures `triage eval` reports for a labelled corpus.
public struct ClassificationReport: Sendable, Codable {
    /// Per sub-type (1–21) and out of scope (0), by the primary label.
    public var labels: [Int: LabelScore] = [:]
    /// Items evaluated.
    public var count = 0
    /// Items whose predicted primary equals the gold primary.
    public var correct = 0
    /// Items whose predicted primary is the gold primary or one of the gold secondaries.
    public var acceptable = 0
    /// Items flagged needs_review, and how many of them were wrong.
    public var needsReview = 0
    public var wrongAmongReviewed = 0
    /// (gold, predicted) pairs of wrong primaries, with counts.
    public var confusions: [String: Int] = [:]
    /// For each confusion, the ids of the first few items behind it.
    public var confusionExamples: [String: [String]] = [:]
    /// Accuracy of the primary by tag (implicit, negation …): [correct, total].
    public var byTag: [String: [Int]] = [:]

    /// Risk level: gold level → predicted level → count.
    public var riskConfusion: [String: [String: Int]] = [:]
    /// Escalation and referral, as labels of their own.
    public var escalate = LabelScore()
    public var referDiscipline = LabelScore()
    /// County: items with a gold county (null included) and how many the extractor got right.
    public var countyCorrect = 0
    public var countyTotal = 0
    /// Wrong counties, with example ids: "gold→predicted".
    public var countyErrors: [String: [String]] = [:]

    public init() {}

    /// Adds the risk, escalation, referral and county of one item.
    public mutating func addAnalysis(
        gold: LabelledClue, riskLevel: String, escalate predictedEscalate: Bool, refer predictedRefer: Bool,
        county: String?
    ) {
        if let goldRisk = gold.risk { riskConfusion[goldRisk, default: [:]][riskLevel, default: 0] += 1 }
        if let goldEscalate = gold.escalate { Self.count(&escalate, gold: goldEscalate, predicted: predictedEscalate) }
        if let goldRefer = gold.referDiscipline {
            Self.count(&referDiscipline, gold: goldRefer, predicted: predictedRefer)
        }
        countyTotal += 1
        if gold.county == county {
            countyCorrect += 1
        } else {
            let key = "\(gold.county ?? "null")→\(county ?? "null")"
            if countyErrors[key, default: []].count < 3 { countyErrors[key, default: []].append(gold.id) }
        }
    }

    private static func count(_ score: inout LabelScore, gold: Bool, predicted: Bool) {
        switch (gold, predicted) {
        case (true, true): score.truePositives += 1
        case (false, true): score.falsePositives += 1
        case (true, false): score.falseNegatives += 1
        case (false, false): break
        }
    }

    /// The share of items whose risk level is right.
    public var riskAccuracy: Double {
        let total = riskConfusion.values.flatMap(\.values).reduce(0, +)
        let right = riskConfusion.reduce(0) { $0 + ($1.value[$1.key] ?? 0) }
        return total == 0 ? 0 : Double(right) / Double(total)
    }

    /// The share of gold high-risk items predicted high.
    public var highRiskRecall: Double {
        let row = riskConfusion["high"] ?? [:]
        let total = row.values.reduce(0, +)
        return total == 0 ? 0 : Double(row["high"] ?? 0) / Double(total)
    }

    /// The share of items whose county is right (a null gold county must be predicted null).
    public var countyAccuracy: Double { countyTotal == 0 ? 0 : Double(countyCorrect) / Double(countyTotal) }

    /// Adds one item.
    public mutating func add(gold: LabelledClue, predicted: Int, needsReview review: Bool) {
        count += 1
        let right = gold.primary == predicted
        if right { correct += 1 }
        if right || gold.secondary.contains(predicted) { acceptable += 1 }
        if review {
            needsReview += 1
            if !right { wrongAmongReviewed += 1 }
        }
        if right {
            labels[predicted, default: LabelScore()].truePositives += 1
        } else {
            labels[predicted, default: LabelScore()].falsePositives += 1
            labels[gold.primary, default: LabelScore()].falseNegatives += 1
            let key = "\(gold.primary)→\(predicted)"
            confusions[key, default: 0] += 1
            if confusionExamples[key, default: []].count < 3 { confusionExamples[key, default: []].append(gold.id) }
        }
        for tag in gold.tags {
            var entry = byTag[tag] ?? [0, 0]
            entry[0] += right ? 1 : 0
            entry[1] += 1
            byTag[tag] = entry
        }
    }

    /// The mean F1 over sub-types 1–21 that occur in the gold labels or the predictions.
    public var macroF1: Double {
        let scores = (1...21).compactMap { labels[$0] }.filter { $0.support > 0 || $0.falsePositives > 0 }
        return scores.isEmpty ? 0 : scores.map(\.f1).reduce(0, +) / Double(scores.count)
    }

    /// Out-of-scope precision, recall and F1.
    public var outOfScope: LabelScore { labels[0] ?? LabelScore() }

    /// The most frequent confusions, most frequent first, with their example ids.
    public func topConfusions(_ limit: Int) -> [(pair: String, count: Int, examples: [String])] {
        confusions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
            .map { ($0.key, $0.value, confusionExamples[$0.key] ?? []) }
    }

    /// The share of items with the right primary.
    public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }
}
