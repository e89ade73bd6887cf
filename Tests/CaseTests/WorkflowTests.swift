import Cases
import Foundation
import GRDB
import TestSupport
import Testing
import WorkingCalendar

/// Moves an assigned case through every state to written off.
func walkToWrittenOff(_ store: some CaseStore, caseID: Int64, substantiated: Bool) throws {
    _ = try store.transition(caseID: caseID, to: .investigating, details: .init(), by: "unit", at: "t1", reason: nil)
    _ = try store.transition(
        caseID: caseID, to: .concluded,
        details: .init(conclusion: "经核查，反映问题属实", substantiated: substantiated), by: "unit", at: "t2",
        reason: nil)
    if substantiated {
        _ = try store.transition(
            caseID: caseID, to: .rectifying,
            details: .init(measures: "约谈当事人，退还款项", rectifyBy: "2024-04-30", responsible: "执法大队 张某"),
            by: "unit", at: "t3", reason: nil)
    }
    _ = try store.transition(
        caseID: caseID, to: .feedbackGiven, details: .init(feedback: "已向来电人反馈处理结果"), by: "unit", at: "t4",
        reason: nil)
    _ = try store.transition(
        caseID: caseID, to: .writtenOff, details: .init(), by: "office", at: "t5", reason: "整改到位，同意销号")
}

private func assignedCase(_ store: SQLiteCaseStore, on date: String = "2023-09-28") throws -> Int64 {
    let outcomes = try store.register(
        [handMadeClue(key: UUID().uuidString, text: "临泉县执法人员乱罚款 \(UUID().uuidString)")],
        options: options(assignOn: date))
    guard case .newCase(_, let caseID, let number) = outcomes[0], number != nil else {
        fatalError("not assigned: \(outcomes[0])")
    }
    return caseID
}

@Test(arguments: [true, false])
func aCaseLivesFromRegistrationToWriteOff(substantiated: Bool) throws {
    let store = try freshStore()
    let caseID = try assignedCase(store)
    let assignment = try #require(try store.caseDetail(id: caseID).assignments.first)
    #expect(assignment.number == "阜交整治交〔2023〕1号")
    #expect(assignment.dueOn == "2023-10-11")
    try walkToWrittenOff(store, caseID: caseID, substantiated: substantiated)
    let detail = try store.caseDetail(id: caseID)
    #expect(detail.caseFile.state == .writtenOff)
    #expect(detail.caseFile.substantiated == substantiated)
    let moves = detail.audit.compactMap(\.toState)
    let expected =
        substantiated
        ? ["registered", "assigned", "investigating", "concluded", "rectifying", "feedback_given", "written_off"]
        : ["registered", "assigned", "investigating", "concluded", "feedback_given", "written_off"]
    #expect(moves == expected)
    #expect(detail.audit.last?.reason == "整改到位，同意销号")
}

@Test func stepsThatSkipOrLackWhatTheyNeedAreRefused() throws {
    let store = try freshStore()
    let caseID = try assignedCase(store)
    func refusal(_ state: CaseState, _ details: TransitionDetails = .init()) -> String? {
        do {
            _ = try store.transition(caseID: caseID, to: state, details: details, by: "u", at: "t", reason: nil)
            return nil
        } catch {
            #expect(error.isRefusal)
            return error.reason
        }
    }
    #expect(refusal(.concluded)?.contains("not a step") == true)
    #expect(refusal(.writtenOff)?.contains("next: investigating") == true)
    #expect(refusal(.investigating) == nil)
    #expect(refusal(.concluded, .init(substantiated: true))?.contains("conclusion text") == true)
    #expect(refusal(.concluded, .init(conclusion: "属实"))?.contains("substantiated") == true)
    #expect(refusal(.concluded, .init(conclusion: "不属实", substantiated: false)) == nil)
    #expect(
        refusal(.rectifying, .init(measures: "m", rectifyBy: "2024-01-01"))?.contains("only a substantiated") == true)
    #expect(refusal(.feedbackGiven)?.contains("feedback record") == true)
    #expect(refusal(.feedbackGiven, .init(feedback: "已反馈")) == nil)
    #expect(refusal(.registered) != nil)
    // Refused steps leave no trace in the audit trail.
    let audit = try store.caseDetail(id: caseID).audit
    #expect(audit.compactMap(\.toState) == ["registered", "assigned", "investigating", "concluded", "feedback_given"])
}

@Test func rectifyingNeedsMeasuresAndATimeLimit() throws {
    let store = try freshStore()
    let caseID = try assignedCase(store)
    _ = try store.transition(caseID: caseID, to: .investigating, details: .init(), by: "u", at: "t", reason: nil)
    _ = try store.transition(
        caseID: caseID, to: .concluded, details: .init(conclusion: "属实", substantiated: true), by: "u", at: "t",
        reason: nil)
    #expect(throws: CaseStoreError.refused("")) {
        _ = try store.transition(
            caseID: caseID, to: .rectifying, details: .init(measures: "约谈"), by: "u", at: "t", reason: nil)
    }
    #expect(throws: CaseStoreError.refused("")) {
        _ = try store.transition(
            caseID: caseID, to: .feedbackGiven, details: .init(feedback: "已反馈"), by: "u", at: "t", reason: nil)
    }
}

@Test func theAuditTrailIsAppendOnly() throws {
    let path = temporaryFolder() + "/triage.sqlite"
    let store = try freshStore(path: path)
    _ = try assignedCase(store)
    let queue = try DatabaseQueue(path: path)
    #expect(throws: DatabaseError.self) {
        try queue.write { try $0.execute(sql: "UPDATE audit_entry SET actor = 'x'") }
    }
    #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_entry") } }
    #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_entry") } == 2)
}

@Test func numbersRunPerYearWithoutGaps() throws {
    let store = try freshStore()
    var numbers: [String] = []
    for date in ["2023-12-28", "2023-12-29", "2024-01-02", "2024-01-03", "2023-12-30"] {
        let caseID = try assignedCase(store, on: date)
        numbers.append(try store.caseDetail(id: caseID).assignments[0].number)
    }
    #expect(
        numbers == [
            "阜交整治交〔2023〕1号", "阜交整治交〔2023〕2号", "阜交整治交〔2024〕1号", "阜交整治交〔2024〕2号",
            "阜交整治交〔2023〕3号",
        ])
    #expect(throws: CaseStoreError.self) { _ = try CaseNumberFormat(pattern: "阜交〔{year}〕号") }
    #expect(try CaseNumberFormat(pattern: "FY-{year}-{serial}").number(year: 2024, serial: 7) == "FY-2024-7")
}

@Test func extensionsMoveTheDeadlineAndNeedAReason() throws {
    let store = try freshStore()
    let caseID = try assignedCase(store, on: "2023-09-28")
    #expect(throws: CaseStoreError.refused("")) {
        _ = try store.extend(caseID: caseID, workingDays: 3, reason: "  ", by: "unit", at: "t")
    }
    let extended = try store.extend(caseID: caseID, workingDays: 3, reason: "涉及多名当事人，需调取视频", by: "unit", at: "t")
    #expect(extended.dueOn == "2023-10-16")
    let detail = try store.caseDetail(id: caseID)
    #expect(detail.extensions.map(\.previousDueOn) == ["2023-10-11"])
    #expect(detail.audit.last?.action == "extend")
}

@Test func overdueCasesAreThoseNotConcludedByTheirDeadline() throws {
    let store = try freshStore()
    let late = try assignedCase(store, on: "2023-09-28")
    let concluded = try assignedCase(store, on: "2023-09-28")
    let recent = try assignedCase(store, on: "2023-10-10")
    _ = try store.transition(caseID: concluded, to: .investigating, details: .init(), by: "u", at: "t", reason: nil)
    _ = try store.transition(
        caseID: concluded, to: .concluded, details: .init(conclusion: "不属实", substantiated: false), by: "u",
        at: "t", reason: nil)
    let overdue = try store.cases(matching: CaseFilter(overdueOn: day("2023-10-12"))).map { $0.caseFile.id }
    #expect(overdue == [late])
    #expect(
        try store.cases(matching: CaseFilter(overdueOn: day("2023-10-18"))).map { $0.caseFile.id } == [recent, late])
}

@Test func deadlinesBeyondTheCalendarAreEstimatesWithAWarning() throws {
    let store = try freshStore()
    let caseID = try assignedCase(store, on: "2026-12-28")
    let assignment = try store.caseDetail(id: caseID).assignments[0]
    #expect(assignment.dueOn == "2027-01-04")
    #expect(assignment.dueWarning?.contains("2027") == true)
}
