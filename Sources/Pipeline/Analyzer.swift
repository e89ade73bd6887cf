import Classification
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

    /// Creates an analyzer.
    ///
    /// - Throws: `SegmentationError` when ICU's break iterator cannot be opened.
    public init(lexicons: LexiconSet) throws(SegmentationError) {
        self.lexicons = lexicons
        normalizer = Normalizer(simplification: lexicons.simplification)
        segmenter = try Segmenter(dictionary: lexicons.dictionary)
        classifier = Classifier(book: lexicons.rules, pinyin: lexicons.pinyin)
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
    }

    /// Runs every stage on a text.
    public func analyze(_ text: String) -> Analysis {
        let original = Array(text.unicodeScalars)
        let normalized = normalizer.normalize(original)
        let tokens = segmenter.segment(normalized)
        let classification = classifier.classify(original: original, normalized: normalized, tokens: tokens)
        return Analysis(original: original, normalized: normalized, tokens: tokens, classification: classification)
    }

    /// The classification record of a clue: the JSON contract of DESIGN.md.
    public func record(for input: ClueInput) -> ClueRecord {
        ClueRecord(input: input, classification: analyze(input.text).classification, taxonomy: lexicons.taxonomy)
    }
}
