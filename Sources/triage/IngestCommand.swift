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
            Reads files, folders (every .jsonl, .json, .ndjson, .csv and .txt file under them, in name order) or \
            standard input: JSON Lines (objects with "text" and optionally "id", "channel", "received_at"), CSV \
            exports with a header row (诉求内容/来电内容/反映内容/工单内容/内容 for the text, 工单编号/编号, \
            受理渠道/渠道, 受理时间/来电时间; other headers with --column; quoted fields may span lines), or plain \
            text (one clue a line), in UTF-8, UTF-16 or GB18030 (detected per input). Input is read in batches, so \
            memory stays bounded whatever its size; each batch is analysed on every core (--jobs) and registered in \
            one transaction.

            Each clue is registered once: a record already in the store (same id, or same text, channel and time) \
            is skipped, so ingesting a file twice changes nothing, and a run killed at any moment (Ctrl-C, kill, \
            power cut) is completed by running the same command again. Reports of one incident (near-duplicate \
            text, same county or none named, within 30 days) are merged into one case; a clue repeating a case \
            already written off at the same unit opens a new case flagged 19 (死灰复燃/重复反弹). New cases whose unit is known are \
            assigned at once (numbered, deadline counted), escalated ones to the office; cases with no known place \
            wait for the office to route them (`triage case assign`).

            A record that cannot be read (invalid bytes, bad JSON, a malformed CSV row, no text, over 100,000 \
            characters) goes to the rejects file with its source, line, reason and raw bytes, and the run goes on. \
            On a terminal a progress line on standard error shows records, rate, time left and rejects; otherwise a \
            progress line is printed every 10 seconds; --quiet silences both. The summary ends the run; the exit \
            status is 1 when anything was rejected.

            Ctrl-C (or SIGTERM) stops after the batch in hand is registered, prints the summary and exits with \
            status 130; a second Ctrl-C stops at once. Either way, the same command run again registers the rest.
            """
    )

    @OptionGroup var source: ClueSourceOptions

    @Option(help: "The day new cases are assigned (YYYY-MM-DD; default: today in China).")
    var assignOn: String?

    @Flag(help: "Register and merge only; leave new cases for `triage case assign`.")
    var noAssign = false

    @Option(help: "Where rejected records are written, as JSON Lines (default: STORE.rejects.jsonl).")
    var rejects: String?

    @Option(help: "Clues read and registered per transaction.")
    var batchSize = 500

    @Option(help: "Analysis threads (default: one per core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress output.")
    var quiet = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let lexicons = try storeOptions.lexicons.load()
        let office = try storeOptions.office(from: lexicons)
        let store = try storeOptions.open(office)
        let sources = try source.sources()
        let today = ChinaTime.today()
        let assignDay = try noAssign ? nil : (assignOn.map { try parseDate($0, option: "--assign-on") } ?? today)
        let ingestor = try Ingestor(
            lexicons: lexicons, lexiconVersion: ContentHash.lexiconVersion(directory: office.lexiconDirectory),
            store: store,
            options: RegistrationOptions(
                today: today, time: ChinaTime.timestamp(), actor: storeOptions.actor, assignOn: assignDay),
            jobs: jobs, batchSize: batchSize)
        let rejectsPath = rejects ?? storeOptions.store + ".rejects.jsonl"
        var rejectsFile: RejectsFile?
        defer { rejectsFile?.close() }
        let stop = StopRequest.onInterrupt()
        let progress = ProgressLine(
            totalBytes: sources.reduce(0) { $0 + source.size(of: $1) }, quiet: quiet)
        var bytesBefore = 0

        for input in sources {
            let stream = try source.stream(input)
            do {
                try ingestor.ingest(
                    stream,
                    rejected: { record in
                        if rejectsFile == nil { rejectsFile = try RejectsFile(path: rejectsPath) }
                        try rejectsFile?.write(record)
                        if quiet { return }
                        progress.message("\(record.source):\(record.line): rejected: \(record.reason)")
                    },
                    progress: { summary in progress.update(summary, bytes: bytesBefore + stream.bytesRead) },
                    shouldStop: { stop.isRequested })
            } catch let error as IntakeError {
                throw ValidationError("\(error)")
            } catch let error as CaseStoreError {
                throw ValidationError("store error: \(error) (every batch before this one is registered)")
            }
            bytesBefore += stream.bytesRead
            if stop.isRequested { break }
        }
        progress.finish()
        var summary = ingestor.summary
        summary.rejectsFile = summary.rejected > 0 ? rejectsPath : nil
        let output = OutputWriter(snakeCaseKeys: true)
        if json {
            try output.writeJSON(summary)
        } else {
            summary.lines(store: storeOptions.store).forEach(output.write)
        }
        output.flush()
        if summary.interrupted { throw ExitCode(130) }
        if summary.rejected > 0 { throw ExitCode(1) }
    }
}

/// The rejects file: one JSON object per rejected record, appended: source, line, reason, and the raw record as
/// text (`raw`) when it is valid UTF-8, else as base64 (`raw_base64`).
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
        var object: [String: Any] = ["source": record.source, "line": record.line, "reason": record.reason]
        if let raw = record.raw {
            object["raw"] = raw
        } else {
            object["raw_base64"] = Data(record.rawBytes).base64EncodedString()
        }
        var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        handle.write(data)
    }

    func close() { try? handle.close() }
}
