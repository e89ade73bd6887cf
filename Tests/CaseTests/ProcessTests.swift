import Foundation
import GRDB
import Testing

/// The `triage` executable built beside this test bundle.
let triageExecutable: String = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [besideTests, besideTests.deletingLastPathComponent()] {
        let candidate = folder.appendingPathComponent("triage").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return repositoryRoot + "/.build/debug/triage"
}()

/// Starts `triage` with arguments; output goes to files in `folder`.
func launchTriage(_ arguments: [String], folder: String, name: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: triageExecutable)
    process.arguments = arguments + ["--lexicons", repositoryRoot + "/Lexicons"]
    _ = FileManager.default.createFile(atPath: "\(folder)/\(name).out", contents: nil)
    _ = FileManager.default.createFile(atPath: "\(folder)/\(name).err", contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: "\(folder)/\(name).out")
    process.standardError = FileHandle(forWritingAtPath: "\(folder)/\(name).err")
    try process.run()
    return process
}

/// Runs `triage` to the end and returns its exit status and standard output.
@discardableResult
func runTriage(_ arguments: [String], folder: String, name: String = "run") throws -> (Int32, String) {
    let process = try launchTriage(arguments, folder: folder, name: name)
    process.waitUntilExit()
    let output = (try? String(contentsOfFile: "\(folder)/\(name).out", encoding: .utf8)) ?? ""
    return (process.terminationStatus, output)
}

/// The labelled corpus's lines: distinct, realistic clues with ids.
func corpusLines() throws -> [String] {
    try ["train", "test"].flatMap { split in
        try String(contentsOfFile: "\(repositoryRoot)/Corpus/clues/\(split).jsonl", encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }
}

@Test func eightProcessesIngestingAtOnceNumberWithoutGapsOrRepeats() throws {
    let folder = temporaryFolder()
    let store = folder + "/triage.sqlite"
    let lines = try corpusLines()
    var processes: [Process] = []
    for index in 0..<8 {
        let part = stride(from: index, to: 8 * 45, by: 8).map { lines[$0] }
        try (part.joined(separator: "\n") + "\n").write(
            toFile: "\(folder)/part\(index).jsonl", atomically: true, encoding: .utf8)
        processes.append(
            try launchTriage(
                [
                    "ingest", "\(folder)/part\(index).jsonl", "--store", store, "--assign-on", "2024-05-06",
                    "--batch-size", "3", "--json",
                ], folder: folder, name: "ingest\(index)"))
    }
    for process in processes { process.waitUntilExit() }
    for (index, process) in processes.enumerated() {
        let errors = (try? String(contentsOfFile: "\(folder)/ingest\(index).err", encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "ingest \(index): \(errors)")
    }
    let queue = try DatabaseQueue(path: store)
    let serials = try queue.read {
        try Int.fetchAll($0, sql: "SELECT serial FROM assignment WHERE year = 2024 ORDER BY serial")
    }
    let numbers = try queue.read { try String.fetchAll($0, sql: "SELECT number FROM assignment") }
    let clues = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM clue") }
    #expect(clues == 8 * 45)
    #expect(serials.count > 100)
    #expect(serials == Array(1...serials.count))
    #expect(Set(numbers).count == numbers.count)
}

@Test func aKilledIngestLosesNothingAndTheRerunCompletesIt() throws {
    let folder = temporaryFolder()
    let store = folder + "/triage.sqlite"
    let lines = try corpusLines()
    try (lines.joined(separator: "\n") + "\n").write(toFile: "\(folder)/all.jsonl", atomically: true, encoding: .utf8)
    let arguments = [
        "ingest", "\(folder)/all.jsonl", "--store", store, "--assign-on", "2024-05-06", "--batch-size", "10",
    ]
    let first = try launchTriage(arguments, folder: folder, name: "first")
    // Kill it (SIGKILL: no chance to clean up) once some batches are in, well before the end.
    var registered = 0
    let deadline = Date().addingTimeInterval(120)
    while registered < 50, first.isRunning, Date() < deadline {
        Thread.sleep(forTimeInterval: 0.05)
        if FileManager.default.fileExists(atPath: store),
            let count = try? DatabaseQueue(path: store).read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM clue") })
        {
            registered = count
        }
    }
    #expect(first.isRunning, "the first run ended before it could be killed")
    kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()
    let queue = try DatabaseQueue(path: store)
    let afterKill = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM clue") } ?? 0
    #expect(afterKill > 0 && afterKill < lines.count)
    #expect(afterKill % 10 == 0, "a batch was half registered: \(afterKill) clues")

    let (status, output) = try runTriage(arguments + ["--json"], folder: folder, name: "second")
    #expect(status == 0)
    #expect(output.contains("\"duplicates\":\(afterKill)"))
    let (clues, keys, integrity, serials) = try queue.read { db in
        (
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM clue") ?? 0,
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT source_key) FROM clue") ?? 0,
            try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "",
            try Int.fetchAll(db, sql: "SELECT serial FROM assignment WHERE year = 2024 ORDER BY serial")
        )
    }
    #expect(clues == lines.count)
    #expect(keys == lines.count)
    #expect(integrity == "ok")
    #expect(serials == Array(1...serials.count))
}
