import Testing

@testable import TextNormalization

@Test(arguments: [
    ("ＡＢＣ１２３，：？", "ABC123,:?"),
    ("罰款２０００元", "罚款2000元"),
    ("臨泉縣執法大隊亂罰款", "临泉县执法大队乱罚款"),
    ("钓\u{200B}鱼\u{200D}执\u{FEFF}法", "钓鱼执法"),
    ("钓 鱼 执 法", "钓鱼执法"),
    ("钓*鱼*执*法", "钓鱼执法"),
    ("钓.鱼.执.法", "钓鱼执法"),
    ("钓 * 鱼 * 执 * 法", "钓鱼执法"),
    ("釣　魚　執　法", "钓鱼执法"),
    ("遇到 钓 鱼 执 法 了", "遇到钓鱼执法了"),
    ("罚款3.5万元", "罚款3.5万元"),
    ("罚款/扣分", "罚款/扣分"),
    ("a   b\t\tc", "a b c"),
    ("市民：你好\r\n\r\n话务员：请讲", "市民:你好\n话务员:请讲"),
    ("  前后空白  ", " 前后空白"),
    ("太气人了😡😡", "太气人了😡😡"),
    ("", ""),
])
func normalizes(input: String, expected: String) {
    #expect(Normalizer().normalize(input).text == expected)
}

@Test func offsetMapPointsBackIntoTheOriginal() {
    let original = "在臨泉縣遇到釣 魚 執 法，罰款２０００元"
    let normalized = Normalizer().normalize(original)
    #expect(normalized.text == "在临泉县遇到钓鱼执法,罚款2000元")
    let scalars = Array(original.unicodeScalars)
    func originalText(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
    // 钓鱼执法 is normalised 6..<10 and covers the original 釣 魚 執 法 with its spaces.
    #expect(originalText(normalized.originalRange(of: 6..<10)) == "釣 魚 執 法")
    #expect(originalText(normalized.originalRange(of: 13..<17)) == "２０００")
    #expect(normalized.originalPosition(of: normalized.scalars.count) == scalars.count)
    // Every single normalised character normalises back from its original span.
    for position in 0..<normalized.scalars.count {
        let span = normalized.originalRange(of: position..<(position + 1))
        #expect(Normalizer().normalize(originalText(span)).text == normalized.text(in: position..<(position + 1)))
    }
}

@Test func stepsCanBeTurnedOff() {
    #expect(Normalizer(steps: [.compatibility]).normalize("臨泉 縣１").text == "臨泉 縣1")
    #expect(Normalizer(steps: [.simplify]).normalize("臨泉１").text == "临泉１")
}

@Test func oneMegabyteSingleLine() {
    let line = String(repeating: "執法人員在治超站罰款不開票，", count: 75_000)
    let normalized = Normalizer().normalize(line)
    #expect(normalized.scalars.count == line.unicodeScalars.count)
    #expect(normalized.text.hasPrefix("执法人员在治超站罚款不开票,"))
    #expect(normalized.originalRange(of: 0..<normalized.scalars.count) == 0..<line.unicodeScalars.count)
}

@Test func nonBMPCharactersKeepTheirOffsets() {
    let original = "😡执法𠀀人员"
    let normalized = Normalizer().normalize(original)
    #expect(normalized.text == original)
    #expect(normalized.originalRange(of: 3..<4) == 3..<4)
}

@Test func aSpaceRemovedBetweenWordsIsKeptAsAPause() {
    let normalized = Normalizer().normalize("一晚上没回来 早上回来眼眶是紫的")
    #expect(normalized.text == "一晚上没回来早上回来眼眶是紫的")
    #expect(normalized.pauses == [6])
    // Between single characters, or next to one, a space is inserted noise: no pause.
    #expect(Normalizer().normalize("遇到 钓 鱼 执 法 了").pauses.isEmpty)
    #expect(Normalizer().normalize("路政 乱 收费").pauses.isEmpty)
    #expect(Normalizer().normalize("罚款 200元").pauses.isEmpty)
}
