import Foundation
import LexiconFormat

/// A multinomial naive Bayes model over word and character-pair features (present or absent in a text), trained in
/// Swift on the labelled train split. It backs the rules up where they are silent; its labels say they came from the
/// model and cite the features that weighed most.
///
/// Counts are kept in one flat table (feature × label), so loading and predicting touch no per-feature dictionaries.
public final class NaiveBayesModel: Sendable {
    /// The labels (0 = out of scope, 1–21 = sub-types), in column order.
    public let labels: [Int]
    /// Texts per label, and feature occurrences per label (a feature counts once per text), by column.
    private let documents: [Int]
    private let totals: [Int]
    /// Feature → row of `counts`.
    private let rows: [String: Int]
    /// Texts holding each feature, per label: `counts[row * labels.count + column]`.
    private let counts: [Int32]
    /// Additive smoothing.
    public let smoothing = 0.5

    private init(labels: [Int], documents: [Int], totals: [Int], rows: [String: Int], counts: [Int32]) {
        self.labels = labels
        self.documents = documents
        self.totals = totals
        self.rows = rows
        self.counts = counts
    }

    /// Trains on (label, features) examples, keeping features that occur in at least `minimumDocuments` texts.
    public convenience init(examples: [(label: Int, features: TextFeatures)], minimumDocuments: Int = 2) {
        var documentFrequency: [String: Int] = [:]
        for example in examples {
            for feature in example.features.ranges.keys { documentFrequency[feature, default: 0] += 1 }
        }
        let labels = Array(Set(examples.map(\.label))).sorted()
        let column = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var documents = [Int](repeating: 0, count: labels.count)
        var totals = [Int](repeating: 0, count: labels.count)
        var rows: [String: Int] = [:]
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
        self.init(labels: labels, documents: documents, totals: totals, rows: rows, counts: counts)
    }

    /// The posterior probability of each label for a text, and the features that weighed most for the best one.
    public func predict(_ features: TextFeatures) -> (posterior: [Int: Double], strongest: [String]) {
        guard !labels.isEmpty else { return ([:], []) }
        let width = labels.count
        let documentTotal = Double(documents.reduce(0, +))
        let vocabulary = Double(rows.count)
        let present = features.ranges.keys.compactMap { feature in rows[feature].map { (feature, $0) } }
        var scores = [Double](repeating: 0, count: width)
        for column in 0..<width {
            let denominator = log(Double(totals[column]) + smoothing * vocabulary)
            var score = log(Double(documents[column]) / documentTotal)
            for (_, row) in present { score += log(Double(counts[row * width + column]) + smoothing) - denominator }
            scores[column] = score
        }
        let best = scores.max()!
        let sum = scores.reduce(0) { $0 + exp($1 - best) }
        var posterior: [Int: Double] = [:]
        for (column, score) in scores.enumerated() { posterior[labels[column]] = exp(score - best) / sum }
        let winner = scores.indices.max { scores[$0] < scores[$1] }!
        // The features whose likelihood favours the winner most over the other labels.
        let otherTotal = Double(totals.enumerated().filter { $0.offset != winner }.map(\.element).reduce(0, +))
        let strongest = present.compactMap { feature, row -> (String, Double)? in
            let inWinner =
                (Double(counts[row * width + winner]) + smoothing)
                / (Double(totals[winner]) + smoothing * vocabulary)
            var elsewhereCount = 0.0
            for column in 0..<width where column != winner { elsewhereCount += Double(counts[row * width + column]) }
            let elsewhere = (elsewhereCount + smoothing) / (otherTotal + smoothing * vocabulary)
            return (feature, log(inWinner / elsewhere))
        }.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        // Cite words first: character pairs that straddle two words read badly as evidence.
        let words = strongest.filter { $0.0.hasPrefix("w:") }
        let cited = (words.count >= 2 ? words : strongest).prefix(5).map(\.0)
        return (posterior, Array(cited))
    }

    /// Writes the model as a data file: `label L DOCUMENTS TOTAL` rows, then `FEATURE<TAB>L:COUNT L:COUNT …` rows.
    public func serialized() -> String {
        var text = "# Naive Bayes model trained on the labelled train split by `triage lexicon train`. Do not edit.\n"
        for (column, label) in labels.enumerated() {
            text += "label\t\(label)\t\(documents[column])\t\(totals[column])\n"
        }
        for (feature, row) in rows.sorted(by: { $0.key < $1.key }) {
            let cells = labels.indices.compactMap { column -> String? in
                let count = counts[row * labels.count + column]
                return count == 0 ? nil : "\(labels[column]):\(count)"
            }
            text += "\(feature)\t\(cells.joined(separator: " "))\n"
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
        var rows: [String: Int] = [:]
        var counts: [Int32] = []
        var column: [Int: Int] = [:]
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
            rows[String(decoding: line[..<tab], as: UTF8.self)] = row
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
        return NaiveBayesModel(labels: labels, documents: documents, totals: totals, rows: rows, counts: counts)
    }

    /// The value of a run of ASCII digits, or `nil`.
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
