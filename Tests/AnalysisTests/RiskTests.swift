import Classification
import Foundation
import Pipeline
import RiskAssessment
import Testing

private func risk(_ text: String, channel: String? = nil) throws -> RiskAssessment {
    try Analyzer(lexicons: lexicons).analyze(text, channel: channel).risk
}

@Test func violenceIsHighAndEscalated() throws {
    let assessment = try risk("临泉县治超站执法人员乱罚款，还把我推倒在地，腿受伤住院了")
    #expect(assessment.level == .high)
    #expect(assessment.reasons.contains(.violence))
    #expect(assessment.escalate)
    #expect(!assessment.evidence.isEmpty)
}

@Test func negatedReasonsDoNotCount() throws {
    let assessment = try risk("路政乱罚款，不过没有打人")
    #expect(!assessment.reasons.contains(.violence))
    #expect(assessment.level == .low)
}

@Test func bribeDemandsAreReferredToDisciplineInspection() throws {
    let assessment = try risk("运管执法人员拦车后索要红包，给了五百元才放行")
    #expect(assessment.level == .medium)
    #expect(assessment.reasons.contains(.bribery))
    #expect(assessment.referDiscipline)
    #expect(assessment.escalate)
}

@Test func largeSumsComeFromTheEntities() throws {
    let assessment = try risk("路政乱罚款，一次罚了三万元")
    #expect(assessment.reasons.contains(.largeSum))
    #expect(assessment.level == .medium)
}

@Test func mediaReportsAreHigh() throws {
    #expect(try risk("路政在颍上乱罚款", channel: "media").level == .high)
}

@Test func outOfScopeCluesCarryNoRisk() throws {
    let assessment = try risk("公交车司机把一位老人推倒了")
    #expect(assessment.level == .none)
    #expect(!assessment.escalate)
}

/// A yes-or-no model that has learnt one word (咖啡券) as the sign of yes.
private func couponModel(_ analyzer: Analyzer) -> NaiveBayesModel {
    let texts: [(Int, String)] = [
        (1, "执法人员收了咖啡券就放行"), (1, "送咖啡券给站里的人"), (1, "咖啡券一送车就走了"),
        (0, "执法人员态度很差"), (0, "站里的人罚款不给收据"), (0, "车被扣了十天"), (0, "办证跑了好几趟"),
    ]
    let examples = texts.map { label, text in
        let analysis = analyzer.analyze(text)
        return (label: label, features: TextFeatures(normalized: analysis.normalized, tokens: analysis.tokens))
    }
    return NaiveBayesModel(examples: examples, minimumDocuments: 1, scoring: .multinomial)
}

/// The assessment another assessor makes of an analysed clue.
private func reassess(_ analysis: Analyzer.Analysis, with assessor: RiskAssessor) -> RiskAssessment {
    assessor.assess(
        original: analysis.original, normalized: analysis.normalized, tokens: analysis.tokens,
        classification: analysis.classification, amountsYuan: [], channel: nil)
}

@Test func theReferralModelSuggestsWhatNoRuleRefers() throws {
    let analyzer = try Analyzer(lexicons: lexicons)
    let text = "治超站执法人员对我态度很差，还提到咖啡券"
    let analysis = analyzer.analyze(text)
    #expect(analysis.classification.inScope)
    #expect(!analysis.risk.referDiscipline)
    let assessor = RiskAssessor(
        book: lexicons.risk, pinyin: lexicons.pinyin, models: RiskModels(referral: couponModel(analyzer)))
    assessor.referralThreshold = 0.6  // a model of seven texts is not sure of much
    let assess = { reassess(analysis, with: assessor) }
    let suggested = assess()
    // A suggestion for a person to decide: the clue is not referred, only flagged for review.
    #expect(suggested.referSuggested && suggested.raisedByModel)
    #expect(!suggested.referDiscipline && !suggested.escalate && suggested.referReasons.isEmpty)
    #expect(suggested.evidence.contains { $0.rule == "model.referral" && $0.text.contains("咖啡") })
    assessor.referralThreshold = 1.1
    #expect(!assess().referSuggested)
}

@Test func theReferralModelLeavesOutOfScopeCluesAlone() throws {
    let analyzer = try Analyzer(lexicons: lexicons)
    let analysis = analyzer.analyze("出租车司机收了咖啡券才肯拉我")
    #expect(!analysis.classification.inScope)
    let assessor = RiskAssessor(
        book: lexicons.risk, pinyin: lexicons.pinyin,
        models: RiskModels(referral: couponModel(analyzer), highRisk: couponModel(analyzer)))
    let assessment = reassess(analysis, with: assessor)
    #expect(!assessment.referDiscipline && !assessment.referSuggested && assessment.level == .none)
}

@Test func theHighRiskModelRaisesWhatNoRuleRaises() throws {
    let analyzer = try Analyzer(lexicons: lexicons)
    let analysis = analyzer.analyze("治超站执法人员对我态度很差，还提到咖啡券")
    #expect(analysis.risk.level != .high)
    let assessor = RiskAssessor(
        book: lexicons.risk, pinyin: lexicons.pinyin, models: RiskModels(highRisk: couponModel(analyzer)))
    assessor.highRiskThreshold = 0.6  // a model of seven texts is not sure of much
    let assess = { reassess(analysis, with: assessor) }
    let raised = assess()
    #expect(raised.level == .high && raised.reasons.contains(.model) && raised.escalate)
    #expect(!raised.referDiscipline)
    #expect(raised.evidence.contains { $0.rule == "model.high-risk" && $0.text.contains("咖啡") })
    assessor.highRiskThreshold = 1.1
    #expect(assess().level == analysis.risk.level)
}
