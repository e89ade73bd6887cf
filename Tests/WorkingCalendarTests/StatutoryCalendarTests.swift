import Foundation
import LexiconFormat
import Testing
import WorkingCalendar

/// The repository's calendar data file.
private let calendarPath: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    return root + "/Lexicons/calendar/cn-statutory.tsv"
}()

private let calendar: StatutoryCalendar = {
    do { return try StatutoryCalendar.load(path: calendarPath) } catch { fatalError("\(error)") }
}()

private func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(text) else { fatalError("not a date: \(text)") }
    return date
}

/// Writes a calendar file to a temporary path and loads it.
private func load(_ contents: String) throws -> StatutoryCalendar {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString).tsv").path
    try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try StatutoryCalendar.load(path: path)
}

@Test func datesRoundTripThroughDayNumbers() {
    var day = date("2019-12-25")
    for _ in 0..<3000 {
        let next = day.adding(days: 1)
        #expect(CivilDate(daysSinceEpoch: next.daysSinceEpoch) == next)
        #expect(next.daysSinceEpoch == day.daysSinceEpoch + 1)
        #expect(next.weekday == day.weekday % 7 + 1)
        day = next
    }
    #expect(date("2023-09-28").weekday == 4)  // a Thursday
    #expect(date("2024-02-29").description == "2024-02-29")
    #expect(CivilDate("2023-02-29") == nil)
    #expect(CivilDate("2023-13-01") == nil)
    #expect(CivilDate("2023-9-28") == nil)
    #expect(CivilDate("2023-09-28T10:15:00+08:00") == date("2023-09-28"))
}

@Test(arguments: [
    // The issue's two cases: the National Day week with two make-up Sundays/Saturdays, and the May Day week.
    ("2023-09-28", "2023-10-11"),
    ("2024-04-30", "2024-05-10"),
    // The Spring Festival of 2024: 除夕 (a Friday) is a working day, the Sunday 2024-02-18 is a make-up day.
    ("2024-02-08", "2024-02-21"),
    // A plain week: Monday + 5 working days is the next Monday.
    ("2025-03-03", "2025-03-10"),
    // 2026's National Day: the Saturday 2026-10-10 is a make-up working day.
    ("2026-09-30", "2026-10-13"),
])
func fiveWorkingDaysOnTheStatutoryCalendar(assigned: String, due: String) {
    let deadline = calendar.due(after: date(assigned), workingDays: 5)
    #expect(deadline.date == date(due))
    #expect(!deadline.isEstimate)
}

@Test func datesBeyondTheDataAreMarkedAsEstimates() throws {
    let deadline = calendar.due(after: date("2026-12-28"), workingDays: 5)
    // Counted on weekends only in 2027: the 1st of January is taken as a working day, and the warning says so.
    #expect(deadline.date == date("2027-01-04"))
    #expect(deadline.isEstimate)
    let warning = try #require(deadline.warning)
    #expect(warning.contains("2027"))
    #expect(warning.contains("cn-statutory.tsv"))
}

@Test func everyYearFrom2023IsCovered() {
    for year in 2023...2026 { #expect(calendar.covers(year: year), "no notice for \(year)") }
    #expect(calendar.isWorkingDay(date("2023-10-07")))  // a Saturday, make-up day
    #expect(!calendar.isWorkingDay(date("2023-10-02")))  // a Monday, holiday
    #expect(!calendar.isWorkingDay(date("2023-10-14")))  // an ordinary Saturday
}

@Test(arguments: [
    ("year\t2023\tX\nholiday\t2023-01-02\t元旦\nmystery\t2023-01-03\tY\n", 3, "unknown row kind"),
    ("year\t2023\tX\nworkday\t2023-01-03\t调休\n", 2, "is a weekday"),
    ("year\t2023\tX\nholiday\t2024-05-01\t劳动节\n", 2, "has no `year` row"),
    ("year\t2023\tX\nholiday\t2023-02-30\t?\n", 2, "is not a date"),
    ("year\t2023\tX\nholiday\t2023-05-03..2023-05-01\t劳动节\n", 2, "ends before it starts"),
    ("year\t2023\tX\nholiday\t2023-05-01..2023-05-03\t劳动节\nholiday\t2023-05-03\t劳动节\n", 3, "listed twice"),
    ("year\t2023\n", 1, "a year row"),
])
func brokenCalendarFilesNameTheLine(contents: String, line: Int, reason: String) {
    do {
        _ = try load(contents)
        Issue.record("loaded a broken file")
    } catch let error as LexiconError {
        #expect(error.line == line)
        #expect(error.reason.contains(reason), "\(error)")
    } catch {
        Issue.record("unexpected error \(error)")
    }
}
