import Foundation
import Intake
import Pipeline
import TestSupport
import Testing
import TextDecoding

/// Reads a whole stream.
private func readAll(_ stream: ClueStream) throws -> [ReadRecord] {
    var records: [ReadRecord] = []
    while true {
        let batch = try stream.next(maximum: 3)
        if batch.isEmpty { return records }
        records += batch
    }
}

private func texts(_ records: [ReadRecord]) -> [String] {
    records.compactMap { if case .clue(let input, _) = $0 { input.text } else { nil } }
}

private func rejects(_ records: [ReadRecord]) -> [RejectedRecord] {
    records.compactMap { if case .rejected(let reject) = $0 { reject } else { nil } }
}

/// A GB18030 work-order export with a multi-line quoted field, a row of invalid bytes and a row with a stray quote
/// in the middle.
private func brokenExport() throws -> [UInt8] {
    var bytes = try TextEncoding.gb18030.encode(
        """
        工单编号,受理渠道,受理时间,诉求内容
        A1,12345,2023-10-09,"来电人反映：太和县治超站罚款不开票，诉求退款。"
        A2,12328,2023-10-09,"来电人称：阜南县执法大队设卡，
        每辆三轮车罚两百，说是必须完成任务。"

        """)
    bytes += Array("A3,12345,2023-10-09,".utf8) + [0xFF, 0xFE, 0x81, 0x20] + Array("broken\n".utf8)
    bytes += try TextEncoding.gb18030.encode("A4,12345,2023-10-10,来电人\"说了一半\n")
    bytes += try TextEncoding.gb18030.encode("A5,12328,2023-10-10,\"来电人反映：界首市执法人员打人，老人住院。\"\n")
    return bytes
}

@Test(arguments: [5, 64, 1 << 20])
func aBrokenRowInAGB18030ExportCostsOnlyItself(chunkSize: Int) throws {
    let stream = ClueStream(name: "export.csv", bytes: try brokenExport(), chunkSize: chunkSize)
    let records = try readAll(stream)
    #expect(stream.encoding == .gb18030)
    #expect(
        texts(records) == [
            "来电人反映：太和县治超站罚款不开票，诉求退款。", "来电人称：阜南县执法大队设卡，\n每辆三轮车罚两百，说是必须完成任务。",
            "来电人反映：界首市执法人员打人，老人住院。",
        ])
    let rejected = rejects(records)
    #expect(rejected.map(\.line) == [5, 6])
    #expect(rejected[0].reason.contains("not valid GB18030"))
    #expect(rejected[0].rawBytes.contains(0xFF))
    #expect(rejected[1].reason.contains("quote"))
    let ids = records.compactMap { if case .clue(let input, _) = $0 { input.id } else { nil } }
    #expect(ids == ["A1", "A2", "A5"])
}

@Test func aQuoteNeverClosedGivesTheFollowingRowsBack() throws {
    let csv = "内容,编号\n\"开头有引号却没结束,1\n第二条,2\n第三条,3\n"
    let records = try readAll(ClueStream(name: "x.csv", bytes: Array(csv.utf8)))
    #expect(texts(records) == ["第二条", "第三条"])
    #expect(rejects(records).map(\.line) == [2])
}

@Test func jsonLinesKeepTheGoodAroundTheBad() throws {
    let long = String(repeating: "罚", count: ClueReader.maximumTextLength + 1)
    let lines = [
        #"{"id":"1","text":"治超站乱罚款"}"#, #"{"id":"2","text":"#, #"{"id":"3","text":"  "}"#,
        #"{"id":"4","text":"\#(long)"}"#, #"{"id":"5","text":"运管扣车"}"#,
    ]
    let records = try readAll(ClueStream(name: "x.jsonl", bytes: Array(lines.joined(separator: "\r\n").utf8)))
    #expect(texts(records) == ["治超站乱罚款", "运管扣车"])
    #expect(rejects(records).map(\.line) == [2, 3, 4])
    #expect(rejects(records)[2].reason.contains("limit"))
}

@Test func headersAreRecognisedOrMappedAndAMissingTextColumnIsAnError() throws {
    let usual = "来电时间,反映内容,渠道\n2023-10-09,路政扣车,12328\n"
    let records = try readAll(ClueStream(name: "a.csv", bytes: Array(usual.utf8)))
    guard case .clue(let input, let line) = records.first else {
        Issue.record("no clue")
        return
    }
    #expect(input.text == "路政扣车" && input.channel == "12328" && input.receivedAt == "2023-10-09" && line == 2)
    let unusual = "时间,来电摘要\n2023-10-09,路政扣车\n"
    #expect(throws: IntakeError.self) { _ = try readAll(ClueStream(name: "b.csv", bytes: Array(unusual.utf8))) }
    let mapped = try readAll(ClueStream(name: "b.csv", bytes: Array(unusual.utf8), columns: ["text": "来电摘要"]))
    #expect(texts(mapped) == ["路政扣车"])
}

@Test func utf16InputIsRead() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "治超站乱罚款\n运管扣车\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(texts(try readAll(ClueStream(name: "x.txt", bytes: bytes))) == ["治超站乱罚款", "运管扣车"])
}

@Test func theIngestCommandWritesRejectsAndSaysSo() throws {
    let folder = temporaryFolder()
    try Data(try brokenExport()).write(to: URL(fileURLWithPath: folder + "/export.csv"))
    let (status, output) = try runTriage(
        ["ingest", folder + "/export.csv", "--store", folder + "/t.sqlite", "--json", "--quiet"], folder: folder)
    #expect(status == 1)
    #expect(output.contains("\"registered\":3") && output.contains("\"rejected\":2"))
    let rejected = try String(contentsOfFile: folder + "/t.sqlite.rejects.jsonl", encoding: .utf8)
        .split(separator: "\n")
    #expect(rejected.count == 2)
    #expect(rejected[0].contains("\"line\":5") && rejected[0].contains("raw_base64"))
}

@Test func aHugeLineIsRejectedWithoutHoldingIt() throws {
    var bytes = Array(#"{"text":"治超站乱罚款"}"#.utf8) + [0x0A]
    bytes += Array(#"{"text":""#.utf8) + [UInt8](repeating: 0x41, count: ClueStream.maximumLineBytes + 10) + [0x0A]
    bytes += Array(#"{"text":"运管扣车"}"#.utf8)
    let records = try readAll(ClueStream(name: "x.jsonl", bytes: bytes, chunkSize: 1 << 16))
    #expect(texts(records) == ["治超站乱罚款", "运管扣车"])
    let rejected = rejects(records)
    #expect(rejected.map(\.line) == [2])
    #expect(rejected.first?.rawBytes.count == 1024)
    #expect(rejected.first?.reason.contains("4 MiB") == true)
}

@Test func aDamagedLineInUTF8InputDoesNotMakeTheRestGB18030() throws {
    var bytes = Array("治超站乱罚款不开票\n运管扣车不给手续\n".utf8)
    bytes += Array("坏的".utf8) + [0xFF, 0xFE, 0x0A]
    bytes += Array("路政执法人员打人\n".utf8)
    let records = try readAll(ClueStream(name: "x.txt", bytes: bytes))
    #expect(texts(records) == ["治超站乱罚款不开票", "运管扣车不给手续", "路政执法人员打人"])
    #expect(rejects(records).map(\.line) == [3])
    #expect(rejects(records).first?.reason == "not valid UTF-8")
}

@Test func gb18030InputWithOneUTF8LookalikeStaysGB18030() throws {
    var bytes = try TextEncoding.gb18030.encode("治超站乱罚款不开票\n运管扣车不给手续\n路政执法人员打人\n")
    bytes += Array("ok\n".utf8)
    let records = try readAll(ClueStream(name: "x.txt", bytes: bytes))
    #expect(texts(records) == ["治超站乱罚款不开票", "运管扣车不给手续", "路政执法人员打人", "ok"])
}

@Test func classifyWritesOneObjectPerLineAndKeepsTheGoodAroundTheBad() throws {
    let folder = temporaryFolder()
    var bytes = Array(#"{"id":"a","text":"路政乱罚款不开票"}"#.utf8) + [0x0A, 0x0A]
    bytes += Array(#"{"id":"b","text":"坏"#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8) + [0x0A]
    bytes += Array("{not json\n".utf8)
    bytes += Array("临泉县治超站的人打人\n".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: folder + "/clues.jsonl"))
    let (status, output) = try runTriage(["classify", folder + "/clues.jsonl", "--batch-size", "2"], folder: folder)
    #expect(status == 1)
    let objects = try output.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects.count == 5)
    guard objects.count == 5 else { return }
    #expect(objects[0]["id"] as? String == "a" && objects[0]["in_scope"] as? Bool == true)
    #expect(objects[1]["error"] as? String == "empty line")
    #expect(objects[2]["line"] as? Int == 3 && objects[2]["error"] as? String == "not valid UTF-8")
    #expect(objects[3]["line"] as? Int == 4 && objects[3]["error"] as? String == "not a valid JSON object")
    #expect((objects[4]["risk"] as? [String: Any])?["level"] as? String == "high")
    let errors = try String(contentsOfFile: folder + "/run.err", encoding: .utf8)
    #expect(errors.contains("clues.jsonl:3: not valid UTF-8") && errors.contains("clues.jsonl:4:"))
}

@Test func classifyReadsWorkOrderCSV() throws {
    let folder = temporaryFolder()
    let csv = "工单编号,诉求内容\nW1,\"来电人反映：太和县治超站\n罚款不开票\"\nW2,出租车公司乱收份子钱\n"
    try Data(try TextEncoding.gb18030.encode(csv)).write(to: URL(fileURLWithPath: folder + "/orders.csv"))
    let (status, output) = try runTriage(["classify", folder + "/orders.csv"], folder: folder)
    #expect(status == 0)
    let lines = output.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.contains(#""id":"W1","in_scope":true"#) == true)
    #expect(lines.last?.contains(#""id":"W2","in_scope":false"#) == true)
}
