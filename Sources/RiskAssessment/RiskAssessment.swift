import Classification
import Segmentation
import TextNormalization

/// The risk of a clue and what the office must do about it: escalate (提级调查) and refer to discipline inspection
/// (移交纪检监察机关), each with its reasons and evidence.
public struct RiskAssessment: Sendable, Equatable {
    /// The level: none for out-of-scope clues, else low to high.
    public let level: RiskLevel
    /// The risk reasons found (those with a level), in the order of `RiskReason.allCases`.
    public let reasons: [RiskReason]
    /// Whether the city office should investigate it directly (level high, or referred).
    public let escalate: Bool
    /// Why: `high-risk` and/or `referral`.
    public let escalateReasons: [String]
    /// Whether it should go to discipline inspection.
    public let referDiscipline: Bool
    /// Why: the referral reasons found, `subtype-16` when the clue reports 滥用职权、徇私枉法、以权谋私, or `model`
    /// when only the referral model suggests it.
    public let referReasons: [String]
    /// The spans that made each reason hold.
    public let evidence: [Evidence]

    /// Creates an assessment.
    public init(
        level: RiskLevel, reasons: [RiskReason], escalate: Bool, escalateReasons: [String], referDiscipline: Bool,
        referReasons: [String], evidence: [Evidence]
    ) {
        self.level = level
        self.reasons = reasons
        self.escalate = escalate
        self.escalateReasons = escalateReasons
        self.referDiscipline = referDiscipline
        self.referReasons = referReasons
        self.evidence = evidence
    }

    /// The assessment of an out-of-scope clue.
    public static let outOfScope = RiskAssessment(
        level: .none, reasons: [], escalate: false, escalateReasons: [], referDiscipline: false, referReasons: [],
        evidence: [])
}

/// Assesses risk from the risk lexicon (`Lexicons/risk/`), the classification and the entities.
///
/// One per task or thread, like its rule engine.
public final class RiskAssessor {
    /// The rule engine over the risk rules.
    public let engine: RuleEngine
    /// A sum at stake from which `large-sum` holds, in yuan.
    public var largeSum = 10_000.0
    /// The statistical referral model (labels 0 and 1), which refers an in-scope clue the rules do not refer when
    /// its probability of referral reaches `referralThreshold`; `nil` leaves referral to the rules.
    public let referralModel: NaiveBayesModel?
    /// The probability of referral the model needs.
    public var referralThreshold = RiskAssessor.standardReferralThreshold
    /// The default probability of referral the model needs, chosen on train items of batches the rules had not
    /// been tuned on (`Corpus/README.md`).
    public static let standardReferralThreshold = 0.99

    /// Creates an assessor over a risk rule book, with a referral model if there is one.
    public init(book: RuleBook, pinyin: PinyinTable, referralModel: NaiveBayesModel? = nil) {
        engine = RuleEngine(book: book, pinyin: pinyin)
        self.referralModel = referralModel
    }

    /// Assesses a classified clue. `amountsYuan` are the sums among its entities; `channel` is where it came from
    /// (a clue from the media channel holds the `media` reason).
    public func assess(
        original: [Unicode.Scalar], normalized: NormalizedText, tokens: [Token], classification: Classification,
        amountsYuan: [Double], channel: String?
    ) -> RiskAssessment {
        guard classification.inScope else { return .outOfScope }
        let evaluation = engine.evaluate(original: original, normalized: normalized, tokens: tokens)
        var found = Set<RiskReason>()
        var evidence: [Evidence] = []
        for outcome in evaluation.outcomes where outcome.status == .fired {
            guard let name = outcome.reason, let reason = RiskReason(rawValue: name) else { continue }
            found.insert(reason)
            evidence += outcome.evidence
        }
        if amountsYuan.contains(where: { $0 >= largeSum }) { found.insert(.largeSum) }
        if channel == "media" { found.insert(.media) }
        let ordered = RiskReason.allCases.filter(found.contains)
        let level = ordered.compactMap(\.level).max() ?? .low
        var referReasons = ordered.filter(\.refers).map(\.rawValue)
        if classification.subtype == 16 || classification.secondary.contains(16) {
            referReasons.append("subtype-16")
        }
        // The referral model speaks only where the rules have not referred.
        if referReasons.isEmpty, let cited = referralByModel(original, normalized, tokens) {
            referReasons.append("model")
            evidence += cited
        }
        let refer = !referReasons.isEmpty
        var escalateReasons: [String] = []
        if level == .high { escalateReasons.append("high-risk") }
        if refer { escalateReasons.append("referral") }
        return RiskAssessment(
            level: level, reasons: ordered.filter { $0.level != nil }, escalate: !escalateReasons.isEmpty,
            escalateReasons: escalateReasons, referDiscipline: refer, referReasons: referReasons, evidence: evidence)
    }

    /// The model's referral of a clue, as the features that weighed most for it (rule `model.referral`), or `nil`
    /// when there is no model or its probability of referral is under the threshold.
    private func referralByModel(_ original: [Unicode.Scalar], _ normalized: NormalizedText, _ tokens: [Token])
        -> [Evidence]?
    {
        guard let referralModel else { return nil }
        let features = TextFeatures(normalized: normalized, tokens: tokens)
        let (posterior, strongest) = referralModel.predict(features)
        guard let probability = posterior[1], probability >= referralThreshold else { return nil }
        return strongest.compactMap { feature in
            guard let range = features.ranges[feature] else { return nil }
            let span = normalized.originalRange(of: range)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: original[span])
            return Evidence(
                rule: "model.referral", subtype: 0, start: span.lowerBound, end: span.upperBound, text: String(view))
        }
    }
}
