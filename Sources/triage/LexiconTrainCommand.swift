import ArgumentParser
import Classification
import Foundation
import Pipeline

struct LexiconTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the statistical models that back the rules up, on labelled files.",
        discussion: """
            Trains two naive Bayes models over the words and Han character pairs of every item (the same tokens \
            the rules see). The sub-type model (Lexicons/model/naive-bayes.tsv) labels texts where the rules are \
            silent, and such labels are marked decided_by "model" and needs_review. The referral model \
            (Lexicons/model/referral.tsv) learns the items' refer_discipline labels: it refers an in-scope clue \
            that no rule refers when its probability of referral is at least 0.99, with the reason "model". \
            Train on the train split only: the test split must stay unseen.
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
        for path in files {
            let items: [LabelledClue]
            do { items = try LabelledClue.load(path: path) } catch { throw ValidationError("\(error)") }
            for item in items {
                let analysis = analyzer.analyze(item.text)
                let features = TextFeatures(normalized: analysis.normalized, tokens: analysis.tokens)
                examples.append((item.primary, features))
                if let refer = item.referDiscipline { referrals.append((refer ? 1 : 0, features)) }
            }
        }
        let model = NaiveBayesModel(examples: examples, scoring: try self.model.modelScoring())
        try write(model, to: LexiconSet.modelFile, in: loaded.directory)
        print("trained on \(examples.count) items, \(model.labels.count) labels; wrote \(LexiconSet.modelFile)")
        guard Set(referrals.map(\.label)).count == 2 else {
            print("no referral model: the items need refer_discipline labels, some true and some false")
            return
        }
        let referralModel = NaiveBayesModel(examples: referrals, scoring: .multinomial)
        try write(referralModel, to: LexiconSet.referralModelFile, in: loaded.directory)
        let referred = referrals.filter { $0.label == 1 }.count
        print("trained on \(referrals.count) items, \(referred) referred; wrote \(LexiconSet.referralModelFile)")
    }

    private func write(_ model: NaiveBayesModel, to file: String, in directory: String) throws {
        let url = URL(fileURLWithPath: directory + "/" + file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(model.serialized().utf8).write(to: url)
    }
}
