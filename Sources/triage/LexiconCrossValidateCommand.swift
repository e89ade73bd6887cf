import ArgumentParser
import Classification
import Foundation
import Pipeline

struct LexiconCrossValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cross-validate",
        abstract: "Estimate what the statistical model adds, by k-fold cross-validation on labelled files.",
        discussion: """
            Splits the items into k folds; for each, trains the model on the other folds and classifies the fold \
            with the rules and that model. Prints macro-F1 and out-of-scope F1 for the rules alone, the model alone \
            (its best label for every item) and the rules with the model under the given policy, so the policy can \
            be chosen on the train split without looking \
            at the test split. (The rules themselves were written on the whole train split, so the figures for the \
            rules are optimistic; the difference the model makes is what this measures.)
            """
    )

    @Argument(help: "Labelled corpus files (JSON Lines), normally the train split.")
    var files: [String]

    @Option(help: "Number of folds.")
    var folds = 5

    @OptionGroup var policy: ModelPolicyOptions

    @OptionGroup var model: ModelOptions
    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let loaded = try lexicons.load()
        let analyzer = try Analyzer(lexicons: loaded)
        analyzer.classifier.model = nil  // the rules alone; each fold trains its own model below
        var items: [LabelledClue] = []
        for path in files {
            do { items += try LabelledClue.load(path: path) } catch { throw ValidationError("\(error)") }
        }
        let analyses = items.map { analyzer.analyze($0.text) }
        let features = analyses.map { TextFeatures(normalized: $0.normalized, tokens: $0.tokens) }
        let scoring = try model.modelScoring()
        var rulesAlone = ClassificationReport()
        var modelAlone = ClassificationReport()
        var withModel = ClassificationReport()
        let classifier = Classifier(book: loaded.rules, pinyin: loaded.pinyin)
        classifier.policy = policy.policy
        for fold in 0..<folds {
            let training = items.indices.filter { $0 % folds != fold }.map { (items[$0].primary, features[$0]) }
            let foldModel = NaiveBayesModel(examples: training, scoring: scoring)
            classifier.model = foldModel
            for index in items.indices where index % folds == fold {
                let posterior = foldModel.predict(features[index]).posterior
                let guess = posterior.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
                modelAlone.add(gold: items[index], predicted: guess, needsReview: false)
                let analysis = analyses[index]
                let rules = analysis.classification
                rulesAlone.add(gold: items[index], predicted: rules.subtype, needsReview: false)
                let both = classifier.classify(
                    original: analysis.original, normalized: analysis.normalized, tokens: analysis.tokens)
                withModel.add(gold: items[index], predicted: both.subtype, needsReview: false)
            }
        }
        func line(_ name: String, _ report: ClassificationReport) -> String {
            String(
                format: "%@: macro-F1 %.3f, out-of-scope F1 %.3f (P %.3f R %.3f), accuracy %.3f", name,
                report.macroF1, report.outOfScope.f1, report.outOfScope.precision, report.outOfScope.recall,
                report.accuracy)
        }
        print(
            "\(items.count) items, \(folds) folds; \(scoring) model, threshold \(policy.modelThreshold), "
                + "gate \(policy.modelGate ? "needed" : "not needed"), ties \(policy.breakTies ? "broken" : "left")")
        print(line("rules alone     ", rulesAlone))
        print(line("model alone     ", modelAlone))
        print(line("rules and model ", withModel))
    }
}
