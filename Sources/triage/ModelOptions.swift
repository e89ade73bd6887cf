import ArgumentParser
import Classification

/// How `lexicon train` and `lexicon cross-validate` build the statistical model.
struct ModelOptions: ParsableArguments {
    @Option(
        help: """
            How counts become scores: multinomial, or complement (complement naive Bayes: better alone, but no better \
            behind the rules in cross-validation on the train split or on a fresh batch, so not the default).
            """)
    var scoring = "multinomial"

    @Option(help: "For complement scoring: probabilities are softmax(score / temperature).")
    var temperature = 2.0

    /// The scoring the options name.
    func modelScoring() throws -> NaiveBayesModel.Scoring {
        switch scoring {
        case "multinomial": return .multinomial
        case "complement":
            guard temperature > 0 else { throw ValidationError("--temperature must be above 0") }
            return .complement(temperature: temperature)
        default: throw ValidationError("--scoring: '\(scoring)' is not complement or multinomial")
        }
    }
}
