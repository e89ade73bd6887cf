import Foundation
import LexiconFormat
import Pipeline
import Segmentation
import Testing
import TextNormalization

@testable import Classification

/// The repository's root folder, found from this file's path.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// Writes rule files into a fresh folder and loads them.
private func book(_ files: [String: String], subtypes: Set<Int> = Set(1...21)) throws -> RuleBook {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, contents) in files { try Data(contents.utf8).write(to: folder.appendingPathComponent(name)) }
    return try RuleBook.load(directory: folder.path, validSubtypes: subtypes)
}

/// The segmenter's dictionary of the repository's Lexicons/ folder.
private let projectDictionary: DomainDictionary = {
    do { return try DomainDictionary.load(lexiconDirectory: repositoryRoot + "/Lexicons") } catch {
        fatalError("Lexicons/ does not load: \(error)")
    }
}()

/// The pinyin table of the repository's Lexicons/ folder.
private let projectPinyin: PinyinTable = {
    do { return try PinyinTable.load(path: repositoryRoot + "/Lexicons/characters/pinyin.tsv") } catch {
        fatalError("Lexicons/ does not load: \(error)")
    }
}()

private let scope = """
    list negators
        没有 未 并非
    list negators-near
        不
    list negation-breaks
        但是
    list actors-transport
        路政 运管 治超站
    list actors-generic
        执法人员
    list actors-other
        交警
    list speakers-operator
        话务员
    list speakers-caller
        市民
    """

private let fines = """
    subtype 3
    rule s3.named 0.85
        any 乱收费 乱罚款 乱发款~
    rule s3.no-receipt 0.7
        any 罚款
        near 5 不开票 没有收据
        unless 停车场
    """

private func classify(_ text: String, rules: RuleBook) throws -> Classification {
    let normalized = Normalizer().normalize(text)
    let tokens = try Segmenter(dictionary: projectDictionary).segment(normalized)
    let classifier = Classifier(book: rules, pinyin: projectPinyin)
    classifier.engine.recordsEveryOutcome = true
    return classifier.classify(
        original: Array(text.unicodeScalars), normalized: normalized, tokens: tokens)
}

@Test func aRuleFiresWithEvidenceCitingTheOriginalText() throws {
    let rules = try book(["scope.rules": scope, "s03.rules": fines])
    let text = "臨泉縣治超站亂收費，罰款不開票"
    let result = try classify(text, rules: rules)
    #expect(result.inScope)
    #expect(result.subtype == 3)
    let named = try #require(result.evidence.first { $0.rule == "s3.named" })
    let scalars = Array(text.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[named.start..<named.end])) == "亂收費")
    #expect(named.text == "亂收費")
    #expect(result.evidence.contains { $0.rule == "s3.no-receipt" && $0.text == "不開票" })
}

@Test(arguments: ["路政没有乱收费", "路政并非乱收费", "路政不乱收费"])
func negatedTermsDoNotCount(text: String) throws {
    let result = try classify(text, rules: try book(["scope.rules": scope, "s03.rules": fines]))
    #expect(!result.inScope)
    #expect(result.outcomes.contains { $0.rule == "s3.named" && $0.status == .negated })
}

@Test(arguments: ["运管这是不是乱收费", "路政有没有乱收费"])
func aChoiceQuestionDoesNotNegate(text: String) throws {
    #expect(try classify(text, rules: try book(["scope.rules": scope, "s03.rules": fines])).subtype == 3)
}

@Test func punctuationOrABreakWordEndsNegation() throws {
    let rules = try book(["scope.rules": scope, "s03.rules": fines])
    #expect(try classify("路政没有道歉，乱收费", rules: rules).subtype == 3)
    #expect(try classify("运管没有道歉但是乱收费", rules: rules).subtype == 3)
}

@Test func aSpaceBetweenWordsEndsNegationButInsertedSpacesDoNot() throws {
    let rules = try book(["scope.rules": scope, "s03.rules": fines])
    // A transcript without punctuation: the space after 没有道歉 is a pause, as a comma would be.
    #expect(try classify("路政那倒没有道歉 就是乱收费", rules: rules).subtype == 3)
    // Spaces between single characters are inserted noise, and the negator still governs the term.
    #expect(!(try classify("路政没有 乱 收 费", rules: rules).inScope))
}

@Test func aVetoCancelsTheRule() throws {
    let rules = try book(["scope.rules": scope, "s03.rules": fines])
    let result = try classify("路政在停车场罚款不开票", rules: rules)
    #expect(result.outcomes.contains { $0.rule == "s3.no-receipt" && $0.status == .vetoed })
}

@Test func theScopeGateNeedsAnEnforcementActor() throws {
    let rules = try book(["scope.rules": scope, "s03.rules": fines])
    #expect(!(try classify("出租车公司乱收费", rules: rules)).inScope)
    #expect(!(try classify("交警的执法人员乱收费", rules: rules)).inScope)
    #expect(try classify("执法人员乱收费", rules: rules).subtype == 3)
}

@Test func homophoneTolerantTermsMatchBySound() throws {
    let rules = try book(["scope.rules": scope, "s03.rules": fines])
    // 乱发款 is an ASR error for 乱罚款; the tolerant term 乱发款~ also matches text sounding the same.
    let result = try classify("路政乱法款", rules: rules)
    #expect(result.subtype == 3)
}

@Test func theOperatorsTurnIsNotEvidence() throws {
    let rules = try book(["scope.rules": scope, "s03.rules": fines])
    let spoken = try classify("话务员:请问运管是否乱收费?\n市民:没事了谢谢", rules: rules)
    #expect(!spoken.inScope)
    let caller = try classify("话务员:请讲\n市民:运管乱收费", rules: rules)
    #expect(caller.subtype == 3)
}

@Test(arguments: ["话务员:您说 儿子:运管乱收费", "话务员:嗯车队老板:运管乱收费"])
func anySpeakersLabelEndsTheOperatorsTurn(text: String) throws {
    #expect(try classify(text, rules: try book(["scope.rules": scope, "s03.rules": fines])).subtype == 3)
}

@Test func aTimesColonDoesNotEndTheOperatorsTurn() throws {
    let rules = try book(["scope.rules": scope, "s03.rules": fines])
    #expect(!(try classify("话务员:您是说10:30运管乱收费吗", rules: rules)).inScope)
}

@Test func closeScoresNeedReviewAndBecomeSecondary() throws {
    let rules = try book([
        "scope.rules": scope, "s03.rules": fines,
        "s15.rules": "subtype 15\nrule s15.rude 0.85\n    any 骂人\n",
    ])
    let result = try classify("路政乱收费还骂人", rules: rules)
    #expect(result.inScope)
    #expect(Set([result.subtype] + result.secondary) == [3, 15])
    #expect(result.needsReview)
}

@Test(arguments: [
    ("rule s3.x 0.5\n    any 罚款\n", 1, "has no sub-type"),
    ("subtype 3\nrule s3.x 1.5\n    any 罚款\n", 2, "weight in (0, 1]"),
    ("subtype 3\nrule s3.x 0.5\n    near 5 罚款\n", 2, "no 'any' line"),
    ("subtype 3\nrule s3.x 0.5\n    any 罰款\n", 3, "normalised form"),
    ("subtype 3\nrule s3.x 0.5\n    any @missing\n", 3, "no list named 'missing'"),
    ("subtype 3\nrule s3.x 0.5\n    any 罚款~\n", 3, "3 or more characters"),
    ("subtype 3\nrule s3.x 0.5\n    any 罚款\nrule s3.x 0.5\n    any 收费\n", 4, "already defined"),
    ("subtype 3\nrule s3.x 0.5\n    any 罚款\n    inside 5 票\n", 4, "unknown directive"),
    ("subtype 30\n", 1, "sub-type id"),
])
func brokenRuleFilesNameFileAndLine(contents: String, line: Int, reason: String) throws {
    do {
        _ = try book(["broken.rules": contents])
        Issue.record("expected an error")
    } catch let error as LexiconError {
        #expect(error.file.hasSuffix("broken.rules"))
        #expect(error.line == line)
        #expect(error.reason.contains(reason), "\(error.reason)")
    }
}

@Test func projectLexiconsLoadAndClassifyTheSamples() throws {
    let lexicons = try LexiconSet(directory: repositoryRoot + "/Lexicons")
    #expect(lexicons.taxonomy.subtypeIDs == Array(1...21))
    #expect(lexicons.taxonomy.categories.count == 6)
    #expect(lexicons.rules.rules.count > 40)
    let analyzer = try Analyzer(lexicons: lexicons)
    let record = analyzer.record(for: ClueInput(id: "x", text: "话务员:您好\n市民:我想问一下去颍上县的班车几点发车"))
    #expect(!record.inScope)
    #expect(record.subtype.id == 0)
    #expect(record.category == nil)
}

@Test func clueInputReadsJSONOrPlainText() throws {
    #expect(
        try ClueInput.parse(line: #"{"id": 7, "text": "罚款", "channel": "media"}"#)
            == ClueInput(id: "7", text: "罚款", channel: "media"))
    #expect(try ClueInput.parse(line: "路政乱收费").text == "路政乱收费")
    #expect(throws: ClueInput.ParseError.self) { try ClueInput.parse(line: #"{"id": 1}"#) }
    #expect(throws: ClueInput.ParseError.self) { try ClueInput.parse(line: #"{"text": "#) }
}

@Test func generatedCharacterTablesMatchICU() throws {
    // The data files are ICU's output stored for speed: they must still say what ICU says, except for the
    // characters of kept.txt, which stay as they are.
    let stored = try Simplification.load(path: repositoryRoot + "/Lexicons/characters/simplified.tsv")
    let kept = try Simplification.keptCharacters(path: repositoryRoot + "/Lexicons/characters/kept.txt")
    #expect(kept.contains("跤"))
    for (traditional, simplified) in Simplification.pairsFromICU() {
        #expect(stored.simplified(traditional) == (kept.contains(traditional) ? traditional : simplified))
    }
    #expect(projectPinyin.count > 20_000)
    let rules = try book(["scope.rules": scope, "s09.rules": "subtype 9\nrule s9.fish 0.9\n    any 钓鱼执法~\n"])
    #expect(try classify("运管掉鱼执法", rules: rules).subtype == 9)
}

@Test func brokenCharacterTablesNameTheLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tables-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("pinyin.tsv").path
    try Data("diao\t钓掉\ndiao\t吊\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: LexiconError(file: path, line: 2, reason: "syllable 'diao' is listed twice")) {
        try PinyinTable.load(path: path)
    }
}
