import Cases
import Classification
import Reports
import TextNormalization
import WorkingCalendar

/// Fills the office's documents from the case store: the four-lists ledger, 交办函 letters and statistics briefs.
///
/// Everything taken from clues is the masked text: documents leave the office.
public struct OfficeDocuments: Sendable {
    /// The store to read.
    public let store: any CaseStore
    /// The taxonomy: ledger sections and sub-type names.
    public let taxonomy: Taxonomy
    /// The rectification office: the letters' sender and the default 填报单位.
    public let office: String

    /// Creates the document builder.
    public init(store: any CaseStore, taxonomy: Taxonomy, office: String) {
        self.store = store
        self.taxonomy = taxonomy
        self.office = office
    }

    /// The ledger's sections: the taxonomy's sub-types in order, under their categories.
    public var sections: [LedgerSection] {
        taxonomy.subtypeIDs.compactMap { id in
            guard let subtype = taxonomy.subtypes[id] else { return nil }
            return LedgerSection(
                id: id, aspect: taxonomy.category(ofSubtype: id)?.name ?? "", manifestation: subtype.name)
        }
    }

    /// The four-lists ledger of the cases matching `filter` (every case by default), oldest first, filled in by
    /// `filler` (the office when nil) on `filledAt`.
    public func ledger(filter: CaseFilter = CaseFilter(), filler: String? = nil, filledAt: CivilDate)
        throws(CaseStoreError) -> Ledger
    {
        let entries = try store.cases(matching: filter).reversed().map { summary in
            let file = summary.caseFile
            let reports = file.reportCount > 1 ? "，共\(file.reportCount)次反映" : ""
            let recurrence = file.recurrenceOf.map { "（系已销号案件#\($0)复发）" } ?? ""
            return LedgerEntry(
                subtype: file.subtype, caseNumber: summary.assignment?.number,
                example: file.summary.oneLineExcerpt(limit: 200) + recurrence,
                source: "\(file.channel ?? "未注明渠道")（\(file.firstReceivedOn)\(reports)）",
                measures: file.measures ?? "", timeLimit: file.rectifyBy ?? "",
                responsible: [file.unit, file.responsible].compactMap { $0 }.joined(separator: "／"))
        }
        return Ledger(
            filler: filler ?? office, filledAt: filledAt.description, sections: sections, entries: Array(entries))
    }

    /// The 交办函 of an assignment, by its number.
    public func letter(number: String) throws(CaseStoreError) -> AssignmentLetter {
        let assignment = try store.assignment(number: number)
        let detail = try store.caseDetail(id: assignment.caseId)
        let file = detail.caseFile
        let first = detail.clues.first
        let extensions = detail.extensions.filter { $0.assignmentId == assignment.id }.map {
            "\($0.grantedAt) 延期至 \($0.dueOn)：\($0.reason)"
        }
        return AssignmentLetter(
            number: assignment.number, sender: office, unit: assignment.unit, issuedOn: assignment.assignedOn,
            dueOn: assignment.dueOn, dueNote: assignment.dueWarning, caseID: Int(assignment.caseId),
            subtypeID: file.subtype, subtypeName: taxonomy.subtypes[file.subtype]?.name ?? "",
            categoryName: taxonomy.category(ofSubtype: file.subtype)?.name ?? "", summary: file.summary,
            channel: file.channel ?? "未注明", receivedAt: first?.receivedAt ?? file.firstReceivedOn,
            reportCount: file.reportCount, escalated: file.escalated, referDiscipline: file.referDiscipline,
            extensions: extensions)
    }

    /// The statistics brief of the clues received and cases opened from `from` to `to` (inclusive); overdue
    /// cases are judged on `asOf`.
    public func brief(from: CivilDate, to: CivilDate, asOf: CivilDate, generatedAt: String) throws(CaseStoreError)
        -> Brief
    {
        let clues = try store.clues(receivedFrom: from, to: to)
        let cases = try store.cases(matching: CaseFilter(receivedFrom: from, receivedTo: to))
        let overdue = try store.cases(matching: CaseFilter(overdueOn: asOf))
        let inScope = clues.filter(\.inScope)

        func counted(_ values: [String], order: [String] = []) -> [Brief.Count] {
            var counts: [String: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            let ordered =
                order.filter { counts[$0] != nil }
                + counts.keys.filter { !order.contains($0) }.sorted {
                    (counts[$0]!, $1) > (counts[$1]!, $0)
                }
            return ordered.map { Brief.Count(label: $0, value: counts[$0]!) }
        }
        let categoryNames = taxonomy.categories.keys.sorted().compactMap { taxonomy.categories[$0]?.name }
        let subtypeLabels = taxonomy.subtypeIDs.map { subtypeLabel($0) }
        let channels = clues.map { $0.channel ?? "未注明" }

        var weeks: [CivilDate: (clues: Int, cases: Int)] = [:]
        var week = from.startOfWeek
        while week <= to {
            weeks[week] = (0, 0)
            week = week.adding(days: 7)
        }
        for clue in clues {
            if let day = CivilDate(clue.receivedOn) { weeks[day.startOfWeek, default: (0, 0)].clues += 1 }
        }
        for summary in cases {
            if let day = CivilDate(summary.caseFile.firstReceivedOn) {
                weeks[day.startOfWeek, default: (0, 0)].cases += 1
            }
        }

        func listed(_ summary: CaseSummary) -> Brief.BriefCase {
            Brief.BriefCase(
                number: summary.assignment?.number, unit: summary.caseFile.unit,
                subtype: subtypeLabel(summary.caseFile.subtype), dueOn: summary.assignment?.dueOn,
                state: summary.caseFile.state.chineseName, summary: summary.caseFile.summary.oneLineExcerpt(limit: 80))
        }
        return Brief(
            from: from.description, to: to.description, generatedAt: generatedAt,
            byCategory: counted(
                inScope.compactMap { $0.category.flatMap { taxonomy.categories[$0]?.name } }, order: categoryNames),
            bySubtype: counted(inScope.map { subtypeLabel($0.subtype) }, order: subtypeLabels),
            byUnit: counted(cases.map(\.caseFile.unit)),
            byChannel: counted(channels),
            byState: counted(cases.map(\.caseFile.state.chineseName), order: CaseState.allCases.map(\.chineseName)),
            overdue: overdue.map(listed),
            escalations: cases.filter(\.caseFile.escalated).map(listed),
            referrals: cases.filter(\.caseFile.referDiscipline).map(listed),
            weekly: weeks.keys.sorted().map {
                Brief.WeekCount(weekStart: $0.description, clues: weeks[$0]!.clues, cases: weeks[$0]!.cases)
            },
            totalClues: clues.count, totalCases: cases.count)
    }

    private func subtypeLabel(_ id: Int) -> String {
        guard let subtype = taxonomy.subtypes[id] else { return "\(id)" }
        return "\(id) \(subtype.name)"
    }
}
