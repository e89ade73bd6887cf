import LexiconFormat
import TextNormalization

/// A hand-segmented sentence from the gold set: its tokens, whose concatenation is the sentence.
public struct GoldSentence: Sendable, Equatable {
    /// The tokens, in order.
    public let tokens: [String]
    /// The line of the gold file it came from.
    public let line: Int

    /// The sentence.
    public var text: String { tokens.joined() }

    /// The word boundaries inside the sentence, as Unicode scalar offsets (0 and the end excluded).
    public var boundaries: Set<Int> {
        var result: Set<Int> = []
        var offset = 0
        for token in tokens.dropLast() {
            offset += token.unicodeScalars.count
            result.insert(offset)
        }
        return result
    }

    /// Reads a gold file: one sentence a line, tokens separated by one space, `#` comments.
    ///
    /// - Throws: `LexiconError` naming the line of a malformed sentence (two spaces in a row, a tab).
    public static func load(path: String) throws(LexiconError) -> [GoldSentence] {
        let file = try LexiconFile(path: path)
        var sentences: [GoldSentence] = []
        for line in file.lines {
            if line.text.contains("\t") {
                throw LexiconError(file: path, line: line.number, reason: "a tab inside a gold sentence")
            }
            if line.text.contains("  ") {
                throw LexiconError(file: path, line: line.number, reason: "two spaces in a row (an empty token)")
            }
            sentences.append(GoldSentence(tokens: line.text.split(separator: " ").map(String.init), line: line.number))
        }
        if sentences.isEmpty { throw LexiconError(file: path, reason: "holds no sentence") }
        return sentences
    }
}

/// Boundary precision, recall and F1 of a segmentation against the gold set.
public struct BoundaryScore: Sendable, Equatable, Codable {
    /// Boundaries both in the segmentation and in the gold set.
    public var correct = 0
    /// Boundaries the segmentation put.
    public var predicted = 0
    /// Boundaries of the gold set.
    public var expected = 0

    /// Creates an empty score.
    public init() {}

    /// The share of predicted boundaries that are right.
    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    /// The share of gold boundaries found.
    public var recall: Double { expected == 0 ? 0 : Double(correct) / Double(expected) }
    /// The harmonic mean of precision and recall.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Scores one sentence: the segmenter's boundaries in original-text offsets against the gold ones.
    ///
    /// White space tokens are not words: their edges count only where they touch a word on both sides.
    public mutating func add(gold: GoldSentence, tokens: [Token]) {
        let expectedSet = gold.boundaries
        let length = gold.text.unicodeScalars.count
        var predictedSet: Set<Int> = []
        for token in tokens where token.kind != .space {
            for edge in [token.originalRange.lowerBound, token.originalRange.upperBound] where edge > 0 && edge < length
            {
                predictedSet.insert(edge)
            }
        }
        correct += predictedSet.intersection(expectedSet).count
        predicted += predictedSet.count
        expected += expectedSet.count
    }
}

extension Segmenter {
    /// Scores this segmenter on gold sentences, each normalised first (the gold may hold traditional or full-width
    /// characters) and compared in original-text offsets.
    public func score(_ gold: [GoldSentence], normalizer: Normalizer = Normalizer()) -> BoundaryScore {
        var score = BoundaryScore()
        for sentence in gold {
            score.add(gold: sentence, tokens: segment(normalizer.normalize(sentence.text)))
        }
        return score
    }
}
