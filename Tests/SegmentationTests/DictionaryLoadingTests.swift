import Foundation
import LexiconFormat
import Testing

@testable import Segmentation

/// Makes a lexicon folder with the given files (relative path → contents) and returns its path.
private func lexiconFolder(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lexicons-\(UUID())")
    for (path, contents) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    try FileManager.default.createDirectory(
        at: root.appendingPathComponent("places"), withIntermediateDirectories: true)
    return root.path
}

@Test func projectLexiconsLoad() {
    #expect(projectDictionary.count > 500)
    #expect(projectDictionary.contains("钓鱼执法"))
    #expect(projectDictionary.contains("杨桥镇"))
}

@Test(arguments: [
    ("# terms\n钓鱼执法\n執法\n", 3, "normalised form"),
    ("钓鱼执法\n治超站\n钓鱼执法\n", 3, "already listed at line 1"),
    ("钓鱼执法\n扣  了\n", 2, "two spaces"),
])
func badTermFilesNameFileAndLine(contents: String, line: Int, reason: String) throws {
    let folder = try lexiconFolder(["segmentation/terms.txt": contents])
    do {
        _ = try DomainDictionary.load(lexiconDirectory: folder)
        Issue.record("expected an error")
    } catch {
        #expect(error.file.hasSuffix("segmentation/terms.txt"))
        #expect(error.line == line)
        #expect(error.reason.contains(reason))
    }
}

@Test func placeNamesComeFromTheFirstColumnOfGazetteers() throws {
    let folder = try lexiconFolder([
        "segmentation/terms.txt": "治超站\n",
        "places/city.tsv": "# name\tkind\tcounty\n杨桥镇\ttown\t临泉县\n",
    ])
    let dictionary = try DomainDictionary.load(lexiconDirectory: folder)
    #expect(dictionary.contains("杨桥镇"))
    #expect(!dictionary.contains("town"))
}

@Test func boundaryScoreCountsEdges() {
    var score = BoundaryScore()
    let gold = GoldSentence(tokens: ["临泉县", "治超站", "罚款"], line: 1)  // boundaries at 3 and 6
    let tokens = [(0..<2), (2..<6), (6..<8)].map {
        Token(kind: .han, range: $0, originalRange: $0, source: .icu)
    }
    score.add(gold: gold, tokens: tokens)  // predicted 2 and 6
    #expect(score.correct == 1)
    #expect(score.predicted == 2)
    #expect(score.expected == 2)
    #expect(score.f1 == 0.5)
}

@Test func badDetachmentRowNamesFileAndLine() throws {
    let folder = try lexiconFolder([
        "segmentation/terms.txt": "治超站\n",
        "segmentation/detach.tsv": "numeral\t一二三\nsuffixes\t了\n",
    ])
    do {
        _ = try DomainDictionary.load(lexiconDirectory: folder)
        Issue.record("expected an error")
    } catch {
        #expect(error.file.hasSuffix("detach.tsv"))
        #expect(error.line == 2)
    }
}
