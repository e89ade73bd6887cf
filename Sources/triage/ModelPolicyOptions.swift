import ArgumentParser
import Classification

/// When the statistical model may speak behind the rules: options of `eval` and `lexicon cross-validate`, so a
/// policy can be measured on a labelled file before it becomes the default.
struct ModelPolicyOptions: ParsableArguments {
    @Option(help: "The probability a model label needs where the rules are silent.")
    var modelThreshold = Classifier.Policy.standard.threshold

    @Flag(
        inversion: .prefixedNo,
        help: "Let the model label only texts that name an enforcement actor (the rules' scope gate).")
    var modelGate = Classifier.Policy.standard.needsGate

    @Flag(
        inversion: .prefixedNo,
        help: "Let the model choose among the sub-types the rules score within the review margin of each other.")
    var breakTies = Classifier.Policy.standard.breaksTies

    /// The policy the options describe.
    var policy: Classifier.Policy {
        Classifier.Policy(threshold: modelThreshold, needsGate: modelGate, breaksTies: breakTies)
    }
}
