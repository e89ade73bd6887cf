import ArgumentParser
import Cases

struct CaseTransitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transition",
        abstract: "Move a case to the next state of the workflow.",
        discussion: """
            investigating: the unit has started. concluded: needs --conclusion and --substantiated or \
            --unsubstantiated. rectifying (substantiated cases): needs --measures and --rectify-by, optionally \
            --responsible. feedback_given: needs --feedback. written_off (销号): after feedback. A step that skips a \
            state or lacks what it needs is refused with the reason, and nothing changes.
            """
    )

    @Argument(help: "The case id.") var id: Int64
    @Argument(help: "The state to move to.") var state: String
    @Option(help: "The investigation's conclusion (核查结论).") var conclusion: String?
    @Flag(help: "The complaint was found true.") var substantiated = false
    @Flag(help: "The complaint was found untrue.") var unsubstantiated = false
    @Option(help: "The rectification measures (整改措施).") var measures: String?
    @Option(help: "The rectification time limit (整改时限).") var rectifyBy: String?
    @Option(help: "Who is responsible for the rectification (整改责任部门、责任人).") var responsible: String?
    @Option(help: "The feedback given (反馈情况).") var feedback: String?
    @Option(help: "Why, for the audit trail.") var reason: String?
    @Flag(help: "Print the case as JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard let target = CaseState(rawValue: state) else {
            let states = CaseState.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("'\(state)' is not a state (\(states))")
        }
        if substantiated && unsubstantiated {
            throw ValidationError("--substantiated and --unsubstantiated exclude each other")
        }
        let details = TransitionDetails(
            conclusion: conclusion, substantiated: substantiated ? true : (unsubstantiated ? false : nil),
            measures: measures, rectifyBy: rectifyBy, responsible: responsible, feedback: feedback)
        let store = try storeOptions.open(try storeOptions.office())
        let updated: CaseFile
        do {
            updated = try store.transition(
                caseID: id, to: target, details: details, by: storeOptions.actor, at: ChinaTime.timestamp(),
                reason: reason)
        } catch {
            throw ValidationError("\(error)")
        }
        let output = OutputWriter(snakeCaseKeys: true)
        if json { try output.writeJSON(updated) } else { output.write("case #\(id) is \(updated.state.rawValue)") }
        output.flush()
    }
}
