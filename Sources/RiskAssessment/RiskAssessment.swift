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
    /// Why: the referral reasons found, and `subtype-16` when the clue reports 滥用职权、徇私枉法、以权谋私.
    public let referReasons: [String]
    /// Whether the referral model suspects 以权谋私 or 权钱交易 where no rule refers: a person decides, the clue is not
    /// referred. On texts the rules had not been tuned on, its referrals were right only about half the time.
    public let referSuggested: Bool
    /// The spans that made each reason hold.
    public let evidence: [Evidence]

    /// Creates an assessment.
    public init(
        level: RiskLevel, reasons: [RiskReason], escalate: Bool, escalateReasons: [String], referDiscipline: Bool,
        referReasons: [String], referSuggested: Bool = false, evidence: [Evidence]
    ) {
        self.level = level
        self.reasons = reasons
        self.escalate = escalate
        self.escalateReasons = escalateReasons
        self.referDiscipline = referDiscipline
        self.referReasons = referReasons
        self.referSuggested = referSuggested
        self.evidence = evidence
    }

    /// Whether a risk model, and no rule, made the clue high or suggests referring it.
    public var raisedByModel: Bool { referSuggested || reasons.contains(.model) }

    /// The assessment of an out-of-scope clue.
    public static let outOfScope = RiskAssessment(
        level: .none, reasons: [], escalate: false, escalateReasons: [], referDiscipline: false, referReasons: [],
        evidence: [])
}

/// The statistical models behind the risk rules (`Lexicons/model/`), each trained by `triage lexicon train` on one
/// yes-or-no label of the train split, and each speaking only where the rules are silent.
public struct RiskModels: Sendable {
    /// Suggests referring an in-scope clue that no rule refers (label 1: `refer_discipline`).
    public var referral: NaiveBayesModel?
    /// Makes high an in-scope clue that no rule makes high (label 1: risk `high`).
    public var highRisk: NaiveBayesModel?

    /// Creates a set of models; a missing one leaves its decision to the rules.
    public init(referral: NaiveBayesModel? = nil, highRisk: NaiveBayesModel? = nil) {
        self.referral = referral
        self.highRisk = highRisk
    }
}

/// Assesses risk from the risk lexicon (`Lexicons/risk/`), the classification and the entities, with the risk
/// models behind the rules.
///
/// One per task or thread, like its rule engine.
public final class RiskAssessor {
    /// The rule engine over the risk rules.
    public let engine: RuleEngine
    /// A sum at stake from which `large-sum` holds, in yuan.
    public var largeSum = 10_000.0
    /// The models behind the rules.
    public let models: RiskModels
    /// The probability of referral the referral model needs to suggest it.
    public var referralThreshold = RiskAssessor.standardReferralThreshold
    /// The probability of high risk the high-risk model needs.
    public var highRiskThreshold = RiskAssessor.standardHighRiskThreshold
    /// The default probabilities the models need, chosen on train items of batches the rules had not been tuned on
    /// (`Corpus/README.md`). The high-risk model's is the stricter: naive Bayes is overconfident, and at 0.99 one
    /// word (转发 heading a repost) was enough to make a clue high.
    public static let standardReferralThreshold = 0.99
    public static let standardHighRiskThreshold = 0.9999

    /// Creates an assessor over a risk rule book, with the models there are.
    public init(book: RuleBook, pinyin: PinyinTable, models: RiskModels = RiskModels()) {
        engine = RuleEngine(book: book, pinyin: pinyin)
        self.models = models
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
        func learned(_ model: NaiveBayesModel?, threshold: Double, rule: String) -> [Evidence]? {
            RiskAssessor.evidence(
                of: model, threshold: threshold, rule: rule, original: original, normalized: normalized, tokens: tokens)
        }
        // The models speak only where the rules are silent.
        if !found.contains(where: { $0.level == .high }),
            let cited = learned(models.highRisk, threshold: highRiskThreshold, rule: "model.high-risk")
        {
            found.insert(.model)
            evidence += cited
        }
        let ordered = RiskReason.allCases.filter(found.contains)
        let level = ordered.compactMap(\.level).max() ?? .low
        var referReasons = ordered.filter(\.refers).map(\.rawValue)
        if classification.subtype == 16 || classification.secondary.contains(16) {
            referReasons.append("subtype-16")
        }
        var suggested = false
        if referReasons.isEmpty,
            let cited = learned(models.referral, threshold: referralThreshold, rule: "model.referral")
        {
            suggested = true
            evidence += cited
        }
        let refer = !referReasons.isEmpty
        var escalateReasons: [String] = []
        if level == .high { escalateReasons.append("high-risk") }
        if refer { escalateReasons.append("referral") }
        return RiskAssessment(
            level: level, reasons: ordered.filter { $0.level != nil }, escalate: !escalateReasons.isEmpty,
            escalateReasons: escalateReasons, referDiscipline: refer, referReasons: referReasons,
            referSuggested: suggested, evidence: evidence)
    }

    /// The features that weighed most for label 1 of `model`, cited as `rule`, or `nil` when there is no model or
    /// its probability of label 1 is under `threshold`.
    private static func evidence(
        of model: NaiveBayesModel?, threshold: Double, rule: String, original: [Unicode.Scalar],
        normalized: NormalizedText, tokens: [Token]
    ) -> [Evidence]? {
        guard let model else { return nil }
        let prediction = model.predict(normalized: normalized, tokens: tokens)
        guard let probability = prediction.posterior[1], probability >= threshold else { return nil }
        let cited = model.strongest(in: prediction).map {
            Evidence(rule: rule, subtype: 0, normalizedRange: $0.range, in: normalized, original: original)
        }
        // A single character (们, 号) says little to a reader: longer features are cited when there are any.
        let longer = cited.filter { $0.end - $0.start >= 2 }
        return longer.isEmpty ? cited : longer
    }
}
