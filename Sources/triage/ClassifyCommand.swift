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

    func run() throws {
        let analyzer = try Analyzer(lexicons: lexicons.load())
        let output = OutputWriter()
        var failures = 0
        for source in try input.readInputs() {
            for (index, line) in source.lines.enumerated() {
                if line.allSatisfy(\.isWhitespace) {
                    try output.writeJSON(LineError(line: index + 1, error: "empty line"))
                    continue
                }
                do {
                    output.write(
                        bytes: analyzer.record(
                            for: try ClueInput.parse(line: line), revealingPersonalData: personalData.reveal
                        ).jsonLine)
                } catch {
                    failures += 1
                    output.flush()
                    FileHandle.standardError.write(Data("\(source.name):\(index + 1): \(error)\n".utf8))
                    try output.writeJSON(LineError(line: index + 1, error: "\(error)"))
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
