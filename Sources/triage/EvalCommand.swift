import ArgumentParser
import Foundation
import Pipeline

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the classifier on a labelled corpus file.",
        discussion: """
            Reads a JSON Lines corpus (Corpus/README.md) and prints per-sub-type precision, recall and F1 of the \
            primary label, macro-F1 over sub-types 1–21, out-of-scope precision/recall/F1, accuracy, the share \
            flagged for review, accuracy by tag and the most frequent confusions. --errors lists the wrong items \
            (use it on the train split only: the test split is for measuring, not tuning).
            """
    )

    @Argument(help: "Labelled corpus files (JSON Lines).")
    var files: [String]

    @OptionGroup var lexicons: LexiconOptions

    @Flag(help: "List every wrongly classified item.")
    var errors = false

    @Option(help: "Also write the figures as JSON to this file.")
    var json: String?

    func run() throws {
        let analyzer = try Analyzer(lexicons: lexicons.load())
        let taxonomy = analyzer.lexicons.taxonomy
        var report = ClassificationReport()
        let output = OutputWriter()
        for path in files {
            let items: [LabelledClue]
            do { items = try LabelledClue.load(path: path) } catch { throw ValidationError("\(error)") }
            for item in items {
                let classification = analyzer.analyze(item.text).classification
                report.add(
                    gold: item, predicted: classification.subtype, predictedSecondary: classification.secondary,
                    needsReview: classification.needsReview)
                if errors && classification.subtype != item.primary {
                    let snippet = String(item.text.prefix(70)).replacingOccurrences(of: "\n", with: " ")
                    output.write(
                        "✗ \(item.id) gold \(item.primary)\(item.secondary) got \(classification.subtype)\(classification.secondary)  \(snippet)"
                    )
                }
            }
        }
        func figure(_ value: Double) -> String { String(format: "%.3f", value) }
        output.write("\(files.joined(separator: " ")): \(report.count) items")
        output.write("id  P      R      F1     n    sub-type")
        for id in [0] + taxonomy.subtypeIDs {
            let score = report.labels[id] ?? LabelScore()
            let name = id == 0 ? "out of scope" : taxonomy.subtypes[id]?.name ?? "?"
            output.write(
                String(format: "%-3d ", id)
                    + "\(figure(score.precision))  \(figure(score.recall))  \(figure(score.f1))  "
                    + String(format: "%-4d ", score.support) + String(name.prefix(24)))
        }
        output.write("macro-F1 (sub-types 1–21): \(figure(report.macroF1))")
        output.write(
            "out of scope: P \(figure(report.outOfScope.precision)) R \(figure(report.outOfScope.recall)) F1 \(figure(report.outOfScope.f1))"
        )
        output.write(
            "accuracy: \(figure(report.accuracy)); primary among gold labels: \(figure(Double(report.acceptable) / Double(max(1, report.count))))"
        )
        output.write("needs_review: \(report.needsReview) items, \(report.wrongAmongReviewed) of them wrong")
        output.write(
            "by tag: "
                + report.byTag.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value[0])/\($0.value[1])" }.joined(
                    separator: ", "))
        output.write(
            "confusions: "
                + report.confusions.sorted { $0.value > $1.value }.prefix(12).map { "\($0.key) ×\($0.value)" }.joined(
                    separator: ", "))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        }
    }
}
