import Foundation
import LexiconFormat
import Segmentation
import Testing
import TextNormalization

@testable import Classification

/// The features of a text, segmented by ICU alone.
private func features(_ text: String) throws -> TextFeatures {
    let normalized = Normalizer().normalize(text)
    return TextFeatures(normalized: normalized, tokens: try Segmenter().segment(normalized))
}

/// A few examples of three labels with distinct vocabularies, and one label with a single example.
private func examples() throws -> [(label: Int, features: TextFeatures)] {
    let texts: [(Int, String)] = [
        (3, "治超站罚款不给收据"), (3, "路政罚款不开收据"), (3, "罚款以后不给收据还要交费"),
        (5, "运管扣车不给手续"), (5, "扣车十天不放车"), (5, "随便扣车扣证"),
        (0, "出租车司机拒载绕路"), (0, "出租车公司收份子钱"), (0, "公交车晚点司机拒载"),
        (17, "办证要跑好几趟窗口"),
    ]
    return try texts.map { ($0.0, try features($0.1)) }
}

@Test(arguments: [NaiveBayesModel.Scoring.multinomial, .complement(temperature: 2)])
func theModelPrefersTheLabelWhoseWordsATextShares(scoring: NaiveBayesModel.Scoring) throws {
    let model = NaiveBayesModel(examples: try examples(), minimumDocuments: 1, scoring: scoring)
    let (posterior, strongest) = model.predict(try features("他们罚款也不给收据"))
    #expect(abs(posterior.values.reduce(0, +) - 1) < 1e-9)
    #expect(posterior.max { $0.value < $1.value }?.key == 3)
    #expect(strongest.contains("w:收据") || strongest.contains("b:收据"))
    let taxi = model.predict(try features("出租车拒载")).posterior
    #expect(taxi.max { $0.value < $1.value }?.key == 0)
}

@Test(arguments: [NaiveBayesModel.Scoring.multinomial, .complement(temperature: 1)])
func aLabelWithOneExampleIsStillFound(scoring: NaiveBayesModel.Scoring) throws {
    let model = NaiveBayesModel(examples: try examples(), minimumDocuments: 1, scoring: scoring)
    #expect(model.predict(try features("办证跑了好几趟窗口")).posterior.max { $0.value < $1.value }?.key == 17)
}

@Test(arguments: [NaiveBayesModel.Scoring.multinomial, .complement(temperature: 2)])
func aSavedModelPredictsAsTheTrainedOne(scoring: NaiveBayesModel.Scoring) throws {
    let model = NaiveBayesModel(examples: try examples(), minimumDocuments: 1, scoring: scoring)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID()).tsv").path
    try Data(model.serialized().utf8).write(to: URL(fileURLWithPath: path))
    let loaded = try NaiveBayesModel.load(path: path)
    #expect(loaded.scoring == scoring)
    for text in ["他们罚款也不给收据", "扣车不放", "出租车拒载"] {
        let expected = model.predict(try features(text)).posterior
        let actual = loaded.predict(try features(text)).posterior
        for (label, probability) in expected { #expect(abs((actual[label] ?? -1) - probability) < 1e-9) }
    }
}

@Test func aBrokenModelFileNamesTheLine() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID()).tsv").path
    try Data("# model\nscoring\tcomplement\t-1\nlabel\t0\t3\t9\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect {
        _ = try NaiveBayesModel.load(path: path)
    } throws: { error in
        (error as? LexiconError)?.line == 2 && "\(error)".contains("temperature")
    }
}
