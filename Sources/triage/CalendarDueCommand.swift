import ArgumentParser
import Foundation
import WorkingCalendar

struct CalendarDueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Print the date N working days after a date (the date itself does not count).",
        discussion: """
            Counts on the statutory calendar of Lexicons/calendar/cn-statutory.tsv: weekends and holidays are \
            skipped, 调休 make-up Saturdays and Sundays count. For a year the file does not cover, the date is a \
            weekends-only estimate and a warning says so (exit status 0; the warning goes to standard error).
            """
    )

    @Argument(help: "The starting date (YYYY-MM-DD), e.g. the assignment day.") var date: String
    @Option(help: "How many working days.") var days = 5
    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let start = try parseDate(date, option: "DATE")
        let calendar: StatutoryCalendar
        do {
            calendar = try StoreOptions.calendar(in: try lexicons.resolve())
        } catch {
            throw ValidationError("lexicon error: \(error)")
        }
        let deadline = calendar.due(after: start, workingDays: days)
        print(deadline.date)
        if let warning = deadline.warning { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
    }
}
