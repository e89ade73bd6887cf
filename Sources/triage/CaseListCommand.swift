import ArgumentParser
import Cases
import TextNormalization
import WorkingCalendar

struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List cases, newest first.",
        discussion: "One line per case: id, state, letter number, unit, sub-type, risk, due date, reports, summary."
    )

    @Option(help: "Only cases of this unit.") var unit: String?
    @Option(
        help:
            "Only cases in this state (registered, assigned, investigating, concluded, rectifying, feedback_given, written_off)."
    )
    var state: String?
    @Option(help: "Only cases of this sub-type (1–21), as primary or secondary.") var subtype: Int?
    @Flag(help: "Only cases past their investigation deadline and not yet concluded.") var overdue = false
    @Option(help: "The day overdue is judged on (YYYY-MM-DD; default: today in China).") var asOf: String?
    @Option(help: "Only cases at this risk level or above (low, medium, high).") var risk: String?
    @Flag(help: "Only escalated cases (提级调查).") var escalated = false
    @Flag(help: "Only cases flagged for referral to discipline inspection.") var referred = false
    @Option(help: "At most this many cases.") var limit: Int?
    @Flag(help: "One JSON object per case.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open(try storeOptions.office())
        var filter = CaseFilter(
            unit: unit, subtype: subtype, minimumRisk: risk, escalated: escalated ? true : nil,
            referDiscipline: referred ? true : nil, limit: limit)
        if let state {
            guard let parsed = CaseState(rawValue: state) else {
                throw ValidationError("--state: unknown state '\(state)'")
            }
            filter.state = parsed
        }
        if overdue { filter.overdueOn = try asOf.map { try parseDate($0, option: "--as-of") } ?? ChinaTime.today() }
        let output = OutputWriter(snakeCaseKeys: true)
        for summary in try store.cases(matching: filter) {
            if json {
                try output.writeJSON(CaseListing(summary))
            } else {
                output.write(CaseListing(summary).line)
            }
        }
        output.flush()
    }
}

/// A case as listed: the case and its current letter and deadline.
struct CaseListing: Encodable {
    let id: Int64
    let state: String
    let number: String?
    let unit: String
    let subtype: Int
    let secondary: [Int]
    let risk: String
    let escalated: Bool
    let referDiscipline: Bool
    let assignedOn: String?
    let dueOn: String?
    let dueWarning: String?
    let reportCount: Int
    let recurrenceOf: Int64?
    let firstReceivedOn: String
    let summary: String

    init(_ summary: CaseSummary) {
        let file = summary.caseFile
        id = file.id ?? 0
        state = file.state.rawValue
        number = summary.assignment?.number
        unit = file.unit
        subtype = file.subtype
        secondary = file.secondaryTypes
        risk = file.risk
        escalated = file.escalated
        referDiscipline = file.referDiscipline
        assignedOn = summary.assignment?.assignedOn
        dueOn = summary.assignment?.dueOn
        dueWarning = summary.assignment?.dueWarning
        reportCount = file.reportCount
        recurrenceOf = file.recurrenceOf
        firstReceivedOn = file.firstReceivedOn
        self.summary = file.summary
    }

    var line: String {
        let flags = [escalated ? "提级" : nil, referDiscipline ? "纪检" : nil, recurrenceOf.map { "复发#\($0)" }]
            .compactMap { $0 }.joined(separator: ",")
        let due = dueOn.map { "due \($0)\(dueWarning == nil ? "" : " (estimate)")" } ?? "not assigned"
        return "#\(id)\t\(state)\t\(number ?? "-")\t\(unit)\t\(subtype)\t\(risk)\t\(due)\t×\(reportCount)"
            + (flags.isEmpty ? "" : "\t\(flags)") + "\t\(summary.oneLineExcerpt(limit: 60))"
    }
}
