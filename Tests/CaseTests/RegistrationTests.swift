import Cases
import Foundation
import Intake
import Testing

@Test func twentyRepostsOfOneIncidentMakeOneCase() throws {
    let store = try freshStore()
    let reposts = try newClues("reposts.jsonl")
    let others = try newClues("other-incidents.jsonl")
    #expect(reposts.count == 20)
    let outcomes = try store.register(reposts + others, options: options(assignOn: "2024-03-11"))
    let cases = try store.cases(matching: CaseFilter())
    #expect(cases.count == 1 + others.count)
    let incident = try #require(cases.first { $0.caseFile.reportCount > 1 })
    #expect(incident.caseFile.reportCount == 20)
    #expect(incident.caseFile.firstReceivedOn == "2024-03-04")
    #expect(incident.caseFile.lastReceivedOn == "2024-03-09")
    #expect(outcomes.filter { if case .merged = $0 { true } else { false } }.count == 19)
    #expect(try store.caseDetail(id: incident.caseFile.id!).clues.count == 20)
}

@Test func ingestingTheSameCluesTwiceChangesNothing() throws {
    let store = try freshStore()
    let clues = try newClues("reposts.jsonl") + newClues("other-incidents.jsonl")
    _ = try store.register(clues, options: options(assignOn: "2024-03-11"))
    let before = try store.counts()
    let listed = try store.cases(matching: CaseFilter())
    let again = try store.register(clues, options: options(assignOn: "2024-03-12"))
    #expect(again.allSatisfy { if case .duplicate = $0 { true } else { false } })
    #expect(try store.counts() == before)
    #expect(try store.cases(matching: CaseFilter()) == listed)
}

@Test func mergingNeedsTheSamePlaceAndTheTimeWindow() throws {
    let store = try freshStore()
    let text = "临泉县治超站的人说超载要罚五千，私下给两千就放行，不给就扣车，这是什么道理"
    let first = handMadeClue(key: "a", text: text)
    let elsewhere = handMadeClue(key: "b", text: text, county: "太和县", unit: "太和县交通运输局")
    let muchLater = handMadeClue(key: "c", text: text, receivedAt: "2024-06-30")
    let sameWindow = handMadeClue(key: "d", text: text + "！！", receivedAt: "2024-03-20")
    let unrelated = handMadeClue(key: "e", text: "临泉县运管所的工作人员办理营运证时推诿扯皮，跑了五趟还没办下来")
    let outcomes = try store.register([first, elsewhere, muchLater, sameWindow, unrelated], options: options())
    guard case .newCase(_, let caseID, _) = outcomes[0] else {
        Issue.record("\(outcomes[0])")
        return
    }
    if case .newCase = outcomes[1] {} else { Issue.record("another county merged: \(outcomes[1])") }
    if case .newCase = outcomes[2] {} else { Issue.record("three months later merged: \(outcomes[2])") }
    #expect(outcomes[3] == .merged(clueID: 4, caseID: caseID))
    if case .newCase = outcomes[4] {} else { Issue.record("an unrelated text merged: \(outcomes[4])") }
}

@Test func fingerprintsSeparateRepostsFromOtherTexts() throws {
    let reposts = try newClues("reposts.jsonl").map(\.fingerprint)
    let others = try newClues("other-incidents.jsonl").map(\.fingerprint)
    let worstRepost = reposts.dropFirst().map { $0.distance(to: reposts[0]) }.max() ?? 0
    let closestOther = others.map { $0.distance(to: reposts[0]) }.min() ?? 64
    #expect(worstRepost <= 12, "a repost is \(worstRepost) bits away")
    #expect(closestOther > 20, "another incident is only \(closestOther) bits away")
}

@Test func aClueRepeatingAWrittenOffCaseIsFlaggedAsRecurrence() throws {
    let store = try freshStore()
    let text = "临泉县治超站的人说超载要罚五千，私下给两千就放行，不给就扣车，这是什么道理"
    let outcomes = try store.register([handMadeClue(key: "old", text: text)], options: options(assignOn: "2024-03-11"))
    guard case .newCase(_, let caseID, _) = outcomes[0] else {
        Issue.record("\(outcomes[0])")
        return
    }
    try walkToWrittenOff(store, caseID: caseID, substantiated: true)
    let later = handMadeClue(key: "new", text: text + "，又来了", receivedAt: "2024-09-02")
    let again = try store.register([later], options: options(assignOn: "2024-09-02", today: "2024-09-02"))
    guard case .recurrence(_, let newID, let of, let number) = again[0] else {
        Issue.record("not a recurrence: \(again[0])")
        return
    }
    #expect(of == caseID)
    #expect(number != nil)
    let recurrence = try store.caseDetail(id: newID).caseFile
    #expect(recurrence.subtype == 3)
    #expect(recurrence.secondaryTypes.contains(19))
    #expect(recurrence.recurrenceOf == caseID)
}

@Test func casesWithNoKnownPlaceWaitForManualRouting() throws {
    let store = try freshStore()
    let clue = handMadeClue(
        key: "x", text: "执法人员乱罚款，不开票", county: nil, unit: lexicons.jurisdiction.office, manual: true)
    let outcomes = try store.register([clue], options: options(assignOn: "2024-03-11"))
    guard case .newCase(_, let caseID, let number) = outcomes[0] else {
        Issue.record("\(outcomes[0])")
        return
    }
    #expect(number == nil)
    #expect(try store.caseDetail(id: caseID).caseFile.state == .registered)
    let assignment = try store.assign(
        caseID: caseID, unit: "界首市交通运输局", on: day("2024-03-11"), by: "office", at: "t")
    #expect(assignment.unit == "界首市交通运输局")
    #expect(try store.caseDetail(id: caseID).caseFile.manualRoute == false)
    #expect(throws: CaseStoreError.notFound("")) {
        _ = try store.assign(caseID: 99, unit: nil, on: day("2024-03-11"), by: "office", at: "t")
    }
}

@Test func outOfScopeCluesAreRegisteredWithoutACase() throws {
    let store = try freshStore()
    let outcomes = try store.register(
        [handMadeClue(key: "p", text: "交警在路口查酒驾，态度很好，点赞", subtype: 0)], options: options())
    guard case .outOfScope = outcomes[0] else {
        Issue.record("\(outcomes[0])")
        return
    }
    #expect(try store.counts().clues == 1)
    #expect(try store.counts().cases == 0)
}

@Test func aRepostThatLeavesThePlaceOutJoinsTheCaseOfItsCounty() throws {
    let store = try freshStore()
    let text = "治超站的人说超载要罚五千，私下给两千就放行，不给就扣车，这是什么道理"
    let named = handMadeClue(key: "a", text: "临泉县" + text)
    let placeless = handMadeClue(
        key: "b", text: text + "！！", county: nil, unit: lexicons.jurisdiction.office, manual: true)
    let otherIncident = handMadeClue(
        key: "c", text: "运管所办理营运证时推诿扯皮，跑了五趟还没办下来", county: nil, unit: lexicons.jurisdiction.office, manual: true)
    let outcomes = try store.register([named, placeless, otherIncident], options: options())
    guard case .newCase(_, let caseID, _) = outcomes[0] else {
        Issue.record("\(outcomes[0])")
        return
    }
    #expect(outcomes[1] == .merged(clueID: 2, caseID: caseID))
    if case .newCase = outcomes[2] {} else { Issue.record("another incident merged: \(outcomes[2])") }
}

@Test func aCaseThatNamesNoPlaceTakesTheReportsThatDo() throws {
    let store = try freshStore()
    let text = "治超站的人说超载要罚五千，私下给两千就放行，不给就扣车，这是什么道理"
    let placeless = handMadeClue(key: "a", text: text, county: nil, unit: lexicons.jurisdiction.office, manual: true)
    let named = handMadeClue(key: "b", text: "太和县" + text, county: "太和县", unit: "太和县交通运输局")
    let outcomes = try store.register([placeless, named], options: options())
    guard case .newCase(_, let caseID, _) = outcomes[0] else {
        Issue.record("\(outcomes[0])")
        return
    }
    #expect(outcomes[1] == .merged(clueID: 2, caseID: caseID))
}
