import Foundation
import TestSupport
import Testing
import TextDecoding
import Watch

@Test func theSplitterKeepsAPartialLineUntilItsNewline() {
    var splitter = LineSplitter()
    #expect(splitter.append(Array("一\r\n二".utf8)) == [.complete(Array("一".utf8))])
    #expect(splitter.hasPartialLine)
    #expect(splitter.append(Array("三".utf8)).isEmpty)
    #expect(splitter.append(Array("\n\n四".utf8)) == [.complete(Array("二三".utf8)), .complete([])])
    #expect(splitter.finish() == [.complete(Array("四".utf8))])
    #expect(!splitter.hasPartialLine)
}

@Test func theSplitterSkipsTooLongLinesAndJoinedLinesWhole() {
    var splitter = LineSplitter(maximumLineBytes: 4)
    #expect(splitter.append(Array("abc".utf8)).isEmpty)
    #expect(
        splitter.append(Array("defg\nok\n".utf8)) == [
            .tooLong(length: 7, head: Array("abcdefg".utf8)), .complete(Array("ok".utf8)),
        ])
    splitter.skipToNextLine()
    #expect(splitter.append(Array("tail of a line\nnext\n".utf8)) == [.complete(Array("next".utf8))])
}

@Test func aFollowedFileYieldsOnlyAppendedCompleteLinesAndStartsOverWhenTruncated() throws {
    let path = temporaryFolder() + "/posts.jsonl"
    try append("old line\nhalf of an old li", to: path)
    var follower = FileFollower(path: path, fromStart: false)
    #expect(follower.poll().isEmpty)
    try append("ne\nnew line\nhalf", to: path)
    #expect(follower.poll() == [.line(source: path, number: 3, text: "new line")])
    try append(" and the rest\n", to: path)
    #expect(follower.poll() == [.line(source: path, number: 4, text: "half and the rest")])
    try "again\n".write(toFile: path, atomically: false, encoding: .utf8)
    let events = follower.poll()
    #expect(events.count == 2)
    #expect(events.last == .line(source: path, number: 1, text: "again"))
    if case .problem(_, nil, let reason) = events.first {
        #expect(reason.contains("truncated"))
    } else {
        Issue.record("no message about the truncation: \(events)")
    }
}

@Test func aFileReplacedByAnotherIsReadFromItsStart() throws {
    let folder = temporaryFolder()
    let path = folder + "/posts.jsonl"
    try append("one\n", to: path)
    var follower = FileFollower(path: path, fromStart: true)
    #expect(follower.poll() == [.line(source: path, number: 1, text: "one")])
    try FileManager.default.moveItem(atPath: path, toPath: folder + "/posts.jsonl.1")
    #expect(follower.poll().isEmpty)
    try append("two\nthree\n", to: path)
    #expect(
        follower.poll().suffix(2) == [
            .line(source: path, number: 1, text: "two"), .line(source: path, number: 2, text: "three"),
        ])
}

@Test func anUndecodableLineIsAProblemNamingItsLine() throws {
    let path = temporaryFolder() + "/posts.txt"
    _ = FileManager.default.createFile(atPath: path, contents: Data([0x61, 0x0A, 0xFF, 0xFE, 0xFF, 0x0A, 0x62, 0x0A]))
    var follower = FileFollower(path: path, fromStart: true, encoding: .utf8)
    let events = follower.poll()
    #expect(events.count == 3)
    #expect(events.first == .line(source: path, number: 1, text: "a"))
    if case .problem(_, let number, _) = events[1] { #expect(number == 2) } else { Issue.record("\(events)") }
    #expect(events.last == .line(source: path, number: 3, text: "b"))
}

@Test func aFolderYieldsEachNewFileOnceWhenItsSizeIsStable() throws {
    let folder = temporaryFolder()
    try "before\n".write(toFile: folder + "/0-old.txt", atomically: true, encoding: .utf8)
    var watcher = FolderWatcher(path: folder, fromStart: false)
    try "b1\nb2".write(toFile: folder + "/b.txt", atomically: true, encoding: .utf8)
    try "a1\n".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
    try "hidden\n".write(toFile: folder + "/.c.txt", atomically: true, encoding: .utf8)
    try "partial\n".write(toFile: folder + "/d.txt.part", atomically: true, encoding: .utf8)
    #expect(watcher.poll().isEmpty, "a new file is read once its size holds between two polls")
    let lines = watcher.poll().compactMap { event -> String? in
        if case .line(_, _, let text) = event { return text } else { return nil }
    }
    #expect(lines == ["a1", "b1", "b2"])
    #expect(watcher.poll().isEmpty)
    var everything = FolderWatcher(path: folder, fromStart: true)
    _ = everything.poll()
    #expect(everything.poll().count == 4)
}

@Test func aStreamEndsWithItsInputAndKeepsItsLastLine() throws {
    // A regular file stands for the stream: a pipe's write end would leak into the processes other tests start.
    let path = temporaryFolder() + "/stream.txt"
    try append("一\n二", to: path)
    var reader = StreamReader(handle: try FileHandle(forReadingFrom: URL(fileURLWithPath: path)), name: "<in>")
    var events: [SourceEvent] = []
    for _ in 0..<10 where !reader.isFinished { events += reader.poll() }
    #expect(reader.isFinished)
    #expect(events == [.line(source: "<in>", number: 1, text: "一"), .line(source: "<in>", number: 2, text: "二")])
}
