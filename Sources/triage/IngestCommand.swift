import ArgumentParser
import Cases
import Foundation
import Intake
import Pipeline
import TextDecoding
import WorkingCalendar

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Classify clues and register them in the case store.",
        discussion: """
            Reads JSON Lines (objects with "text" and optionally "id", "channel", "received_at"), CSV exports with \
            a header row (诉求内容/来电内容/反映内容/工单内容/内容 for the text, 工单编号/编号, 受理渠道/渠道, \
            受理时间/来电时间; other headers with --column), or plain text (one clue a line), in UTF-8, UTF-16 or \
            GB18030 (detected). Each clue is analysed and registered once: a record already in the store (same \
            id, or same text, channel and time) is skipped, so ingesting a file twice changes nothing. Reports of \
            one incident (near-duplicate text, same county, within 30 days) are merged into one case; a clue \
            repeating a case already written off at the same unit opens a new case flagged 19 (死灰复燃/重复反弹). \
            New cases whose unit is known are assigned at once (numbered, deadline counted), escalated ones to the \
            office; cases with no known place wait for the office to route them (`triage case assign`).

            Records that cannot be read (bad JSON, a malformed CSV row, no text, over 100,000 characters) go to \
            the rejects file with their source, line, reason and raw text, and the run goes on; the exit status is \
            1 when anything was rejected. Every batch of clues is registered in one transaction: a killed run \
            loses nothing registered, and running it again registers the rest.
            """
    )

    @Argument(help: "Files to read; standard input when none is given or for '-'.")
    var files: [String] = []

    @Option(help: "The input format: jsonl, csv or text (default: from the file name and first character).")
    var format: String?

    @Option(help: "Encoding of the input (UTF-8, GB18030, …); detected when not given.")
    var encoding: String?

    @Option(
        name: .customLong("column"),
        help: ArgumentHelp(
            "A CSV column for a field: text=HEADER, id=HEADER, channel=HEADER, received_at=HEADER.",
            valueName: "field=header"))
    var columns: [String] = []

    @Option(help: "The day new cases are assigned (YYYY-MM-DD; default: today in China).")
    var assignOn: String?

    @Flag(help: "Register and merge only; leave new cases for `triage case assign`.")
    var noAssign = false

    @Option(help: "Where rejected records are written, as JSON Lines (default: STORE.rejects.jsonl).")
    var rejects: String?

    @Option(help: "Clues registered per transaction.")
    var batchSize = 500

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let office = try storeOptions.office()
        let lexicons = try storeOptions.lexicons.load()
        let store = try storeOptions.open(office)
        let registrar = Registrar(
            analyzer: try Analyzer(lexicons: lexicons),
            lexiconVersion: ContentHash.lexiconVersion(directory: office.lexiconDirectory))
        let overrides = try columnOverrides()
        let today = ChinaTime.today()
        let assignDay = try noAssign ? nil : (assignOn.map { try parseDate($0, option: "--assign-on") } ?? today)
        let options = RegistrationOptions(
            today: today, time: ChinaTime.timestamp(), actor: storeOptions.actor, assignOn: assignDay)
        let declared = try encoding.map { name in try TextEncoding(named: name) }
        let rejectsPath = rejects ?? storeOptions.store + ".rejects.jsonl"
        var summary = IngestSummary()
        var rejectWriter: RejectsFile?
        defer { rejectWriter?.close() }

        for source in files.isEmpty ? ["-"] : files {
            let (name, text) = try read(source, encoding: declared)
            let inputFormat =
                try format.map { value in
                    guard let parsed = InputFormat(rawValue: value) else {
                        throw ValidationError("--format: '\(value)' is not jsonl, csv or text")
                    }
                    return parsed
                } ?? InputFormat.guess(name: name, text: text)
            let records: [ReadRecord]
            do {
                records = try ClueReader.read(name: name, text: text, format: inputFormat, columns: overrides)
            } catch {
                throw ValidationError("\(error)")
            }
            var batch: [NewClue] = []
            func flush() throws {
                guard !batch.isEmpty else { return }
                do {
                    summary.add(try store.register(batch, options: options), clues: batch)
                } catch {
                    throw ValidationError("store error: \(error) (everything before this batch is registered)")
                }
                batch.removeAll(keepingCapacity: true)
            }
            for record in records {
                switch record {
                case .clue(let input, let line):
                    summary.read += 1
                    batch.append(registrar.newClue(for: input, source: "\(name):\(line)"))
                    if batch.count >= batchSize { try flush() }
                case .rejected(let rejected):
                    summary.read += 1
                    summary.rejected += 1
                    if rejectWriter == nil { rejectWriter = try RejectsFile(path: rejectsPath) }
                    try rejectWriter?.write(rejected)
                    FileHandle.standardError.write(
                        Data("\(rejected.source):\(rejected.line): rejected: \(rejected.reason)\n".utf8))
                }
            }
            try flush()
        }
        summary.rejectsFile = summary.rejected > 0 ? rejectsPath : nil
        let output = OutputWriter(snakeCaseKeys: true)
        if json {
            try output.writeJSON(summary)
        } else {
            summary.lines(store: storeOptions.store).forEach(output.write)
        }
        output.flush()
        if summary.rejected > 0 { throw ExitCode(1) }
    }

    private func columnOverrides() throws -> [String: String] {
        var overrides: [String: String] = [:]
        for column in columns {
            let parts = column.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["text", "id", "channel", "received_at"].contains(parts[0]), !parts[1].isEmpty
            else {
                throw ValidationError(
                    "--column: '\(column)' is not field=header (fields: text, id, channel, received_at)")
            }
            overrides[parts[0]] = parts[1]
        }
        return overrides
    }

    private func read(_ source: String, encoding: TextEncoding?) throws -> (String, String) {
        let bytes: [UInt8]
        if source == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: source) else {
                throw ValidationError("\(source): cannot be read (no such file, or not readable)")
            }
            bytes = Array(data)
        }
        let name = source == "-" ? "<stdin>" : source
        do {
            return (name, try TextDecoder(encoding: encoding, mode: .strict).decode(bytes).text)
        } catch {
            throw ValidationError("\(name): \(error)")
        }
    }
}

/// What an ingest run did.
struct IngestSummary: Encodable {
    var read = 0
    var registered = 0
    var newCases = 0
    var merged = 0
    var recurrences = 0
    var outOfScope = 0
    var duplicates = 0
    var rejected = 0
    var assigned = 0
    var escalated = 0
    var referDiscipline = 0
    var waitingForRouting = 0
    var bySubtype: [String: Int] = [:]
    var byRisk: [String: Int] = [:]
    var rejectsFile: String?

    mutating func add(_ outcomes: [RegistrationOutcome], clues: [NewClue]) {
        for (outcome, clue) in zip(outcomes, clues) {
            var number: String?
            switch outcome {
            case .duplicate:
                duplicates += 1
                continue
            case .outOfScope:
                outOfScope += 1
            case .newCase(_, _, let assigned):
                newCases += 1
                number = assigned
            case .merged:
                merged += 1
            case .recurrence(_, _, _, let assigned):
                recurrences += 1
                number = assigned
            }
            registered += 1
            if number != nil { assigned += 1 }
            if clue.inScope, clue.manualRoute, case .newCase = outcome, number == nil { waitingForRouting += 1 }
            if clue.escalate { escalated += 1 }
            if clue.referDiscipline { referDiscipline += 1 }
            bySubtype[clue.inScope ? String(clue.subtype) : "out_of_scope", default: 0] += 1
            byRisk[clue.risk, default: 0] += 1
        }
    }

    func lines(store: String) -> [String] {
        var lines = [
            "read \(read) · registered \(registered) · duplicates skipped \(duplicates) · rejected \(rejected)",
            "cases: \(newCases) new, \(merged) clues merged into existing cases, \(recurrences) recurrences (19), "
                + "\(outOfScope) clues out of scope",
            "assigned \(assigned) · escalated (提级调查) \(escalated) · referral (纪检监察) \(referDiscipline) · "
                + "waiting for manual routing \(waitingForRouting)",
        ]
        let subtypes = bySubtype.sorted { (Int($0.key) ?? 99, $0.key) < (Int($1.key) ?? 99, $1.key) }
        lines.append("by sub-type: " + subtypes.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        let risks = ["high", "medium", "low", "none"].compactMap { level in byRisk[level].map { "\(level)=\($0)" } }
        lines.append("by risk: " + risks.joined(separator: " "))
        lines.append("store: \(store)")
        if let rejectsFile { lines.append("rejects: \(rejectsFile)") }
        return lines
    }
}

/// The rejects file: one JSON object per rejected record, appended.
struct RejectsFile {
    private let handle: FileHandle

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ValidationError("\(path): cannot create the rejects file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("\(path): cannot open the rejects file")
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func write(_ record: RejectedRecord) throws {
        let object: [String: Any] = [
            "source": record.source, "line": record.line, "reason": record.reason, "raw": record.raw,
        ]
        var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        handle.write(data)
    }

    func close() { try? handle.close() }
}
