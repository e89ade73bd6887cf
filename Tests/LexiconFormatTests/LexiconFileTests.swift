import Foundation
import Testing

@testable import LexiconFormat

@Test func commentsAndBlankLinesAreSkippedAndLinesKeepTheirNumbers() throws {
    let text = "\u{FEFF}# header\n\n钓鱼执法\n  治超站  # a station\n\t\n临泉县\t county \n"
    let file = try LexiconFile(path: "x.txt", contents: Data(text.utf8))
    #expect(file.lines.map(\.number) == [3, 4, 6])
    #expect(file.lines.map(\.text) == ["钓鱼执法", "治超站", "临泉县\t county"])
    #expect(file.lines[2].fields == ["临泉县", "county"])
}

@Test func invalidUTF8NamesTheLine() throws {
    let bytes = Array("第一行\n第二行\n".utf8) + [0xFF] + Array("\n".utf8)
    do {
        _ = try LexiconFile(path: "bad.txt", contents: Data(bytes))
        Issue.record("expected an error")
    } catch {
        #expect(error.file == "bad.txt")
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("bad.txt:3: "))
    }
}

@Test func missingFileIsAnErrorNamingIt() {
    #expect(throws: LexiconError.self) { try LexiconFile(path: "/nonexistent/terms.txt") }
}
