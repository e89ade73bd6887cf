import ArgumentParser
import Foundation
import Pipeline

struct LexiconCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every lexicon file and show how each rule behaves on a labelled file.",
        discussion: """
            Without a file: loads and checks every data file (a broken one fails with FILE:LINE: reason) and prints \
            what was loaded and how long it took. With labelled files (Corpus/README.md format): for every rule, how \
            often it fired, how often rightly (its sub-type among the item's gold labels), how often its anchor \
            occurred but it was blocked; then dead rules, rules that fire mostly on the wrong sub-type, and the rule \
            pairs that most often fire together for different sub-types (conflicts) or the same one (overlaps).
            """
    )

    @Argument(help: "Labelled corpus files (JSON Lines) to check the rules against.")
    var files: [String] = []

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let started = ContinuousClock.now
        let loaded = try lexicons.load()
        let elapsed = ContinuousClock.now - started
        let output = OutputWriter()
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        output.write(
            "\(loaded.directory): OK — \(loaded.taxonomy.subtypes.count) sub-types, \(loaded.rules.rules.count) rules, "
                + "\(loaded.rules.terms.count) rule terms, \(loaded.dictionary.count) dictionary entries, "
                + "loaded in \(String(format: "%.1f", milliseconds)) ms")
        guard !files.isEmpty else { return }
        let analyzer = try Analyzer(lexicons: loaded)
        analyzer.classifier.engine.recordsEveryOutcome = true
        var diagnostics = RuleDiagnostics(book: loaded.rules)
        for path in files {
            let items: [LabelledClue]
            do { items = try LabelledClue.load(path: path) } catch { throw ValidationError("\(error)") }
            for item in items {
                diagnostics.add(gold: item, classification: analyzer.analyze(item.text).classification)
            }
        }
        output.write("rule                                   sub  fired right  prec  blocked  wrong on (gold: count)")
        for rule in diagnostics.rules {
            let wrong = rule.wrongSubtypes.sorted { $0.value > $1.value }.prefix(4).map { "\($0.key):\($0.value)" }
            output.write(
                rule.id.padding(toLength: 38, withPad: " ", startingAt: 0)
                    + String(
                        format: " %3d  %5d %5d  %.2f  %7d  ", rule.subtype, rule.fired, rule.right, rule.precision,
                        rule.blocked)
                    + wrong.joined(separator: " "))
        }
        let dead = diagnostics.rules.filter(\.isDead).map(\.id)
        output.write("dead rules (never fired): \(dead.isEmpty ? "none" : dead.joined(separator: " "))")
        let wrong = diagnostics.rules.filter(\.isMostlyWrong).map(\.id)
        output.write("rules mostly wrong: \(wrong.isEmpty ? "none" : wrong.joined(separator: " "))")
        output.write("conflicts (fire together, different sub-types): " + top(diagnostics.conflicts))
        output.write("overlaps (fire together, same sub-type): " + top(diagnostics.overlaps))
    }

    private func top(_ pairs: [String: Int]) -> String {
        let list = pairs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
        return list.isEmpty ? "none" : list.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    }
}
