import ArgumentParser
import Foundation
import Intake
import Pipeline

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify clues into the 21 sub-types of 附件3, or out of scope.",
        discussion: """
            Reads files, folders or standard input: JSON Lines (objects with "text" and optionally "id", "channel", \
            "received_at"; a line that is not an object is taken as plain text), CSV exports with a header row \
            (the headers `triage ingest` knows, or --column), or plain text, one clue a line; in UTF-8, UTF-16 or \
            GB18030, detected per input. Input is read in batches, so memory stays bounded whatever its size, and \
            each batch is analysed on every core (--jobs).

            For each line (each record of a CSV file), in order, one JSON object is written: the classification \
            record of DESIGN.md (in_scope, category, subtype, secondary, confidence, needs_review, evidence citing \
            the rule and the span of the original text; risk with its reasons, escalate and refer_discipline; \
            entities; route). Phone numbers, ID numbers and complainants' names are masked unless \
            --show-personal-data is given.

            A record that cannot be read (invalid bytes, bad JSON, a malformed CSV row, no text, a line over 4 MiB) \
            gives {"line": N, "error": REASON} in its place and a message on standard error naming the input and \
            line; the records around it are classified, and the exit status is 1 at the end. A blank line gives \
            {"line": N, "error": "empty line"} and does not change the exit status.
            """
    )

    @OptionGroup var source: ClueSourceOptions
    @OptionGroup var lexicons: LexiconOptions
    @OptionGroup var personalData: PersonalDataOptions

    @Option(help: "Analysis threads (default: one per core); records stay in input order.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Records read and analysed at a time.")
    var batchSize = 2048

    func run() throws {
        let pool = try AnalyzerPool(lexicons: lexicons.load(), workers: jobs)
        let output = OutputWriter()
        let reveal = personalData.reveal
        var failures = 0
        for input in try source.sources() {
            let stream = try source.stream(input)
            var lastLine = 0
            while true {
                let records: [ReadRecord]
                do {
                    records = try stream.next(maximum: max(1, batchSize))
                } catch {
                    throw ValidationError("\(error)")
                }
                if records.isEmpty { break }
                let results = pool.map(records) { analyzer, record -> [UInt8]? in
                    guard case .clue(let clue, _) = record else { return nil }
                    return analyzer.record(for: clue, revealingPersonalData: reveal).jsonLine
                }
                for (record, result) in zip(records, results) {
                    let line = record.line
                    if stream.inputFormat != .csv {
                        // Blank lines are skipped by the reader; keep one object per input line.
                        for blank in (lastLine + 1)..<max(lastLine + 1, line) {
                            try output.writeJSON(LineError(line: blank, error: "empty line"))
                        }
                    }
                    lastLine = line
                    switch record {
                    case .clue:
                        if let result { output.write(bytes: result) }
                    case .rejected(let rejected):
                        failures += 1
                        output.flush()
                        FileHandle.standardError.write(
                            Data("\(rejected.source):\(rejected.line): \(rejected.reason)\n".utf8))
                        try output.writeJSON(LineError(line: rejected.line, error: rejected.reason))
                    }
                }
            }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }

    /// What stands in the output for a line that could not be classified.
    struct LineError: Encodable {
        let line: Int
        let error: String
    }
}
