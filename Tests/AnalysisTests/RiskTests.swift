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
