import LexiconFormat

/// The Chinese statutory working calendar: weekends, public holidays and the 调休 make-up working days, for the years
/// whose State Council notice is in the data file (`Lexicons/calendar/cn-statutory.tsv`).
public struct StatutoryCalendar: Sendable {
    /// The years the data file covers, with the notice each came from.
    public let notices: [Int: String]
    /// Days off that would otherwise be working days, or are holidays on a weekend, with the holiday's name.
    public let holidays: [CivilDate: String]
    /// Saturdays and Sundays that are working days (调休上班), with the holiday they make up for.
    public let makeUpWorkdays: [CivilDate: String]
    /// The file the calendar was loaded from, for warnings.
    public let source: String

    /// Creates a calendar from its parts (tests; `load(path:)` reads the data file).
    public init(
        notices: [Int: String], holidays: [CivilDate: String], makeUpWorkdays: [CivilDate: String],
        source: String = "(in memory)"
    ) {
        self.notices = notices
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        self.source = source
    }

    /// Loads and validates a calendar data file.
    ///
    /// - Throws: `LexiconError` naming the line: an unknown row kind, a malformed or impossible date, a reversed
    ///   range, a date in a year without a `year` row, a date listed twice, or a make-up workday on a weekday.
    public static func load(path: String) throws(LexiconError) -> StatutoryCalendar {
        let file = try LexiconFile(path: path)
        var notices: [Int: String] = [:]
        var holidays: [CivilDate: String] = [:]
        var workdays: [CivilDate: String] = [:]
        var datedLines: [(LexiconFile.Line, [String])] = []
        for line in file.lines {
            let fields = line.fields
            func fail(_ reason: String) -> LexiconError { LexiconError(file: path, line: line.number, reason: reason) }
            switch fields[0] {
            case "year":
                guard fields.count == 3, let year = Int(fields[1]), (1900...9999).contains(year), !fields[2].isEmpty
                else { throw fail("a year row is `year<TAB>YEAR<TAB>NOTICE`") }
                guard notices[year] == nil else { throw fail("year \(year) is declared twice") }
                notices[year] = fields[2]
            case "holiday", "workday":
                guard fields.count == 3, !fields[2].isEmpty else {
                    throw fail("a \(fields[0]) row is `\(fields[0])<TAB>DATE or FIRST..LAST<TAB>NAME`")
                }
                datedLines.append((line, fields))
            default:
                throw fail("unknown row kind '\(fields[0])' (expected year, holiday or workday)")
            }
        }
        for (line, fields) in datedLines {
            func fail(_ reason: String) -> LexiconError { LexiconError(file: path, line: line.number, reason: reason) }
            let bounds = fields[1].components(separatedBy: "..")
            guard bounds.count <= 2, let first = CivilDate(bounds[0]), bounds[0].count == 10,
                let last = bounds.count == 2 ? CivilDate(bounds[1]) : first,
                bounds.count == 1 || bounds[1].count == 10
            else { throw fail("'\(fields[1])' is not a date (YYYY-MM-DD) or a range (FIRST..LAST)") }
            guard first <= last else { throw fail("the range \(fields[1]) ends before it starts") }
            guard last.daysSinceEpoch - first.daysSinceEpoch < 31 else {
                throw fail("the range \(fields[1]) is over 31 days")
            }
            var date = first
            while date <= last {
                guard notices[date.year] != nil || notices[date.year + 1] != nil else {
                    throw fail("\(date) is in \(date.year), which has no `year` row")
                }
                guard holidays[date] == nil, workdays[date] == nil else { throw fail("\(date) is listed twice") }
                if fields[0] == "holiday" {
                    holidays[date] = fields[2]
                } else {
                    guard date.isWeekend else {
                        throw fail("\(date) is a weekday: a make-up workday (调休上班) is a Saturday or Sunday")
                    }
                    workdays[date] = fields[2]
                }
                date = date.adding(days: 1)
            }
        }
        return StatutoryCalendar(notices: notices, holidays: holidays, makeUpWorkdays: workdays, source: path)
    }

    /// Whether the data covers the year (its notice is in the file).
    public func covers(year: Int) -> Bool { notices[year] != nil }

    /// Whether people work on the date: a make-up workday, or a Monday–Friday that is not a holiday.
    /// For a year the data does not cover, weekdays are working days.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if makeUpWorkdays[date] != nil { return true }
        if holidays[date] != nil { return false }
        return !date.isWeekend
    }

    /// The date that is `workingDays` working days after `start`; the start day itself does not count.
    ///
    /// When a counted day falls in a year the data does not cover, the result counts weekends only there and says
    /// so: `isEstimate` is true and `warning` names the year and the file to update.
    public func due(after start: CivilDate, workingDays: Int) -> Deadline {
        var date = start
        var counted = 0
        var uncovered: Set<Int> = []
        while counted < max(0, workingDays) {
            date = date.adding(days: 1)
            if !covers(year: date.year) { uncovered.insert(date.year) }
            if isWorkingDay(date) { counted += 1 }
        }
        guard !uncovered.isEmpty else { return Deadline(start: start, workingDays: workingDays, date: date) }
        let years = uncovered.sorted().map(String.init).joined(separator: ", ")
        let warning =
            "the holiday notice for \(years) is not in \(source): weekends-only estimate; "
            + "add the year's notice and check this date again"
        return Deadline(start: start, workingDays: workingDays, date: date, warning: warning)
    }
}

/// A deadline counted in working days.
public struct Deadline: Sendable, Equatable {
    /// The day the count starts from (not counted itself).
    public let start: CivilDate
    /// How many working days were counted.
    public let workingDays: Int
    /// The due date: the last of the counted working days.
    public let date: CivilDate
    /// Why the date is only an estimate, or `nil` when the calendar data covered every day counted.
    public let warning: String?

    /// Whether the date was counted on weekends only for some year the data does not cover.
    public var isEstimate: Bool { warning != nil }

    /// Creates a deadline.
    public init(start: CivilDate, workingDays: Int, date: CivilDate, warning: String? = nil) {
        self.start = start
        self.workingDays = workingDays
        self.date = date
        self.warning = warning
    }
}
