import ArgumentParser
import Foundation
import Pipeline
import RiskAssessment

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
    @OptionGroup var policy: ModelPolicyOptions

    @Option(help: "The referral model's probability needed to suggest referring a clue no rule refers (above 1: none).")
    var referralThreshold = RiskAssessor.standardReferralThreshold

    @Option(
        help: "The high-risk model's probability needed to make high a clue no rule makes high (above 1: rules alone).")
    var highRiskThreshold = RiskAssessor.standardHighRiskThreshold

    @Flag(help: "List every wrongly classified item.")
    var errors = false

    @Flag(help: "Print the figures as one JSON object instead of a table.")
    var json = false

    func run() throws {
        let analyzer = try Analyzer(lexicons: lexicons.load())
        analyzer.classifier.policy = policy.policy
        analyzer.riskAssessor.referralThreshold = referralThreshold
        analyzer.riskAssessor.highRiskThreshold = highRiskThreshold
        let taxonomy = analyzer.lexicons.taxonomy
        var report = ClassificationReport()
        var suggested = (count: 0, goldReferrals: 0)
        let output = OutputWriter()
        for path in files {
            let items: [LabelledClue]
            do { items = try LabelledClue.load(path: path) } catch { throw ValidationError("\(error)") }
            for item in items {
                let analysis = analyzer.analyze(item.text, channel: item.channel)
                let classification = analysis.classification
                report.addAnalysis(
                    gold: item, riskLevel: analysis.risk.level.rawValue, escalate: analysis.risk.escalate,
                    refer: analysis.risk.referDiscipline, county: analysis.entities.county)
                if analysis.risk.referSuggested {
                    suggested.count += 1
                    if item.referDiscipline == true { suggested.goldReferrals += 1 }
                }
                report.add(
                    gold: item, predicted: classification.subtype,
                    needsReview: classification.needsReview)
                if errors && classification.subtype != item.primary {
                    let snippet = String(item.text.prefix(70)).replacingOccurrences(of: "\n", with: " ")
                    output.write(
                        "✗ \(item.id) gold \(item.primary)\(item.secondary) got \(classification.subtype)\(classification.secondary)  \(snippet)"
                    )
                }
            }
        }
        if json {
            try output.writeJSON(EvaluationSummary(report: report, files: files))
            return
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
        let outOfScope = report.outOfScope
        output.write("macro-F1 (sub-types 1–21): \(figure(report.macroF1))")
        output.write(
            "out of scope: P \(figure(outOfScope.precision)) R \(figure(outOfScope.recall)) F1 \(figure(outOfScope.f1))"
        )
        let acceptable = Double(report.acceptable) / Double(max(1, report.count))
        output.write(
            "accuracy: \(figure(report.accuracy)); predicted primary among the gold labels: \(figure(acceptable))")
        output.write("needs_review: \(report.needsReview) items, \(report.wrongAmongReviewed) of them wrong")
        output.write(
            "by tag: "
                + report.byTag.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value[0])/\($0.value[1])" }
                .joined(separator: ", "))
        output.write(
            "risk level accuracy: \(figure(report.riskAccuracy)); high-risk recall: \(figure(report.highRiskRecall))")
        output.write("risk confusion (rows gold, columns predicted): none low medium high")
        for gold in ["none", "low", "medium", "high"] {
            let row = report.riskConfusion[gold] ?? [:]
            output.write(
                "  " + gold.padding(toLength: 7, withPad: " ", startingAt: 0)
                    + ["none", "low", "medium", "high"].map { String(format: "%5d", row[$0] ?? 0) }.joined())
        }
        for (name, score) in [("escalate", report.escalate), ("refer_discipline", report.referDiscipline)] {
            output.write(
                "\(name): P \(figure(score.precision)) R \(figure(score.recall)) F1 \(figure(score.f1)) (n \(score.support))"
            )
        }
        output.write(
            "referral suggested by the model (not referred): \(suggested.count), "
                + "\(suggested.goldReferrals) of them referrals by the labels")
        output.write(
            "county accuracy: \(figure(report.countyAccuracy)) (\(report.countyCorrect)/\(report.countyTotal))")
        let countyErrors = report.countyErrors.sorted { $0.value.count > $1.value.count }.prefix(6)
        if !countyErrors.isEmpty {
            output.write(
                "  county errors: "
                    + countyErrors.map { "\($0.key) \($0.value.joined(separator: " "))" }.joined(separator: "; "))
        }
        output.write("most frequent confusions (gold→predicted ×count: example ids):")
        for confusion in report.topConfusions(12) {
            output.write("  \(confusion.pair) ×\(confusion.count): \(confusion.examples.joined(separator: " "))")
        }
    }
}

/// The JSON form of an evaluation.
struct EvaluationSummary: Encodable {
    struct Label: Encodable {
        let subtype: Int
        let precision: Double
        let recall: Double
        let f1: Double
        let support: Int
    }
    struct Confusion: Encodable {
        let gold: Int
        let predicted: Int
        let count: Int
        let examples: [String]
    }

    let files: [String]
    let items: Int
    let macroF1: Double
    let outOfScope: Label
    let accuracy: Double
    let needsReview: Int
    let subtypes: [Label]
    let confusions: [Confusion]
    let riskAccuracy: Double
    let highRiskRecall: Double
    let riskConfusion: [String: [String: Int]]
    let escalate: Label
    let referDiscipline: Label
    let countyAccuracy: Double

    init(report: ClassificationReport, files: [String]) {
        func label(_ id: Int) -> Label {
            let score = report.labels[id] ?? LabelScore()
            return Label(
                subtype: id, precision: score.precision, recall: score.recall, f1: score.f1, support: score.support)
        }
        self.files = files
        items = report.count
        macroF1 = report.macroF1
        outOfScope = label(0)
        accuracy = report.accuracy
        needsReview = report.needsReview
        subtypes = (1...21).map(label)
        riskAccuracy = report.riskAccuracy
        highRiskRecall = report.highRiskRecall
        riskConfusion = report.riskConfusion
        func flag(_ score: LabelScore) -> Label {
            Label(subtype: -1, precision: score.precision, recall: score.recall, f1: score.f1, support: score.support)
        }
        escalate = flag(report.escalate)
        referDiscipline = flag(report.referDiscipline)
        countyAccuracy = report.countyAccuracy
        confusions = report.topConfusions(50).map { confusion in
            let ids = confusion.pair.split(separator: "→").compactMap { Int($0) }
            return Confusion(gold: ids[0], predicted: ids[1], count: confusion.count, examples: confusion.examples)
        }
    }

    enum CodingKeys: String, CodingKey {
        case files, items, accuracy, subtypes, confusions, escalate
        case riskAccuracy = "risk_accuracy"
        case highRiskRecall = "high_risk_recall"
        case riskConfusion = "risk_confusion"
        case referDiscipline = "refer_discipline"
        case countyAccuracy = "county_accuracy"
        case macroF1 = "macro_f1"
        case outOfScope = "out_of_scope"
        case needsReview = "needs_review"
    }
}
