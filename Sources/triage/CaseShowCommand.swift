import ArgumentParser
import Cases

struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one case: its clues, letters, deadline extensions and audit trail.",
        discussion: "Clue texts are shown with personal data masked unless --show-personal-data is given."
    )

    @Argument(help: "The case id.") var id: Int64
    @Flag(help: "Print the case as one JSON object.") var json = false
    @OptionGroup var personalData: PersonalDataOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open(try storeOptions.office())
        let detail: CaseDetail
        do { detail = try store.caseDetail(id: id) } catch { throw ValidationError("\(error)") }
        let shown = CaseShown(detail, reveal: personalData.reveal)
        let output = OutputWriter(snakeCaseKeys: true)
        if json {
            try output.writeJSON(shown)
        } else {
            shown.lines.forEach(output.write)
        }
        output.flush()
    }
}

/// A case as `case show` prints it.
struct CaseShown: Encodable {
    struct Clue: Encodable {
        let id: Int64
        let source: String?
        let sourceId: String?
        let channel: String?
        let receivedAt: String?
        let subtype: Int
        let risk: String
        let text: String
        let contact: String?
        let lexiconVersion: String
    }

    let caseFile: CaseFile
    let clues: [Clue]
    let assignments: [Assignment]
    let extensions: [DeadlineExtension]
    let audit: [AuditEntry]

    init(_ detail: CaseDetail, reveal: Bool) {
        caseFile = detail.caseFile
        clues = detail.clues.map {
            Clue(
                id: $0.id ?? 0, source: $0.source, sourceId: $0.sourceId, channel: $0.channel,
                receivedAt: $0.receivedAt, subtype: $0.subtype, risk: $0.risk,
                text: reveal ? $0.rawText : $0.maskedText,
                contact: reveal ? $0.contact : nil, lexiconVersion: $0.lexiconVersion)
        }
        assignments = detail.assignments
        extensions = detail.extensions
        audit = detail.audit
    }

    var lines: [String] {
        let file = caseFile
        var lines = [
            "case #\(file.id ?? 0) · \(file.state.rawValue) (\(file.state.chineseName)) · sub-type \(file.subtype)"
                + (file.secondary.isEmpty ? "" : " + \(file.secondary)") + " · risk \(file.risk)",
            "unit \(file.unit)\(file.manualRoute ? " (to be routed by hand)" : "") · county \(file.county ?? "unknown")"
                + " · reported \(file.reportCount)× from \(file.firstReceivedOn) to \(file.lastReceivedOn)",
        ]
        if file.escalated { lines.append("escalated (提级调查)") }
        if file.referDiscipline { lines.append("flagged for referral to discipline inspection (移交纪检监察)") }
        if let of = file.recurrenceOf { lines.append("repeats written-off case #\(of) (死灰复燃/重复反弹, 19)") }
        lines.append("summary: \(file.summary)")
        if let conclusion = file.conclusion {
            lines.append(
                "conclusion (\(file.substantiated == true ? "substantiated" : "unsubstantiated")): \(conclusion)")
        }
        if let measures = file.measures { lines.append("measures: \(measures) · by \(file.rectifyBy ?? "?")") }
        if let feedback = file.feedback { lines.append("feedback: \(feedback)") }
        for assignment in assignments {
            lines.append(
                "letter \(assignment.number) → \(assignment.unit) on \(assignment.assignedOn), due \(assignment.dueOn)"
                    + (assignment.dueWarning.map { " (\($0))" } ?? ""))
        }
        for granted in extensions {
            lines.append(
                "extended \(granted.previousDueOn) → \(granted.dueOn) by \(granted.grantedBy): \(granted.reason)")
        }
        lines.append("clues:")
        for clue in clues {
            lines.append(
                "  #\(clue.id) \(clue.channel ?? "-") \(clue.receivedAt ?? "-") [\(clue.source ?? "-")] \(clue.text)")
        }
        lines.append("audit:")
        for entry in audit {
            let move = entry.fromState.map { "\($0) → \(entry.toState ?? $0)" } ?? entry.toState.map { "→ \($0)" } ?? ""
            lines.append("  \(entry.at) \(entry.actor) \(entry.action) \(move) \(entry.reason ?? "")")
        }
        return lines
    }
}
