import Classification
import Entities
import RiskAssessment
import Routing
import Segmentation
import TextNormalization

/// The analysis pipeline for one task or thread: normalise, segment, classify.
///
/// It owns ICU objects that are not thread-safe; make one per task from a shared `LexiconSet`.
public final class Analyzer {
    /// The data it was made from.
    public let lexicons: LexiconSet
    /// The normaliser.
    public let normalizer: Normalizer
    /// The segmenter.
    public let segmenter: Segmenter
    /// The classifier.
    public let classifier: Classifier
    /// The risk assessor.
    public let riskAssessor: RiskAssessor

    /// Creates an analyzer.
    ///
    /// - Throws: `SegmentationError` when ICU's break iterator cannot be opened.
    public init(lexicons: LexiconSet) throws(SegmentationError) {
        self.lexicons = lexicons
        normalizer = Normalizer(simplification: lexicons.simplification)
        segmenter = try Segmenter(dictionary: lexicons.dictionary)
        classifier = Classifier(book: lexicons.rules, pinyin: lexicons.pinyin, model: lexicons.model)
        riskAssessor = RiskAssessor(book: lexicons.risk, pinyin: lexicons.pinyin, models: lexicons.riskModels)
    }

    /// Every stage's result for one text.
    public struct Analysis: Sendable {
        /// The original text as Unicode scalars.
        public let original: [Unicode.Scalar]
        /// The normalised text.
        public let normalized: NormalizedText
        /// Its tokens.
        public let tokens: [Token]
        /// The classification.
        public let classification: Classification
        /// The entities.
        public let entities: Entities
        /// The risk assessment.
        public let risk: RiskAssessment
        /// Where it goes.
        public let route: Route
    }

    /// Runs every stage on a text; `receivedAt` resolves relative dates, `channel` bears on risk (media).
    public func analyze(_ text: String, receivedAt: String? = nil, channel: String? = nil) -> Analysis {
        let original = Array(text.unicodeScalars)
        let normalized = normalizer.normalize(original)
        let tokens = segmenter.segment(normalized)
        let classification = classifier.classify(original: original, normalized: normalized, tokens: tokens)
        let entities = lexicons.entities.extract(
            original: original, normalized: normalized, tokens: tokens, receivedAt: receivedAt)
        let amounts = entities.values(.amount).compactMap(Double.init)
        let risk = riskAssessor.assess(
            original: original, normalized: normalized, tokens: tokens, classification: classification,
            amountsYuan: amounts, channel: channel)
        let route = lexicons.jurisdiction.route(county: entities.county, escalate: risk.escalate)
        return Analysis(
            original: original, normalized: normalized, tokens: tokens, classification: classification,
            entities: entities, risk: risk, route: route)
    }

    /// The classification record of a clue: the JSON contract of DESIGN.md. Personal data is masked unless
    /// `revealingPersonalData` is set by a caller allowed to see it.
    public func record(for input: ClueInput, revealingPersonalData: Bool = false) -> ClueRecord {
        let analysis = analyze(input.text, receivedAt: input.receivedAt, channel: input.channel)
        return ClueRecord(
            input: input, analysis: analysis, lexicons: lexicons, revealingPersonalData: revealingPersonalData)
    }
}
