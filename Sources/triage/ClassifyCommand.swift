import ArgumentParser
import Foundation
import Pipeline

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify clues into the 21 sub-types of 附件3, or out of scope.",
        discussion: """
            Each input line is a clue: a JSON object with "text" (and optional "id", "channel", "received_at") or \
            plain text. For each line, in order, one JSON object is written: the classification record of DESIGN.md \
            (in_scope, category, subtype, secondary, confidence, needs_review, evidence citing the rule and the span \
            of the original text; risk with its reasons, escalate and refer_discipline; entities; route). Phone \
            numbers, ID numbers and complainants' names are masked unless --show-personal-data is given. A line that cannot be read gives an object with "error" in its place, a message \
            on standard error naming the file and line, and exit status 1 at the end; the other lines are classified.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var lexicons: LexiconOptions
    @OptionGroup var personalData: PersonalDataOptions

    @Option(help: "Analysis threads (default: one per core); records stay in input order.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let pool = try AnalyzerPool(lexicons: lexicons.load(), workers: jobs)
        let output = OutputWriter()
        let reveal = personalData.reveal
        var failures = 0
        for source in try input.readInputs() {
            let lines = source.lines
            for start in stride(from: 0, to: lines.count, by: 4096) {
                let batch = Array(lines[start..<min(lines.count, start + 4096)].enumerated())
                let results = pool.map(batch) { analyzer, item -> Result<[UInt8], LineError> in
                    let (offset, line) = item
                    let number = start + offset + 1
                    if line.allSatisfy(\.isWhitespace) { return .failure(LineError(line: number, error: "empty line")) }
                    do {
                        let input = try ClueInput.parse(line: line)
                        return .success(analyzer.record(for: input, revealingPersonalData: reveal).jsonLine)
                    } catch {
                        return .failure(LineError(line: number, error: "\(error)", counts: true))
                    }
                }
                for result in results {
                    switch result {
                    case .success(let bytes):
                        output.write(bytes: bytes)
                    case .failure(let error):
                        if error.counts {
                            failures += 1
                            output.flush()
                            FileHandle.standardError.write(Data("\(source.name):\(error.line): \(error.error)\n".utf8))
                        }
                        try output.writeJSON(error)
                    }
                }
            }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }

    /// What stands in the output for a line that could not be classified.
    struct LineError: Error, Encodable {
        let line: Int
        let error: String
        /// Whether it makes the exit status 1 (an empty line does not).
        var counts = false

        enum CodingKeys: String, CodingKey { case line, error }
    }
}
