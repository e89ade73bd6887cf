import Foundation
import TestSupport
import Testing

/// A running `triage watch`: its standard output and error go to files in its folder, read back as they grow.
final class RunningWatch {
    let process = Process()
    let output: String
    let errors: String

    init(_ arguments: [String], folder: String, lexicons: String = repositoryRoot + "/Lexicons") throws {
        output = folder + "/watch.out"
        errors = folder + "/watch.err"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        process.executableURL = URL(fileURLWithPath: triageExecutable)
        process.arguments = ["watch"] + arguments + ["--lexicons", lexicons]
        process.standardOutput = FileHandle(forWritingAtPath: output)
        process.standardError = FileHandle(forWritingAtPath: errors)
        try process.run()
    }

    deinit { stop() }

    /// Stops the watch: SIGTERM, then SIGKILL if it is still there after two seconds.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Standard error so far.
    var errorText: String { (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "" }

    /// The alerts written so far.
    var alerts: [[String: Any]] {
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Waits until a condition holds or `seconds` pass; returns whether it held.
    func wait(seconds: Double, until condition: (RunningWatch) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(self) { return true }
            guard process.isRunning else { return condition(self) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition(self)
    }

    /// Waits for the line that says the watch is ready.
    func waitUntilReady() -> Bool { wait(seconds: 20) { $0.errorText.contains("watching") } }
}

@Test func watchAlertsOnAFileAsItemsAreAppended() throws {
    let folder = temporaryFolder()
    let posts = folder + "/posts.jsonl"
    try append("{\"id\":\"old\",\"text\":\"\(beatingText)\"}\n", to: posts)
    let watch = try RunningWatch([posts, "--window", "3600"], folder: folder)
    defer { watch.stop() }
    #expect(watch.waitUntilReady(), "not ready: \(watch.errorText)")

    // A high-risk post, written in two pieces: nothing until its newline, then an alert within a second or two.
    let line = jsonLine(id: "H1", text: beatingText, channel: "douyin")
    let cut = line.index(line.startIndex, offsetBy: 20)
    try append(String(line[..<cut]), to: posts)
    Thread.sleep(forTimeInterval: 0.4)
    #expect(watch.alerts.isEmpty, "an alert before the line was complete, or for the line already there")
    try append(String(line[cut...]), to: posts)
    let written = Date()
    #expect(watch.wait(seconds: 3) { $0.alerts.count >= 1 })
    #expect(Date().timeIntervalSince(written) < 1.5, "the dispatcher must see it within a second")
    let first = try #require(watch.alerts.first)
    #expect(first["kind"] as? String == "high_risk" && first["id"] as? String == "H1")
    #expect(first["channel"] as? String == "douyin" && first["size"] as? Int == 1)

    // A line that is not JSON is reported with its file and line; the watch goes on.
    try append("{\"id\": broken\n", to: posts)
    // Ten reposts of one low-risk story, in several writes (one cut inside a line): heating at 3 and at 10 only.
    let reposts = (0..<10).map { jsonLine(id: "R\($0 + 1)", text: repost(finesText, $0)) }.joined()
    let pieces = [0, 250, 700, reposts.utf8.count].map { reposts.utf8.index(reposts.startIndex, offsetBy: $0) }
    for index in 0..<3 {
        try append(String(reposts[pieces[index]..<pieces[index + 1]]), to: posts)
        Thread.sleep(forTimeInterval: 0.2)
    }
    #expect(watch.wait(seconds: 5) { $0.alerts.count >= 3 })
    Thread.sleep(forTimeInterval: 0.6)
    let alerts = watch.alerts
    #expect(alerts.count == 3, "\(alerts)")
    let heating = alerts.dropFirst()
    #expect(heating.map { $0["kind"] as? String } == ["heating", "heating"])
    #expect(heating.map { $0["window_count"] as? Int } == [3, 10])
    #expect(heating.map { $0["level"] as? String } == ["warm", "hot"])
    #expect(heating.map { $0["id"] as? String } == ["R3", "R10"])
    #expect(heating.map { $0["county"] as? String } == ["临泉县", "临泉县"])
    #expect(
        Set(heating.map { $0["cluster"] as? Int }).count == 1
            && heating.first?["cluster"] as? Int != first["cluster"] as? Int)
    #expect(watch.errorText.contains("\(posts):3:"), "no message naming the bad line: \(watch.errorText)")
    #expect(watch.process.isRunning)
}

@Test func watchAlertsOnFilesArrivingInAFolder() throws {
    let folder = temporaryFolder()
    let inbox = folder + "/inbox"
    try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    let watch = try RunningWatch([inbox], folder: folder)
    defer { watch.stop() }
    #expect(watch.waitUntilReady(), "not ready: \(watch.errorText)")
    let lines =
        [jsonLine(id: "F1", text: beatingText)] + (0..<3).map { jsonLine(id: "G\($0)", text: repost(finesText, $0)) }
    // Written under a temporary name, then renamed into place, as a collector would.
    try lines.joined().write(toFile: inbox + "/batch-001.jsonl.part", atomically: false, encoding: .utf8)
    try FileManager.default.moveItem(atPath: inbox + "/batch-001.jsonl.part", toPath: inbox + "/batch-001.jsonl")
    #expect(watch.wait(seconds: 3) { $0.alerts.count >= 2 })
    Thread.sleep(forTimeInterval: 0.4)
    #expect(watch.alerts.map { $0["kind"] as? String } == ["high_risk", "heating"])
    #expect(watch.alerts.map { $0["id"] as? String } == ["F1", "G2"])
}

@Test func watchReadsStandardInputAndGoesOnWhenTheWebhookFails() throws {
    let folder = temporaryFolder()
    let input = folder + "/in.jsonl"
    try append(jsonLine(id: "S1", text: beatingText + "，联系电话13812345678") + "{\"text\": 3}\n", to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: triageExecutable)
    // Port 1 on the loopback refuses connections at once.
    process.arguments = ["watch", "--webhook", "http://127.0.0.1:1/alerts", "--lexicons", repositoryRoot + "/Lexicons"]
    process.standardInput = FileHandle(forReadingAtPath: input)
    let output = folder + "/out"
    let errors = folder + "/err"
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    _ = FileManager.default.createFile(atPath: errors, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: output)
    process.standardError = FileHandle(forWritingAtPath: errors)
    try process.run()
    process.waitUntilExit()
    let written = try String(contentsOfFile: output, encoding: .utf8)
    let messages = try String(contentsOfFile: errors, encoding: .utf8)
    #expect(process.terminationStatus == 1, "a line could not be read: exit status 1")
    #expect(written.split(separator: "\n").count == 1 && written.contains("\"kind\":\"high_risk\""))
    #expect(written.contains("138****5678") && !written.contains("13812345678"))
    #expect(messages.contains("<stdin>:2:"), "\(messages)")
    #expect(messages.contains("webhook: POST to 127.0.0.1 failed"), "\(messages)")
}

@Test func aReplayWithEventTimeCountsPostsByWhenTheyWereReceived() throws {
    let folder = temporaryFolder()
    let posts = folder + "/day.jsonl"
    func line(_ id: String, _ text: String, at time: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: ["id": id, "text": text, "received_at": time])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
    // Yesterday's posts: one story reposted every 35 minutes (never 3 within an hour), then ten reposts of another
    // within half an hour.
    var day = (0..<6).map { index in
        let minutes = 8 * 60 + index * 35
        let time = String(format: "2023-05-06T%02d:%02d:00+08:00", minutes / 60, minutes % 60)
        return line("S\(index)", repost(finesText, index), at: time)
    }
    day += (0..<10).map {
        line("T\($0)", repost(otherTexts[0], $0), at: String(format: "2023-05-06T14:%02d:00+08:00", $0 * 3))
    }
    try append(day.joined(), to: posts)
    let watch = try RunningWatch([posts, "--from-start", "--event-time", "--window", "3600"], folder: folder)
    defer { watch.stop() }
    #expect(watch.wait(seconds: 8) { $0.alerts.count >= 2 })
    Thread.sleep(forTimeInterval: 0.5)
    let alerts = watch.alerts
    #expect(alerts.allSatisfy { ($0["id"] as? String)?.hasPrefix("T") == true }, "\(alerts)")
    #expect(alerts.map { $0["window_count"] as? Int } == [3, 10])
    #expect((alerts.first?["time"] as? String)?.hasPrefix("2023-05-06T14:06") == true, "\(alerts)")
}

@Test func watchPicksUpEditedLexiconsWithoutARestart() throws {
    let folder = temporaryFolder()
    let lexicons = folder + "/Lexicons"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Lexicons", toPath: lexicons)
    let posts = folder + "/posts.jsonl"
    try append("", to: posts)
    let watch = try RunningWatch([posts, "--all"], folder: folder, lexicons: lexicons)
    defer { watch.stop() }
    #expect(watch.waitUntilReady(), "not ready: \(watch.errorText)")
    let text = "路政的人在路边摆摊卖烤红薯"
    /// Appends the text under an id and returns the sub-type the watch gave it.
    func post(_ id: String) throws -> Int? {
        func subtype() -> Int? {
            let alert = watch.alerts.first { $0["id"] as? String == id }
            return (alert?["subtype"] as? [String: Any])?["id"] as? Int
        }
        try append(jsonLine(id: id, text: text) + "\n", to: posts)
        _ = watch.wait(seconds: 10) { _ in subtype() != nil }
        return subtype()
    }
    #expect(try post("before") != 21)

    try Data("subtype 21\nrule s21.test-sweet-potato 0.9\n    any 烤红薯\n".utf8).write(
        to: URL(fileURLWithPath: lexicons + "/rules/zz-test.rules"))
    #expect(watch.wait(seconds: 10) { $0.errorText.contains("lexicons reloaded") }, "\(watch.errorText)")
    #expect(try post("after") == 21)

    // A broken edit is reported with its file and line, and the set in use stays.
    try Data("subtype 21\nrule s21.test-sweet-potato 7\n".utf8).write(
        to: URL(fileURLWithPath: lexicons + "/rules/zz-test.rules"))
    #expect(watch.wait(seconds: 10) { $0.errorText.contains("zz-test.rules:2") }, "\(watch.errorText)")
    #expect(try post("still") == 21)
}
