import Foundation
import Pipeline
import Testing

/// Every labelled corpus item, train and test: real-style texts with phone numbers, ID numbers and names.
private func corpusTexts() throws -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    var texts: [String] = []
    for split in ["train", "test"] {
        texts += try LabelledClue.load(path: "\(root)/Corpus/clues/\(split).jsonl").map(\.text)
    }
    return texts
}

/// Unmasked phone numbers (11-digit mobiles) and 18-character ID numbers in a text.
private func exposedNumbers(in text: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: "(?<![0-9])(1[3-9][0-9]{9}|[0-9]{17}[0-9Xx])(?![0-9])")
    let range = NSRange(text.startIndex..., in: text)
    return pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) }
}

@Test func defaultOutputNeverShowsPhoneOrIDNumbers() throws {
    let analyzer = try Analyzer(lexicons: lexicons)
    var withNumbers = 0
    for (index, text) in try corpusTexts().enumerated() {
        let numbers = exposedNumbers(in: text)
        if !numbers.isEmpty { withNumbers += 1 }
        let record = analyzer.record(for: ClueInput(id: "\(index)", text: text))
        let output = String(decoding: record.jsonLine, as: UTF8.self)
        #expect(exposedNumbers(in: output).isEmpty, "item \(index) shows \(exposedNumbers(in: output))")
    }
    #expect(withNumbers > 5, "the corpus should hold phone or ID numbers for this test to mean something")
}

@Test func callersAllowedToSeePersonalDataGetItUnmasked() throws {
    let analyzer = try Analyzer(lexicons: lexicons)
    let input = ClueInput(text: "我叫王建国，电话13800001111，身份证11010519491231002X，路政乱罚款")
    let masked = String(decoding: analyzer.record(for: input).jsonLine, as: UTF8.self)
    #expect(!masked.contains("13800001111"))
    #expect(!masked.contains("11010519491231002X"))
    #expect(!masked.contains("王建国"))
    #expect(masked.contains("138****1111"))
    let shown = String(decoding: analyzer.record(for: input, revealingPersonalData: true).jsonLine, as: UTF8.self)
    #expect(shown.contains("13800001111"))
    #expect(shown.contains("11010519491231002X"))
}
