import Foundation
import GRDB
import Intake
import TestSupport
import Testing

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

@Test func theLifeOfACaseWorksFromTheCommandLine() throws {
    let folder = temporaryFolder()
    let store = ["--store", folder + "/triage.sqlite"]
    func triage(_ arguments: String...) throws -> (Int32, String) {
        try runTriage(arguments + store, folder: folder, name: "step")
    }
    #expect(try triage("ingest", fixturePath("other-incidents.jsonl"), "--no-assign").0 == 0)
    let (assigned, letterLine) = try triage("case", "assign", "3", "--on", "2023-09-28")
    #expect(assigned == 0)
    #expect(letterLine.contains("阜交整治交〔2023〕1号") && letterLine.contains("due 2023-10-11"))
    #expect(try triage("case", "transition", "3", "concluded", "--conclusion", "属实", "--substantiated").0 != 0)
    #expect(try triage("case", "transition", "3", "investigating").0 == 0)
    #expect(try triage("case", "extend", "3", "--days", "3", "--reason", "需调取视频").1.contains("2023-10-16"))
    #expect(try triage("case", "transition", "3", "concluded", "--conclusion", "属实", "--substantiated").0 == 0)
    #expect(try triage("case", "transition", "3", "rectifying", "--measures", "约谈当事人").0 != 0)
    #expect(
        try triage("case", "transition", "3", "rectifying", "--measures", "约谈当事人，取消指标", "--rectify-by", "2023-11-30")
            .0 == 0)
    #expect(try triage("case", "transition", "3", "feedback_given", "--feedback", "已反馈来电人").0 == 0)
    #expect(try triage("case", "transition", "3", "written_off", "--reason", "整改到位").0 == 0)
    let shown = try triage("case", "show", "3", "--json").1
    #expect(shown.contains("\"state\":\"written_off\""))
    #expect(try triage("status", "--json").1.contains("\"cases\":3,\"clues\":3"))
    let letter = try triage("letter", "阜交整治交〔2023〕1号", "--format", "html").1
    #expect(letter.contains("颍上县交通运输局") && letter.contains("2023年10月16日"))
    #expect(try triage("ledger", "--format", "csv", "--output", folder + "/ledger.csv").0 == 0)
    #expect(try triage("ledger", "--format", "xlsx", "--output", folder + "/ledger.xlsx").0 == 0)
    let csv = try String(contentsOfFile: folder + "/ledger.csv", encoding: .utf8)
    #expect(csv.contains("约谈当事人，取消指标") && csv.contains("阜交整治交〔2023〕1号"))
}

/// LibreOffice, when installed (CI installs it).
private let libreOffice: String? = ["/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/local/bin/libreoffice"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Test(.enabled(if: libreOffice != nil, "LibreOffice is not installed: skipped"))
func theLedgerWorkbookShowsTheSameRowsAsTheCSVInLibreOffice() throws {
    let folder = temporaryFolder()
    let store = ["--store", folder + "/triage.sqlite"]
    try runTriage(
        ["ingest", fixturePath("reposts.jsonl"), fixturePath("other-incidents.jsonl")] + store, folder: folder)
    try runTriage(["ledger", "--format", "csv", "--output", folder + "/ledger.csv"] + store, folder: folder)
    try runTriage(["ledger", "--format", "xlsx", "--output", folder + "/ledger.xlsx"] + store, folder: folder)
    let convert = Process()
    convert.executableURL = URL(fileURLWithPath: libreOffice!)
    convert.arguments = [
        "-env:UserInstallation=file://\(folder)/lo-profile", "--headless", "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder + "/converted", folder + "/ledger.xlsx",
    ]
    convert.standardOutput = FileHandle.nullDevice
    convert.standardError = FileHandle.nullDevice
    try convert.run()
    convert.waitUntilExit()
    func table(_ path: String) throws -> [[String]] {
        var reader = CSVReader(text: try String(contentsOfFile: path, encoding: .utf8))
        var rows: [[String]] = []
        while let record = reader.next() { rows.append(try record.fields.get()) }
        // From the header row on; the title lines above it are one merged cell in the workbook.
        return Array(rows.drop { $0.first?.hasSuffix("序号") != true })
    }
    let fromCSV = try table(folder + "/ledger.csv")
    let fromWorkbook = try table(folder + "/converted/ledger.csv")
    // The header and the 21 rows of 附件3; each of the 4 cases sits on its sub-type's row.
    #expect(fromCSV.count == 1 + 21)
    #expect(fromCSV.filter { $0[3].hasPrefix("阜交整治交〔") }.count == 4)
    #expect(fromWorkbook == fromCSV)
}

@Test func storeOutputsMaskPersonalDataUnlessAsked() throws {
    let folder = temporaryFolder()
    let store = ["--store", folder + "/triage.sqlite"]
    try runTriage(["ingest", fixturePath("personal-data.jsonl"), "--assign-on", "2023-10-10"] + store, folder: folder)
    try runTriage(["ledger", "--output", folder + "/ledger.csv"] + store, folder: folder)
    var outputs = [try String(contentsOfFile: folder + "/ledger.csv", encoding: .utf8)]
    for arguments in [
        ["case", "list"], ["case", "list", "--json"], ["case", "show", "1"], ["case", "show", "3", "--json"],
        ["letter", "阜交整治交〔2023〕1号"], ["letter", "阜交整治交〔2023〕3号", "--format", "html"],
        ["brief", "--from", "2023-10-01", "--to", "2023-10-31", "--format", "markdown"],
    ] {
        let (status, output) = try runTriage(arguments + store, folder: folder)
        #expect(status == 0, "\(arguments)")
        outputs.append(output)
    }
    let secrets = [
        "13912345678", "341204198003150012", "186-5555-1234", "5555", "0558-2345678", "341221197512250031", "王建国",
        "李秀英", "张卫东",
    ]
    for (index, output) in outputs.enumerated() {
        for secret in secrets { #expect(!output.contains(secret), "output \(index) shows \(secret)") }
    }
    let revealed = try runTriage(["case", "show", "1", "--show-personal-data"] + store, folder: folder).1
    #expect(revealed.contains("13912345678"))
}

@Test func ctrlCStopsAfterTheBatchInHandAndTheRerunCompletes() throws {
    let folder = temporaryFolder()
    let store = folder + "/triage.sqlite"
    let lines = try corpusLines()
    try (lines.joined(separator: "\n") + "\n").write(toFile: "\(folder)/all.jsonl", atomically: true, encoding: .utf8)
    let arguments = ["ingest", "\(folder)/all.jsonl", "--store", store, "--batch-size", "10", "--json"]
    let first = try launchTriage(arguments, folder: folder, name: "first")
    var registered = 0
    let deadline = Date().addingTimeInterval(120)
    while registered < 30, first.isRunning, Date() < deadline {
        Thread.sleep(forTimeInterval: 0.05)
        registered =
            (try? DatabaseQueue(path: store).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM clue") ?? 0 }) ?? 0
    }
    #expect(first.isRunning, "the first run ended before it could be interrupted")
    kill(first.processIdentifier, SIGINT)
    first.waitUntilExit()
    #expect(first.terminationStatus == 130)
    let summary = try String(contentsOfFile: "\(folder)/first.out", encoding: .utf8)
    #expect(summary.contains("\"interrupted\":true"))
    let afterStop = try DatabaseQueue(path: store).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM clue") } ?? 0
    #expect(afterStop > 0 && afterStop < lines.count && afterStop % 10 == 0)
    let (status, output) = try runTriage(arguments, folder: folder, name: "second")
    #expect(status == 0)
    #expect(output.contains("\"duplicates\":\(afterStop)") && output.contains("\"interrupted\":false"))
    #expect(
        try DatabaseQueue(path: store).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM clue") } == lines.count)
}
