import ArgumentParser
import Foundation
import TextNormalization

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print the normalised form of each input line.",
        discussion: """
            Normalisation is what every later stage sees: NFKC (full-width to half-width), traditional to simplified \
            characters, invisible characters removed, white space collapsed, and noise inserted between Han \
            characters removed (钓 鱼 执 法, 钓*鱼*执*法). With --json each line becomes an object that also maps every \
            normalised character back to its span in the original line.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var lexicons: LexiconOptions

    @Flag(help: "Print one JSON object per line, with the offset map.")
    var json = false

    func run() throws {
        let normalizer = try lexicons.normalizer()
        let output = OutputWriter()
        for source in try input.readInputs() {
            for (index, line) in source.lines.enumerated() {
                let normalized = normalizer.normalize(String(line))
                if json {
                    let offsets = (0..<normalized.scalars.count).map { position -> [Int] in
                        let range = normalized.originalRange(of: position..<(position + 1))
                        return [range.lowerBound, range.upperBound]
                    }
                    try output.writeJSON(
                        NormalizedLine(
                            file: source.name, line: index + 1, original: String(line), normalized: normalized.text,
                            offsets: offsets))
                } else {
                    output.write(normalized.text)
                }
            }
        }
    }

    /// The JSON form of one normalised line.
    struct NormalizedLine: Encodable {
        let file: String
        let line: Int
        let original: String
        let normalized: String
        /// For each normalised character, its [start, end) in the original line, in Unicode scalars.
        let offsets: [[Int]]
    }
}
