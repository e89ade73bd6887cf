import ArgumentParser
import Cases

struct CaseExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend an assigned case's investigation deadline by working days, with a reason."
    )

    @Argument(help: "The case id.") var id: Int64
    @Option(help: "How many working days to add.") var days = 5
    @Option(help: "Why the unit needs more time (required).") var reason: String
    @Flag(help: "Print the assignment as JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open(try storeOptions.office())
        let assignment: Assignment
        do {
            assignment = try store.extend(
                caseID: id, workingDays: days, reason: reason, by: storeOptions.actor, at: ChinaTime.timestamp())
        } catch {
            throw ValidationError("\(error)")
        }
        try writeAssignment(
            assignment, json: json, headline: "case #\(id) (\(assignment.number)) is now due \(assignment.dueOn)")
    }
}
