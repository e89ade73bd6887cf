import CaseReports
import Cases
import Foundation
import Reports
import Testing

/// A store with the fixtures' clues registered and assigned in March 2024.
private func documents() throws -> (OfficeDocuments, SQLiteCaseStore) {
    let store = try freshStore()
    _ = try store.register(
        try newClues("reposts.jsonl") + newClues("other-incidents.jsonl"), options: options(assignOn: "2024-03-11"))
    return (OfficeDocuments(store: store, taxonomy: lexicons.taxonomy, office: lexicons.jurisdiction.office), store)
}

@Test func theLedgerHasTheTwentyOneRowsOfAnnex3AndEveryCase() throws {
    let (office, store) = try documents()
    let ledger = try office.ledger(filledAt: day("2024-03-31"))
    #expect(ledger.sections.map(\.id) == Array(1...21))
    #expect(ledger.sections[0].aspect == "“逐利执法”问题")
    let cases = try store.cases(matching: CaseFilter())
    #expect(ledger.entries.count == cases.count)
    let merged = try #require(ledger.entries.first { $0.source.contains("共20次反映") })
    #expect(merged.caseNumber?.hasPrefix("阜交整治交〔2024〕") == true)
    #expect(ledger.filler == lexicons.jurisdiction.office)
    let unitLedger = try office.ledger(
        filter: CaseFilter(unit: "临泉县交通运输局"), filler: "临泉县交通运输局", filledAt: day("2024-03-31"))
    #expect(unitLedger.entries.allSatisfy { $0.responsible.hasPrefix("临泉县交通运输局") })
    #expect(unitLedger.entries.count == 1)
}

@Test func theBriefCountsWhatTheStoreHolds() throws {
    let (office, store) = try documents()
    let brief = try office.brief(
        from: day("2024-03-01"), to: day("2024-03-31"), asOf: day("2024-03-25"), generatedAt: "t")
    #expect(brief.totalClues == 23)
    #expect(brief.totalCases == (try store.counts()).cases)
    #expect(brief.byChannel.reduce(0) { $0 + $1.value } == 23)
    #expect(brief.byUnit.reduce(0) { $0 + $1.value } == brief.totalCases)
    #expect(brief.weekly.reduce(0) { $0 + $1.clues } == 23)
    #expect(brief.weekly.reduce(0) { $0 + $1.cases } == brief.totalCases)
    #expect(brief.weekly.first?.weekStart == "2024-02-26")  // the Monday of the week holding 1 March
    // Nothing was concluded, and every deadline (2024-03-18) has passed on the 25th.
    #expect(brief.overdue.count == brief.totalCases)
    #expect(brief.escalations.count == (try store.cases(matching: CaseFilter(escalated: true))).count)
    let empty = try office.brief(
        from: day("2025-01-01"), to: day("2025-01-31"), asOf: day("2025-02-01"), generatedAt: "t")
    #expect(empty.totalClues == 0 && empty.byCategory.isEmpty)
}

@Test func aLetterCarriesTheCaseItsNumberAndItsDeadline() throws {
    let (office, store) = try documents()
    let merged = try #require(try store.cases(matching: CaseFilter()).first { $0.caseFile.reportCount == 20 })
    let number = try #require(merged.assignment?.number)
    let letter = try office.letter(number: number)
    #expect(letter.unit == merged.assignment?.unit)
    #expect(letter.dueOn == "2024-03-18" && letter.issuedOn == "2024-03-11")
    #expect(letter.reportCount == 20)
    #expect(letter.subtypeID == merged.caseFile.subtype)
    #expect(letter.sender == lexicons.jurisdiction.office)
    #expect(throws: CaseStoreError.self) { _ = try office.letter(number: "阜交整治交〔2024〕999号") }
}
