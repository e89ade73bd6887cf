import Foundation
import LexiconFormat
import Pipeline
import Testing

/// Copies the repository's Lexicons/ folder to a temporary place the test may change.
private func lexiconCopy() throws -> URL {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons")
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("lexicons-\(UUID())")
    try FileManager.default.copyItem(at: source, to: copy)
    return copy
}

@Test func aRunningProcessPicksUpEditedRules() async throws {
    let folder = try lexiconCopy()
    let library = try LexiconLibrary(directory: folder.path)
    let text = "路政的人在路边卖起了烤红薯"
    let before = try Analyzer(lexicons: await library.current).analyze(text).classification
    #expect(!before.inScope)
    let rule = "subtype 21\nrule s21.test-sweet-potato 0.9\n    any 烤红薯\n"
    try Data(rule.utf8).write(to: folder.appendingPathComponent("rules/zz-test.rules"))
    try await library.reload()
    let after = try Analyzer(lexicons: await library.current).analyze(text).classification
    #expect(after.subtype == 21)
    #expect(await library.generation == 1)
}

@Test func aBrokenFileKeepsTheRunningSetAndNamesTheLine() async throws {
    let folder = try lexiconCopy()
    let library = try LexiconLibrary(directory: folder.path)
    let rulesBefore = await library.current.rules.rules.count
    try Data("subtype 3\nrule s3.broken 2.0\n    any 罚款\n".utf8).write(
        to: folder.appendingPathComponent("rules/zz-broken.rules"))
    await #expect(throws: LexiconError.self) { try await library.reload() }
    do {
        try await library.reload()
    } catch {
        #expect(error.file.hasSuffix("zz-broken.rules"))
        #expect(error.line == 2)
    }
    #expect(await library.current.rules.rules.count == rulesBefore)
    #expect(await library.generation == 0)
}
