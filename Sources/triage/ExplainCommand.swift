import ArgumentParser
import Classification
import Entities
import Foundation
import Pipeline

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, for a person, how a text is classified.",
        discussion: """
            Prints the normalised text, its tokens, every rule term found (marking negated ones and those in a \
            hotline operator's turn), every rule whose anchor occurred and what became of it (fired, negated, \
            unmet, vetoed, gate-shut), the scores, and the decision with its record.
            """
    )

    @Argument(help: "The text to explain; standard input when omitted.")
    var text: String?

    @OptionGroup var lexicons: LexiconOptions
    @OptionGroup var personalData: PersonalDataOptions

    func run() throws {
        let analyzer = try Analyzer(lexicons: lexicons.load())
        analyzer.classifier.engine.recordsEveryOutcome = true
        let clue = text ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let analysis = analyzer.analyze(clue)
        let book = analyzer.lexicons.rules
        let taxonomy = analyzer.lexicons.taxonomy
        let output = OutputWriter()
        let personal = personalData.reveal ? [] : analysis.entities.mentions.filter(\.kind.isPersonalData)
        func hidden(_ range: Range<Int>) -> Bool {
            personal.contains { $0.start < range.upperBound && range.lowerBound < $0.end }
        }
        let shown = PersonalData.maskText(analysis.original, mentions: personal)
        output.write("text:       " + (personalData.reveal ? shown : PersonalData.maskDigitRuns(shown)))
        output.write(
            "tokens:     "
                + analysis.tokens.filter { $0.kind != .space }
                .map {
                    let text = $0.text(in: analysis.normalized)
                    return hidden($0.originalRange)
                        ? "***" : personalData.reveal ? text : PersonalData.maskDigitRuns(text)
                }
                .joined(separator: " | "))
        output.write("terms:")
        for match in analyzer.classifier.engine.matches(in: analysis.normalized, tokens: analysis.tokens) {
            var notes: [String] = []
            if match.negated { notes.append("negated") }
            if match.inOperatorTurn { notes.append("operator's turn") }
            if match.bySound { notes.append("by sound") }
            let note = notes.isEmpty ? "" : "  (\(notes.joined(separator: ", ")))"
            output.write("  \(book.terms[match.term].text) @\(match.range.lowerBound)\(note)")
        }
        let classification = analysis.classification
        output.write("scope gate: \(classification.gateOpen ? "open" : "shut (no enforcement actor named)")")
        output.write("rules:")
        for outcome in classification.outcomes {
            let spans = outcome.evidence.map { "\($0.text)[\($0.start),\($0.end))" }.joined(separator: " ")
            output.write(
                "  \(outcome.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(outcome.rule) "
                    + "→ \(outcome.subtype) (w \(outcome.weight))  \(spans)")
        }
        output.write("scores:")
        for (subtype, score) in classification.scores.sorted(by: { $0.value > $1.value }) {
            let name = subtype == 0 ? "out of scope" : taxonomy.subtypes[subtype]?.name ?? "?"
            output.write("  \(subtype) \(name): \(String(format: "%.3f", score))")
        }
        output.write("entities:")
        for mention in analysis.entities.mentions {
            let value = personalData.reveal ? mention.value : PersonalData.masked(mention.value, kind: mention.kind)
            output.write("  \(mention.kind.rawValue) \(value) [\(mention.start),\(mention.end))")
        }
        output.write("county: \(analysis.entities.county ?? "unknown") → route: \(analysis.route.unit)")
        let risk = analysis.risk
        output.write(
            "risk: \(risk.level.rawValue) \(risk.reasons.map(\.rawValue)); escalate \(risk.escalate) "
                + "\(risk.escalateReasons); refer \(risk.referDiscipline) \(risk.referReasons)"
                + (risk.referSuggested ? "; referral suggested by the model, for a person to decide" : ""))
        output.write("record:")
        output.write(
            bytes: ClueRecord(
                input: ClueInput(text: clue), analysis: analysis, lexicons: analyzer.lexicons,
                revealingPersonalData: personalData.reveal
            ).jsonLine)
    }
}
