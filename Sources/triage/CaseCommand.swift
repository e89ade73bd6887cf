import ArgumentParser

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "List, show, assign and move cases through the 交办 workflow.",
        discussion: """
            A case goes registered → assigned → investigating → concluded (substantiated or not) → rectifying \
            (substantiated only) → feedback_given → written_off (销号). Each step is refused, with the reason, when \
            it skips a state or lacks what it needs; every change is an audit entry (who, when, from, to, why).
            """,
        subcommands: [
            CaseListCommand.self, CaseShowCommand.self, CaseAssignCommand.self, CaseTransitionCommand.self,
            CaseExtendCommand.self,
        ]
    )
}
