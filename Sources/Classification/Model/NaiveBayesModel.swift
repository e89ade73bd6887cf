import Foundation
import LexiconFormat

/// A multinomial naive Bayes model over word and character-pair features (present or absent in a text), trained in
/// Swift on the labelled train split. It backs the rules up where they are silent; its labels say they came from the
/// model and cite the features that weighed most.
public struct NaiveBayesModel: Sendable {
    /// The labels (0 = out of scope, 1–21 = sub-types).
    public private(set) var labels: [Int]
    /// Texts per label.
    private var documents: [Int: Int] = [:]
    /// Feature occurrences per label (a feature counts once per text).
    private var totals: [Int: Int] = [:]
    /// Feature → label → texts holding it.
    private var counts: [String: [Int: Int]] = [:]
    /// Additive smoothing.
    public var smoothing = 0.5

    /// An untrained model.
    public init() { labels = [] }

    /// Trains on (label, features) examples, keeping features that occur in at least `minimumDocuments` texts.
    public init(examples: [(label: Int, features: TextFeatures)], minimumDocuments: Int = 2) {
        var documentFrequency: [String: Int] = [:]
        for example in examples {
            for feature in example.features.ranges.keys { documentFrequency[feature, default: 0] += 1 }
        }
        labels = Array(Set(examples.map(\.label))).sorted()
        for example in examples {
            documents[example.label, default: 0] += 1
            for feature in example.features.ranges.keys where documentFrequency[feature]! >= minimumDocuments {
                counts[feature, default: [:]][example.label, default: 0] += 1
                totals[example.label, default: 0] += 1
            }
        }
    }

    /// The posterior probability of each label for a text, and the features that weighed most for the best one.
    public func predict(_ features: TextFeatures) -> (posterior: [Int: Double], strongest: [String]) {
        guard !labels.isEmpty else { return ([:], []) }
        let documentTotal = Double(documents.values.reduce(0, +))
        let vocabulary = Double(counts.count)
        var scores: [Int: Double] = [:]
        for label in labels {
            let denominator = log(Double(totals[label] ?? 0) + smoothing * vocabulary)
            var score = log(Double(documents[label] ?? 0) / documentTotal)
            for feature in features.ranges.keys {
                guard let byLabel = counts[feature] else { continue }
                score += log(Double(byLabel[label] ?? 0) + smoothing) - denominator
            }
            scores[label] = score
        }
        let best = scores.values.max()!
        let sum = scores.values.reduce(0) { $0 + exp($1 - best) }
        let posterior = scores.mapValues { exp($0 - best) / sum }
        let winner = posterior.max { $0.value < $1.value }!.key
        // The features whose likelihood favours the winner most over the other labels.
        let strongest = features.ranges.keys.compactMap { feature -> (String, Double)? in
            guard let byLabel = counts[feature] else { return nil }
            let inWinner =
                (Double(byLabel[winner] ?? 0) + smoothing) / (Double(totals[winner] ?? 0) + smoothing * vocabulary)
            let otherCount = byLabel.filter { $0.key != winner }.values.reduce(0, +)
            let otherTotal = totals.filter { $0.key != winner }.values.reduce(0, +)
            let elsewhere = (Double(otherCount) + smoothing) / (Double(otherTotal) + smoothing * vocabulary)
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
        for label in labels { text += "label\t\(label)\t\(documents[label] ?? 0)\t\(totals[label] ?? 0)\n" }
        for feature in counts.keys.sorted() {
            let cells = counts[feature]!.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
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
        var model = NaiveBayesModel()
        let bytes = [UInt8](data)
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            let line = bytes[start..<end]
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            func fail(_ reason: String) -> LexiconError { LexiconError(file: path, line: lineNumber, reason: reason) }
            func integer(_ digits: ArraySlice<UInt8>) -> Int? {
                guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
                return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
            if fields.count == 4, fields[0].elementsEqual("label".utf8) {
                guard let label = integer(fields[1]), let documents = integer(fields[2]), let total = integer(fields[3])
                else { throw fail("expected: label, id, texts, total") }
                model.labels.append(label)
                model.documents[label] = documents
                model.totals[label] = total
                continue
            }
            guard fields.count == 2 else { throw fail("expected: feature, a tab, label:count …") }
            var byLabel: [Int: Int] = [:]
            for cell in fields[1].split(separator: 0x20) {
                let parts = cell.split(separator: UInt8(ascii: ":"))
                guard parts.count == 2, let label = integer(parts[0]), let count = integer(parts[1]) else {
                    throw fail("bad count '\(String(decoding: cell, as: UTF8.self))'")
                }
                byLabel[label] = count
            }
            model.counts[String(decoding: fields[0], as: UTF8.self)] = byLabel
        }
        return model
    }
}
