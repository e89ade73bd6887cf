import ArgumentParser
import Classification
import Foundation
import Pipeline

struct LexiconTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the statistical model that backs the rules up, on labelled files.",
        discussion: """
            Trains a naive Bayes model over the words and Han character pairs of every item (the same tokens the \
            rules see) and writes it to Lexicons/model/naive-bayes.tsv. The classifier uses it only where the \
            rules are silent on a text that names an enforcement actor, and marks such labels decided_by "model" \
            and needs_review. Train on the train split only: the test split must stay unseen.
            """
    )

    @Argument(help: "Labelled corpus files (JSON Lines) to train on.")
    var files: [String]

    @OptionGroup var model: ModelOptions
    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let loaded = try lexicons.load()
        let analyzer = try Analyzer(lexicons: loaded)
        var examples: [(label: Int, features: TextFeatures)] = []
        for path in files {
            let items: [LabelledClue]
            do { items = try LabelledClue.load(path: path) } catch { throw ValidationError("\(error)") }
            for item in items {
                let analysis = analyzer.analyze(item.text)
                examples.append((item.primary, TextFeatures(normalized: analysis.normalized, tokens: analysis.tokens)))
            }
        }
        let model = NaiveBayesModel(examples: examples, scoring: try self.model.modelScoring())
        let url = URL(fileURLWithPath: loaded.directory + "/" + LexiconSet.modelFile)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(model.serialized().utf8).write(to: url)
        print("trained on \(examples.count) items, \(model.labels.count) labels; wrote \(LexiconSet.modelFile)")
    }
}
