import ArgumentParser
import Foundation
import Pipeline

struct LexiconSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest candidate terms for the sub-types the rules miss in a labelled file.",
        discussion: """
            Classifies every item of the labelled files, then ranks token n-grams (1–3 words) that occur in missed \
            items of a sub-type and separate it from the other labels of the file (smoothed log-odds, weighted by \
            how many missed items contain them). Terms already used by a rule are left out. The list is for a \
            person to review: add a term to a rule only when it describes the behaviour in general. Run it on the \
            train split, never on the test split.
            """
    )

    @Argument(help: "Labelled corpus files (JSON Lines).")
    var files: [String]

    @Option(help: "How many candidates to show per sub-type.")
    var top = 8

    @Option(help: "Only this sub-type.")
    var subtype: Int?

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let analyzer = try Analyzer(lexicons: lexicons.load())
        var suggester = TermSuggester()
        for path in files {
            let items: [LabelledClue]
            do { items = try LabelledClue.load(path: path) } catch { throw ValidationError("\(error)") }
            for item in items {
                let analysis = analyzer.analyze(item.text)
                suggester.add(
                    gold: item.primary, normalized: analysis.normalized, tokens: analysis.tokens,
                    missed: analysis.classification.subtype != item.primary
                )
            }
        }
        let known = Set(analyzer.lexicons.rules.terms.map(\.text))
        let output = OutputWriter()
        output.write("sub  missed  in-sub  elsewhere  score  term")
        for suggestion in suggester.suggestions(excluding: known, perSubtype: top)
        where subtype == nil || suggestion.subtype == subtype {
            output.write(
                String(
                    format: "%3d  %6d  %6d  %9d  %5.2f  ", suggestion.subtype, suggestion.missed, suggestion.inSubtype,
                    suggestion.elsewhere, suggestion.score) + suggestion.term)
        }
    }
}
