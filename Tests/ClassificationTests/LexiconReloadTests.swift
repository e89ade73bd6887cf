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

@Test func aRunningProcessPicksUpEditedRules() throws {
    let folder = try lexiconCopy()
    let library = try LexiconLibrary(directory: folder.path)
    let text = "路政的人在路边卖起了烤红薯"
    // No rule of the project makes the sweet potatoes sub-type 21.
    let before = try Analyzer(lexicons: library.current).analyze(text).classification
    #expect(before.subtype != 21)
    let rule = "subtype 21\nrule s21.test-sweet-potato 0.9\n    any 烤红薯\n"
    try Data(rule.utf8).write(to: folder.appendingPathComponent("rules/zz-test.rules"))
    try library.reload()
    let after = try Analyzer(lexicons: library.current).analyze(text).classification
    #expect(after.subtype == 21 && after.decidedBy == "rules")
    #expect(library.generation == 1)
}

@Test func aBrokenFileKeepsTheRunningSetAndNamesTheLine() throws {
    let folder = try lexiconCopy()
    let library = try LexiconLibrary(directory: folder.path)
    let rulesBefore = library.current.rules.rules.count
    try Data("subtype 3\nrule s3.broken 2.0\n    any 罚款\n".utf8).write(
        to: folder.appendingPathComponent("rules/zz-broken.rules"))
    #expect(throws: LexiconError.self) { try library.reload() }
    do {
        try library.reload()
    } catch {
        #expect(error.file.hasSuffix("zz-broken.rules"))
        #expect(error.line == 2)
    }
    #expect(library.current.rules.rules.count == rulesBefore)
    #expect(library.generation == 0)
}

@Test func anEditIsPickedUpOnlyWhenAFileChanged() throws {
    let folder = try lexiconCopy()
    let library = try LexiconLibrary(directory: folder.path)
    #expect(try library.reloadIfChanged() == nil)
    let rule = "subtype 21\nrule s21.test-sweet-potato 0.9\n    any 烤红薯\n"
    try Data(rule.utf8).write(to: folder.appendingPathComponent("rules/zz-test.rules"))
    let fresh = try #require(try library.reloadIfChanged())
    #expect(try Analyzer(lexicons: fresh).analyze("路政的人在路边卖起了烤红薯").classification.subtype == 21)
    #expect(try library.reloadIfChanged() == nil)
    #expect(library.generation == 1)
    // A broken edit is reported once and leaves the set in use; fixing it loads it.
    try Data("subtype 21\nrule s21.test-sweet-potato 9\n".utf8).write(
        to: folder.appendingPathComponent("rules/zz-test.rules"))
    #expect(throws: LexiconError.self) { _ = try library.reloadIfChanged() }
    #expect(try library.reloadIfChanged() == nil)
    #expect(library.generation == 1)
    try Data(rule.utf8).write(to: folder.appendingPathComponent("rules/zz-test.rules"))
    #expect(try library.reloadIfChanged() != nil)
    #expect(library.generation == 2)
}
