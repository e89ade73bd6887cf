import Foundation
import LexiconFormat
import Segmentation
import TextNormalization

/// A naive Bayes model over word and character-pair features (present or absent in a text), trained in Swift on the
/// labelled train split. It backs the rules up where they are silent; its labels say they came from the model and
/// cite the features that weighed most.
///
/// Two scorings read the same counts: multinomial naive Bayes, and complement naive Bayes (Rennie et al. 2003), which
/// weighs each feature by how rare it is *outside* a label and copes better with labels of few examples; its scores
/// become probabilities through a softmax with a temperature. Counts are kept in one flat table (feature × label),
/// and the per-feature weights are computed once when the model is made.
public final class NaiveBayesModel: Sendable {
    /// How the counts become label scores.
    public enum Scoring: Sendable, Equatable {
        /// Multinomial naive Bayes with the labels' priors.
        case multinomial
        /// Complement naive Bayes; probabilities are softmax(score / temperature).
        case complement(temperature: Double)
    }

    /// The labels in column order: 0 = out of scope and 1–21 = sub-types for the sub-type model, 0 and 1 (referred)
    /// for the referral model.
    public let labels: [Int]
    /// How the counts become label scores.
    public let scoring: Scoring
    /// Texts per label, and feature occurrences per label (a feature counts once per text), by column.
    private let documents: [Int]
    private let totals: [Int]
    /// Feature → row of `counts`.
    private let rows: [FeatureName: Int]
    /// Texts holding each feature, per label: `counts[row * labels.count + column]`.
    private let counts: [Int32]
    /// What a present feature adds to each label's score: `weights[row * labels.count + column]`; and each label's
    /// score before any feature.
    private let weights: [Double]
    private let bias: [Double]
    /// Additive smoothing.
    public static let smoothing = 0.5
    /// Each row's feature name, and whether it names a word (starts with `w:`) rather than a pair of Han characters
    /// (`b:`).
    private let names: [String]
    private let namesWord: [Bool]
    /// The rows of word features by the word's characters, and of character pairs by the pair (first character in
    /// the upper half, second in the lower): how `predict(normalized:tokens:)` finds a text's features without making
    /// their names.
    private let wordRows: TermTrie
    private let pairRows: IntegerMap

    private init(
        labels: [Int], documents: [Int], totals: [Int], rows: [FeatureName: Int], counts: [Int32], scoring: Scoring
    ) {
        self.labels = labels
        self.documents = documents
        self.totals = totals
        self.rows = rows
        self.counts = counts
        self.scoring = scoring
        let width = labels.count
        let alpha = NaiveBayesModel.smoothing
        let vocabulary = Double(rows.count)
        var weights = [Double](repeating: 0, count: counts.count)
        var bias = [Double](repeating: 0, count: width)
        // Counts are small whole numbers: their smoothed logarithms come from a table, not a log call per cell.
        let largest = Int(counts.max() ?? 0) * max(1, width)
        let logOf = (0...largest).map { log(Double($0) + alpha) }
        switch scoring {
        case .multinomial:
            let documentTotal = Double(max(1, documents.reduce(0, +)))
            var denominators = [Double](repeating: 0, count: width)
            for column in 0..<width {
                denominators[column] = log(Double(totals[column]) + alpha * vocabulary)
                bias[column] = log(Double(documents[column]) / documentTotal)
            }
            for index in counts.indices {
                weights[index] = logOf[Int(counts[index])] - denominators[index % max(1, width)]
            }
        case .complement(let temperature):
            let allTotal = Double(totals.reduce(0, +))
            var complementTotals = [Double](repeating: 0, count: width)
            for column in 0..<width {
                complementTotals[column] = log(allTotal - Double(totals[column]) + alpha * vocabulary)
            }
            for row in 0..<rows.count {
                var rowTotal: Int32 = 0
                for column in 0..<width { rowTotal += counts[row * width + column] }
                for column in 0..<width {
                    let complement = logOf[Int(rowTotal - counts[row * width + column])]
                    weights[row * width + column] = (complementTotals[column] - complement) / temperature
                }
            }
        }
        self.weights = weights
        self.bias = bias
        var names = [String](repeating: "", count: (rows.values.max() ?? -1) + 1)
        var namesWord = [Bool](repeating: false, count: names.count)
        var wordRows = TermTrie()
        var pairRows = IntegerMap(minimumCapacity: rows.count)
        for (feature, row) in rows {
            names[row] = feature.text
            var scalars = feature.text.unicodeScalars.makeIterator()
            guard let prefix = scalars.next(), scalars.next() == ":", let first = scalars.next() else { continue }
            if prefix == "w" {
                namesWord[row] = true
                var keys = [first.value]
                while let scalar = scalars.next() { keys.append(scalar.value) }
                wordRows.insert(keys, term: row)
            } else if prefix == "b", let second = scalars.next(), scalars.next() == nil {
                pairRows.set(Int32(row), for: NaiveBayesModel.pairKey(first, second))
            }
        }
        self.names = names
        self.namesWord = namesWord
        self.wordRows = wordRows
        self.pairRows = pairRows
    }

    /// The key of a pair of characters in `pairRows`.
    @inline(__always)
    private static func pairKey(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second.value)
    }

    /// Trains on (label, features) examples, keeping features that occur in at least `minimumDocuments` texts.
    public convenience init(
        examples: [(label: Int, features: TextFeatures)], minimumDocuments: Int = 2, scoring: Scoring
    ) {
        var documentFrequency: [FeatureName: Int] = [:]
        for example in examples {
            for feature in example.features.ranges.keys { documentFrequency[feature, default: 0] += 1 }
        }
        let labels = Array(Set(examples.map(\.label))).sorted()
        let column = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var documents = [Int](repeating: 0, count: labels.count)
        var totals = [Int](repeating: 0, count: labels.count)
        var rows: [FeatureName: Int] = [:]
        for feature in documentFrequency.keys.sorted() where documentFrequency[feature]! >= minimumDocuments {
            rows[feature] = rows.count
        }
        var counts = [Int32](repeating: 0, count: rows.count * labels.count)
        for example in examples {
            let label = column[example.label]!
            documents[label] += 1
            for feature in example.features.ranges.keys {
                guard let row = rows[feature] else { continue }
                counts[row * labels.count + label] += 1
                totals[label] += 1
            }
        }
        self.init(
            labels: labels, documents: documents, totals: totals, rows: rows, counts: counts, scoring: scoring)
    }

    /// The probability of each label for a text, and the names of the features that weighed most for the best one.
    public func predict(_ features: TextFeatures) -> (posterior: [Int: Double], strongest: [String]) {
        let present = features.ranges.keys.compactMap { rows[$0] }.sorted()
        let (posterior, winner) = score(present)
        return (posterior, strongest(present, winner: winner).map { names[present[$0]] })
    }

    /// A model's reading of one text: the probability of each label, and what it needs to tell the features that
    /// weighed most for the best one (`NaiveBayesModel.strongest(in:)`), which only a label that is used must cite.
    public struct Prediction: Sendable {
        /// The probability of each label.
        public let posterior: [Int: Double]
        /// The rows of the features present (ascending), each feature's first range, and the best label's column.
        fileprivate let present: [Int]
        fileprivate let firstRanges: [Range<Int>]
        fileprivate let winner: Int
    }

    /// The prediction for a segmented text: the same features as `TextFeatures` makes (its words, then its pairs of
    /// adjacent Han characters, each counted once at its first range), found by their characters through `wordRows`
    /// and `pairRows` instead of by name.
    public func predict(normalized: NormalizedText, tokens: [Token]) -> Prediction {
        let scalars = normalized.scalars
        // Each occurrence of a feature the model knows, as its row in the upper half and the occurrence's place in
        // `ranges` in the lower: sorted, each row's first entry is its first occurrence.
        var occurrences: [UInt64] = []
        var ranges: [Range<Int>] = []
        for token in tokens where token.kind == .han || token.kind == .latin {
            guard let row = wordRows.terms(exactly: scalars[token.range]).first else { continue }
            occurrences.append(UInt64(row) << 32 | UInt64(ranges.count))
            ranges.append(token.range)
        }
        let table = CharacterTable.shared
        if scalars.count >= 2 {
            for index in 0..<(scalars.count - 1) where table.isHan(scalars[index]) && table.isHan(scalars[index + 1]) {
                guard let row = pairRows.value(for: NaiveBayesModel.pairKey(scalars[index], scalars[index + 1]))
                else { continue }
                occurrences.append(UInt64(row) << 32 | UInt64(ranges.count))
                ranges.append(index..<(index + 2))
            }
        }
        occurrences.sort()
        var present: [Int] = []
        var firstRanges: [Range<Int>] = []
        for occurrence in occurrences {
            let row = Int(occurrence >> 32)
            guard present.last != row else { continue }
            present.append(row)
            firstRanges.append(ranges[Int(occurrence & 0xFFFF_FFFF)])
        }
        let (posterior, winner) = score(present)
        return Prediction(posterior: posterior, present: present, firstRanges: firstRanges, winner: winner)
    }

    /// The features that weighed most for the best label of a prediction (at most five, words first, strongest
    /// first), each with its first range in the normalised text.
    public func strongest(in prediction: Prediction) -> [(name: String, range: Range<Int>)] {
        strongest(prediction.present, winner: prediction.winner).map {
            (names[prediction.present[$0]], prediction.firstRanges[$0])
        }
    }

    /// The probability of each label given the rows of the features present (ascending), and the best label's column.
    private func score(_ present: [Int]) -> (posterior: [Int: Double], winner: Int) {
        guard !labels.isEmpty else { return ([:], -1) }
        let width = labels.count
        // In row order: a dictionary's order changes from process to process, and so would the sums' last bits.
        var scores = bias
        for row in present {
            for column in 0..<width { scores[column] += weights[row * width + column] }
        }
        let best = scores.max()!
        let sum = scores.reduce(0) { $0 + exp($1 - best) }
        var posterior: [Int: Double] = [:]
        for (column, score) in scores.enumerated() { posterior[labels[column]] = exp(score - best) / sum }
        return (posterior, scores.indices.max { scores[$0] < scores[$1] }!)
    }

    /// The features that weigh most for label column `winner`, as indices into `present` (the rows of the features
    /// present): those that favour it most over the average of the other labels, at most five, words first.
    private func strongest(_ present: [Int], winner: Int) -> [Int] {
        guard winner >= 0 else { return [] }
        let width = labels.count
        let strongest = present.indices.compactMap { index -> (index: Int, lift: Double)? in
            let row = present[index]
            var elsewhere = 0.0
            for column in 0..<width where column != winner { elsewhere += weights[row * width + column] }
            let lift = weights[row * width + winner] - elsewhere / Double(max(1, width - 1))
            return lift > 0 ? (index, lift) : nil
        }.sorted {
            $0.lift != $1.lift ? $0.lift > $1.lift : names[present[$0.index]] < names[present[$1.index]]
        }
        // Cite words first: character pairs that straddle two words read badly as evidence.
        let words = strongest.filter { namesWord[present[$0.index]] }
        return Array((words.count >= 2 ? words : strongest).prefix(5).map(\.index))
    }

    /// Writes the model as a data file: `label L DOCUMENTS TOTAL` rows, then `FEATURE<TAB>L:COUNT L:COUNT …` rows.
    public func serialized() -> String {
        var text = "# Naive Bayes model trained on the labelled train split by `triage lexicon train`. Do not edit.\n"
        if case .complement(let temperature) = scoring { text += "scoring\tcomplement\t\(temperature)\n" }
        for (column, label) in labels.enumerated() {
            text += "label\t\(label)\t\(documents[column])\t\(totals[column])\n"
        }
        for (feature, row) in rows.sorted(by: { $0.key < $1.key }) {
            let cells = labels.indices.compactMap { column -> String? in
                let count = counts[row * labels.count + column]
                return count == 0 ? nil : "\(labels[column]):\(count)"
            }
            text += "\(feature.text)\t\(cells.joined(separator: " "))\n"
        }
        return text
    }

    /// Reads a model file. It is machine-written and large, so it is parsed byte by byte rather than through
    /// `LexiconFile`.
    ///
    /// - Throws: `LexiconError` for an unreadable file or a malformed line.
    public static func load(path: String) throws(LexiconError) -> NaiveBayesModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, reason: "cannot be read")
        }
        var labels: [Int] = []
        var documents: [Int] = []
        var totals: [Int] = []
        var rows: [FeatureName: Int] = [:]
        var counts: [Int32] = []
        var column: [Int: Int] = [:]
        var scoring = Scoring.multinomial
        let bytes = [UInt8](data)
        let lineCount = bytes.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } }
        rows.reserveCapacity(lineCount)
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            guard let tab = line.firstIndex(of: 0x09) else {
                throw LexiconError(file: path, line: lineNumber, reason: "expected tab-separated fields")
            }
            if line[..<tab].elementsEqual("scoring".utf8) {
                let fields = line[(tab + 1)...].split(separator: 0x09, omittingEmptySubsequences: false)
                guard rows.isEmpty, labels.isEmpty, fields.count == 2, fields[0].elementsEqual("complement".utf8),
                    let temperature = Double(String(decoding: fields[1], as: UTF8.self)), temperature > 0
                else {
                    throw LexiconError(
                        file: path, line: lineNumber,
                        reason: "expected: scoring, complement, a temperature above 0 (before every label)")
                }
                scoring = .complement(temperature: temperature)
                continue
            }
            if line[..<tab].elementsEqual("label".utf8) {
                let fields = line[(tab + 1)...].split(separator: 0x09, omittingEmptySubsequences: false)
                guard rows.isEmpty, fields.count == 3, let label = decimal(fields[0]),
                    let texts = decimal(fields[1]), let total = decimal(fields[2])
                else {
                    throw LexiconError(
                        file: path, line: lineNumber, reason: "expected: label, id, texts, total (before every feature)"
                    )
                }
                column[label] = labels.count
                labels.append(label)
                documents.append(texts)
                totals.append(total)
                continue
            }
            let row = rows.count
            rows[FeatureName(String(decoding: line[..<tab], as: UTF8.self))] = row
            counts.append(contentsOf: repeatElement(0, count: labels.count))
            // Cells "label:count", separated by spaces; parsed in place (this file has thousands of rows).
            var cellStart = tab + 1
            while cellStart < line.endIndex {
                var cellEnd = cellStart
                while cellEnd < line.endIndex && line[cellEnd] != 0x20 { cellEnd += 1 }
                let cell = line[cellStart..<cellEnd]
                cellStart = cellEnd + 1
                if cell.isEmpty { continue }
                guard let colon = cell.firstIndex(of: UInt8(ascii: ":")), let label = decimal(cell[..<colon]),
                    let count = decimal(cell[(colon + 1)...]), let position = column[label]
                else {
                    throw LexiconError(
                        file: path, line: lineNumber, reason: "bad count '\(String(decoding: cell, as: UTF8.self))'")
                }
                counts[row * labels.count + position] = Int32(count)
            }
        }
        return NaiveBayesModel(
            labels: labels, documents: documents, totals: totals, rows: rows, counts: counts, scoring: scoring)
    }

    /// The value of a run of ASCII digits, or `nil`.
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
