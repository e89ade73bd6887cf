import ArgumentParser
import Foundation
import LexiconFormat
import Segmentation
import TextNormalization

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split each input line into words.",
        discussion: """
            Each line is normalised, then segmented by ICU's word break iterator with the domain dictionary \
            (Lexicons/segmentation/*.txt and the place names of Lexicons/places/*.tsv) overlaid, so that domain \
            terms and place names come out whole. Plain output prints the words of a line separated by spaces; \
            --json prints every token with its kind and its offsets in the original line.

            --eval FILE scores the segmenter against a hand-segmented gold file (Corpus/segmentation/) and prints \
            boundary precision, recall and F1 for ICU alone and for ICU with the overlay.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var lexicons: LexiconOptions

    @Flag(help: "Print one JSON object per line with every token's kind and offsets.")
    var json = false

    @Flag(help: "Use ICU alone, without the domain dictionary.")
    var noOverlay = false

    @Option(help: "Score the segmenter against a gold file instead of segmenting input.")
    var eval: [String] = []

    func run() throws {
        let normalizer = try lexicons.normalizer()
        let dictionary: DomainDictionary
        do {
            dictionary =
                noOverlay
                ? DomainDictionary()
                : try DomainDictionary.load(lexiconDirectory: lexicons.resolve(), normalizer: normalizer)
        } catch let error as LexiconError {
            throw ValidationError("lexicon error: \(error)")
        }
        if !eval.isEmpty { return try evaluate(with: dictionary, normalizer: normalizer) }
        let segmenter = try Segmenter(dictionary: dictionary)
        let output = OutputWriter()
        for source in try input.readInputs() {
            for (index, line) in source.lines.enumerated() {
                let normalized = normalizer.normalize(String(line))
                let tokens = segmenter.segment(normalized)
                if json {
                    try output.writeJSON(
                        SegmentedLine(
                            file: source.name, line: index + 1, tokens: tokens.map { TokenRecord($0, in: normalized) }))
                } else {
                    output.write(
                        tokens.filter { $0.kind != .space }.map { $0.text(in: normalized) }.joined(separator: " "))
                }
            }
        }
    }

    private func evaluate(with dictionary: DomainDictionary, normalizer: Normalizer) throws {
        let icuAlone = try Segmenter()
        let overlaid = try Segmenter(dictionary: dictionary)
        let output = OutputWriter()
        for path in eval {
            let gold = try GoldSentence.load(path: path)
            let scores = [
                ("ICU alone", icuAlone.score(gold, normalizer: normalizer)),
                ("ICU + overlay", overlaid.score(gold, normalizer: normalizer)),
            ]
            output.write("\(path): \(gold.count) sentences, \(scores[0].1.expected) gold boundaries")
            output.write("segmenter        precision  recall  F1")
            for (name, score) in scores {
                let figures = [score.precision, score.recall, score.f1].map { String(format: "%.4f", $0) }
                output.write(
                    name.padding(toLength: 17, withPad: " ", startingAt: 0)
                        + figures[0].padding(toLength: 11, withPad: " ", startingAt: 0)
                        + figures[1].padding(toLength: 8, withPad: " ", startingAt: 0) + figures[2])
            }
        }
    }

    /// The JSON form of one segmented line.
    struct SegmentedLine: Encodable {
        let file: String
        let line: Int
        let tokens: [TokenRecord]
    }

    /// The JSON form of a token: `start`/`end` are offsets in the original line, in Unicode scalars.
    struct TokenRecord: Encodable {
        let text: String
        let kind: TokenKind
        let start: Int
        let end: Int
        let normalizedStart: Int
        let normalizedEnd: Int
        let source: Token.Source

        init(_ token: Token, in normalized: NormalizedText) {
            text = token.text(in: normalized)
            kind = token.kind
            start = token.originalRange.lowerBound
            end = token.originalRange.upperBound
            normalizedStart = token.range.lowerBound
            normalizedEnd = token.range.upperBound
            source = token.source
        }

        enum CodingKeys: String, CodingKey {
            case text, kind, start, end, source
            case normalizedStart = "normalized_start"
            case normalizedEnd = "normalized_end"
        }
    }
}
