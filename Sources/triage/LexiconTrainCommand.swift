import ArgumentParser
import Classification
import Foundation
import Pipeline

struct LexiconTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the statistical models that back the rules up, on labelled files.",
        discussion: """
            Trains three naive Bayes models over the words and Han character pairs of every item (the same tokens \
            the rules see), each speaking only where the rules are silent. The sub-type model \
            (Lexicons/model/naive-bayes.tsv) labels texts no rule labels; such labels are marked decided_by \
            "model" and need review. The referral model (Lexicons/model/referral.tsv) learns refer_discipline and \
            suggests referring an in-scope clue no rule refers (refer_suggested: a person decides); the high-risk \
            model (Lexicons/model/high-risk.tsv) learns which items are high risk and makes high an in-scope clue no \
            rule makes high (reason "model"). They need a probability of at least 0.99 and 0.9999. Train on the train \
            split only: the test split must stay unseen.
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
        var referrals: [(label: Int, features: TextFeatures)] = []
        var highRisks: [(label: Int, features: TextFeatures)] = []
        for path in files {
            let items: [LabelledClue]
            do { items = try LabelledClue.load(path: path) } catch { throw ValidationError("\(error)") }
            for item in items {
                let analysis = analyzer.analyze(item.text)
                let features = TextFeatures(normalized: analysis.normalized, tokens: analysis.tokens)
                examples.append((item.primary, features))
                if let refer = item.referDiscipline { referrals.append((refer ? 1 : 0, features)) }
                if let risk = item.risk { highRisks.append((risk == "high" ? 1 : 0, features)) }
            }
        }
        let model = NaiveBayesModel(examples: examples, scoring: try self.model.modelScoring())
        try write(model, to: LexiconSet.modelFile, in: loaded.directory)
        print("trained on \(examples.count) items, \(model.labels.count) labels; wrote \(LexiconSet.modelFile)")
        try trainYesOrNo(referrals, label: "refer_discipline", file: LexiconSet.referralModelFile, in: loaded.directory)
        try trainYesOrNo(highRisks, label: "risk", file: LexiconSet.highRiskModelFile, in: loaded.directory)
    }

    /// Trains and writes a model of one yes-or-no label, when the items hold both answers.
    private func trainYesOrNo(
        _ examples: [(label: Int, features: TextFeatures)], label: String, file: String, in directory: String
    ) throws {
        let yes = examples.filter { $0.label == 1 }.count
        guard yes > 0, yes < examples.count else {
            print("no model in \(file): the items' \(label) labels are all alike")
            return
        }
        try write(NaiveBayesModel(examples: examples, scoring: .multinomial), to: file, in: directory)
        print("trained on \(examples.count) items, \(yes) of them yes; wrote \(file)")
    }

    private func write(_ model: NaiveBayesModel, to file: String, in directory: String) throws {
        let url = URL(fileURLWithPath: directory + "/" + file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(model.serialized().utf8).write(to: url)
    }
}
