import Cases
import Foundation
import Intake
import Pipeline
import TestSupport
import WorkingCalendar

/// The repository's lexicons, loaded once for every test of this target.
let lexicons: LexiconSet = {
    do { return try LexiconSet(directory: repositoryRoot + "/Lexicons") } catch { fatalError("\(error)") }
}()

let calendar: StatutoryCalendar = {
    do { return try StatutoryCalendar.load(path: repositoryRoot + "/Lexicons/calendar/cn-statutory.tsv") } catch {
        fatalError("\(error)")
    }
}()

/// A test resource under Tests/CaseTests/Fixtures.
func fixturePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// A fresh store in a temporary folder, with the repository's units.
func freshStore(path: String? = nil) throws -> SQLiteCaseStore {
    let jurisdiction = lexicons.jurisdiction
    var units = jurisdiction.units.map { Unit(name: $0, kind: "unit") }
    units.append(Unit(name: jurisdiction.office, kind: "office"))
    units.append(Unit(name: jurisdiction.discipline, kind: "discipline"))
    return try SQLiteCaseStore(
        path: path ?? temporaryFolder() + "/triage.sqlite", calendar: calendar,
        numberFormat: try CaseNumberFormat(pattern: jurisdiction.numberFormat), units: units)
}

/// Reads the clues of a JSON Lines fixture and analyses them for registration.
func newClues(_ fixture: String) throws -> [NewClue] {
    let registrar = Registrar(analyzer: try Analyzer(lexicons: lexicons), lexiconVersion: "test")
    let text = try String(contentsOfFile: fixturePath(fixture), encoding: .utf8)
    return try ClueReader.read(name: fixture, text: text, format: .jsonl).map { record in
        guard case .clue(let input, let line) = record else { fatalError("fixture \(fixture) has a bad line") }
        return registrar.newClue(for: input, source: "\(fixture):\(line)")
    }
}

func day(_ text: String) -> CivilDate { CivilDate(text)! }

func options(assignOn: String? = nil, today: String = "2024-03-11") -> RegistrationOptions {
    RegistrationOptions(
        today: day(today), time: "\(today)T09:00:00+08:00", actor: "test", assignOn: assignOn.map(day))
}

/// A clue made by hand, for tests of the store alone.
func handMadeClue(
    key: String, text: String, subtype: Int = 3, county: String? = "临泉县", unit: String = "临泉县交通运输局",
    receivedAt: String = "2024-03-04", escalate: Bool = false, manual: Bool = false
) -> NewClue {
    NewClue(
        sourceKey: key, channel: "12345", receivedAt: receivedAt, rawText: text, maskedText: text, record: "{}",
        lexiconVersion: "test", inScope: subtype != 0, subtype: subtype, category: subtype == 0 ? nil : 1,
        risk: "low", escalate: escalate, referDiscipline: false, county: county, unit: unit, manualRoute: manual,
        fingerprint: TextFingerprint(text: text))
}
