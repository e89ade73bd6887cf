import ArgumentParser
import Cases
import Classification
import Foundation
import LexiconFormat
import Pipeline
import Routing
import WorkingCalendar

/// The options of every command that works in the case store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The case store, an SQLite file; created when missing.")
    var store = "triage.sqlite"

    @Option(help: "Who acts, recorded in the audit trail (default: $USER).")
    var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "triage"

    @OptionGroup var lexicons: LexiconOptions

    /// What the case commands need besides the store: who handles what, the calendar and the taxonomy.
    struct Office {
        let jurisdiction: Jurisdiction
        let calendar: StatutoryCalendar
        let taxonomy: Taxonomy
        let lexiconDirectory: String
    }

    /// The path of the calendar data file inside the lexicon folder.
    static let calendarFile = "calendar/cn-statutory.tsv"

    /// Loads the jurisdiction, calendar and taxonomy files.
    func office() throws -> Office {
        let directory = try lexicons.resolve()
        do {
            return Office(
                jurisdiction: try Jurisdiction.load(path: directory + "/jurisdictions.tsv"),
                calendar: try StoreOptions.calendar(in: directory),
                taxonomy: try Taxonomy.load(path: directory + "/taxonomy.tsv"), lexiconDirectory: directory)
        } catch {
            throw ValidationError("lexicon error: \(error)")
        }
    }

    /// The office from lexicons already loaded (which hold the jurisdiction and taxonomy), plus the calendar.
    func office(from loaded: LexiconSet) throws -> Office {
        do {
            return Office(
                jurisdiction: loaded.jurisdiction, calendar: try StoreOptions.calendar(in: loaded.directory),
                taxonomy: loaded.taxonomy, lexiconDirectory: loaded.directory)
        } catch {
            throw ValidationError("lexicon error: \(error)")
        }
    }

    static func calendar(in directory: String) throws(LexiconError) -> StatutoryCalendar {
        try StatutoryCalendar.load(path: directory + "/" + calendarFile)
    }

    /// Opens the store with the office's units, calendar and number format.
    func open(_ office: Office) throws -> SQLiteCaseStore {
        let jurisdiction = office.jurisdiction
        var units = jurisdiction.units.map { Unit(name: $0, kind: "unit") }
        units.append(Unit(name: jurisdiction.office, kind: "office"))
        units.append(Unit(name: jurisdiction.discipline, kind: "discipline"))
        do {
            return try SQLiteCaseStore(
                path: store, calendar: office.calendar,
                numberFormat: try CaseNumberFormat(pattern: jurisdiction.numberFormat), units: units)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

/// The current day and time in China (UTC+8), which deadlines and audit entries are written in.
enum ChinaTime {
    private static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// Now, as an ISO 8601 timestamp with +08:00.
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        return formatter.string(from: date).replacingOccurrences(of: "Z", with: "+08:00")
    }

    /// Today's date in China.
    static func today(_ date: Date = Date()) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Parses a `YYYY-MM-DD` option value.
func parseDate(_ text: String, option: String) throws -> CivilDate {
    guard let date = CivilDate(text), text.count == 10 else {
        throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)")
    }
    return date
}
