import Foundation
import LexiconFormat
import Testing
import TextNormalization

@testable import Segmentation

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The dictionary of the repository's Lexicons/ folder, loaded once.
let projectDictionary: DomainDictionary = {
    do {
        return try DomainDictionary.load(lexiconDirectory: repositoryRoot + "/Lexicons")
    } catch {
        fatalError("Lexicons/ does not load: \(error)")
    }
}()

private func words(_ text: String, dictionary: DomainDictionary = projectDictionary) throws -> [String] {
    let normalized = Normalizer().normalize(text)
    return try Segmenter(dictionary: dictionary).segment(normalized).filter { $0.kind != .space }.map {
        $0.text(in: normalized)
    }
}

@Test func domainTermsAndPlacesComeOutWhole() throws {
    let tokens = try words("在臨泉縣治超站遇到釣 魚 執 法")
    #expect(tokens == ["在", "临泉县", "治超站", "遇到", "钓鱼执法"])
}

@Test(arguments: [
    "临泉县", "治超站", "钓鱼执法", "非法营运", "超限超载", "自由裁量权", "绿色通道", "鲜活农产品", "执法辅助人员", "非现场执法", "罚没指标", "交办函", "颍上县", "阜南县",
    "界首市", "颍州区",
])
func termIsOneTokenInContext(term: String) throws {
    #expect(try words("他们说\(term)的事情").contains(term))
}

@Test func aPauseIsAWordBoundary() throws {
    // Without the pause ICU reads 凶我 也没 as 凶 | 我也没, and the negator 也没 is lost.
    let tokens = try words("直接开单子了 也没凶我 也没骂人")
    #expect(tokens.contains("也没"))
    #expect(!tokens.contains("我也没"))
    // A dictionary entry may still span a space between its words (filter-dodging): 钓鱼 执法.
    #expect(try words("遇到钓鱼 执法了").contains("钓鱼执法"))
}

@Test func bothPiecesOfAWordSplitAtAPauseAreCutTheSameWay() throws {
    // ICU reads 三天 三夜 as one word; the piece before the pause gets the numeral cut (三 | 天) as any word does.
    let tokens = try words("熬了三天 三夜")
    #expect(tokens.suffix(3) == ["三", "天", "三夜"])
}

@Test func icuAloneSplitsTheseTerms() throws {
    let alone = try words("临泉县治超站", dictionary: DomainDictionary())
    #expect(!alone.contains("临泉县"))
    #expect(!alone.contains("治超站"))
}

@Test func anEntryNeverCutsAnICUWordInTwo() throws {
    let dictionary = DomainDictionary(terms: ["路政"])
    #expect(!(try words("这是道路政策", dictionary: dictionary)).contains("路政"))
    #expect(try words("被路政扣了", dictionary: dictionary).contains("路政"))
}

@Test func entriesWithSpacesRecutWhatTheyCover() throws {
    let icu = try words("扣了三天", dictionary: DomainDictionary())
    #expect(icu.contains("扣了"))
    let recut = try words("扣了三天", dictionary: DomainDictionary(terms: ["扣 了"]))
    #expect(Array(recut.prefix(2)) == ["扣", "了"])
}

@Test func tokensCarryTheirKinds() throws {
    let normalized = Normalizer().normalize("皖K12345罚款２０００元！ 太气人了😡")
    let tokens = try Segmenter(dictionary: projectDictionary).segment(normalized)
    func kind(_ text: String) -> TokenKind? { tokens.first { $0.text(in: normalized) == text }?.kind }
    #expect(kind("K12345") == .latin)
    #expect(kind("2000") == .number)
    #expect(kind("罚款") == .han)
    #expect(kind("!") == .punctuation)
    #expect(kind(" ") == .space)
    #expect(kind("😡") == .other)
}

@Test func tokensCoverTheTextWithoutGapsOrOverlaps() throws {
    let normalized = Normalizer().normalize("市民：我在G105国道被拦了，罚了3.5万！！还不给票😡😡 Call 13800001111")
    let tokens = try Segmenter(dictionary: projectDictionary).segment(normalized)
    var position = 0
    for token in tokens {
        #expect(token.range.lowerBound == position)
        position = token.range.upperBound
    }
    #expect(position == normalized.scalars.count)
}

@Test func emptyTextHasNoTokens() throws {
    #expect(try Segmenter().segment(Normalizer().normalize("")).isEmpty)
}

@Test func oneMegabyteSingleLine() throws {
    let line = String(repeating: "执法人员在临泉县治超站罚款不开票，", count: 60_000)
    let normalized = Normalizer().normalize(line)
    let tokens = try Segmenter(dictionary: projectDictionary).segment(normalized)
    #expect(tokens.filter { $0.text(in: normalized) == "临泉县" }.count == 60_000)
}

/// Every gold sentence of the repository and every sample line.
private func corpusLines() throws -> [String] {
    var lines: [String] = []
    for name in ["dev.txt", "test.txt"] {
        lines += try GoldSentence.load(path: repositoryRoot + "/Corpus/segmentation/" + name).map(\.text)
    }
    for path in try LexiconFile.files(in: repositoryRoot + "/Corpus/samples", withExtensions: ["txt"]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let text = String(validating: data, as: UTF8.self) {
            lines += text.split(separator: "\n").map(String.init)
        }
    }
    return lines + ["在臨泉縣治超站遇到釣 魚 執 法", "钓*鱼*执*法，罰款２０００元😡"]
}

@Test func originalRangeOfEveryTokenNormalisesToTheToken() throws {
    let segmenter = try Segmenter(dictionary: projectDictionary)
    let normalizer = Normalizer()
    for line in try corpusLines() {
        let scalars = Array(line.unicodeScalars)
        let normalized = normalizer.normalize(line)
        for token in segmenter.segment(normalized) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.originalRange])
            #expect(normalizer.normalize(String(view)).text == token.text(in: normalized), "\(line): \(token)")
        }
    }
}

@Test(arguments: [
    ("扣了三天", ["扣", "了", "三", "天"]),
    ("罚了两千元", ["罚", "了", "两千", "元"]),
    ("为了这事", ["为了", "这", "事"]),
    ("不合理", ["不", "合理"]),
    ("没有人管", ["没有", "人", "管"]),
])
func detachmentFollowsTheConvention(text: String, expected: [String]) throws {
    #expect(try words(text) == expected)
}
