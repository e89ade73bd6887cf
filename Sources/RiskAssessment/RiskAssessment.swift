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

    /// Creates an assessor over a risk rule book.
    public init(book: RuleBook, pinyin: PinyinTable) {
        engine = RuleEngine(book: book, pinyin: pinyin)
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
        // A sub-type the backup model guessed needs review first: it does not refer anyone to discipline inspection.
        if classification.decidedBy != "model", classification.subtype == 16 || classification.secondary.contains(16) {
            referReasons.append("subtype-16")
        }
        let refer = !referReasons.isEmpty
        var escalateReasons: [String] = []
        if level == .high { escalateReasons.append("high-risk") }
        if refer { escalateReasons.append("referral") }
        return RiskAssessment(
            level: level, reasons: ordered.filter { $0.level != nil }, escalate: !escalateReasons.isEmpty,
            escalateReasons: escalateReasons, referDiscipline: refer, referReasons: referReasons, evidence: evidence)
    }
}
