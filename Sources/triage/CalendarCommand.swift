import ArgumentParser

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "The statutory working-day calendar (holidays and 调休 make-up days).",
        subcommands: [CalendarDueCommand.self]
    )
}
