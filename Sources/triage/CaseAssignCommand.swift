import ArgumentParser
import Cases

struct CaseAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign a registered case to a unit: number the letter and set the 5-working-day deadline.",
        discussion: """
            The unit defaults to the one the jurisdiction file names for the case's place (the office for escalated \
            cases); cases whose place is unknown need --unit. The number is the next of the year, gap-free.
            """
    )

    @Argument(help: "The case id.") var id: Int64
    @Option(help: "The unit to assign to (default: the routed unit).") var unit: String?
    @Option(help: "The assignment day (YYYY-MM-DD; default: today in China).") var on: String?
    @Flag(help: "Print the assignment as JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let office = try storeOptions.office()
        let store = try storeOptions.open(office)
        let day = try on.map { try parseDate($0, option: "--on") } ?? ChinaTime.today()
        if unit == nil, let found = try? store.caseDetail(id: id), found.caseFile.manualRoute {
            throw ValidationError("case #\(id) has no known place: name the unit with --unit")
        }
        let assignment: Assignment
        do {
            assignment = try store.assign(
                caseID: id, unit: unit, on: day, by: storeOptions.actor, at: ChinaTime.timestamp())
        } catch {
            throw ValidationError("\(error)")
        }
        try writeAssignment(
            assignment, json: json,
            headline: "\(assignment.number) · case #\(id) → \(assignment.unit) · due \(assignment.dueOn)")
    }
}

/// Prints an assignment: as JSON, or a headline and the deadline's warning when it is an estimate.
func writeAssignment(_ assignment: Assignment, json: Bool, headline: String) throws {
    let output = OutputWriter(snakeCaseKeys: true)
    if json {
        try output.writeJSON(assignment)
    } else {
        output.write(headline)
        if let warning = assignment.dueWarning { output.write("warning: \(warning)") }
    }
    output.flush()
}
