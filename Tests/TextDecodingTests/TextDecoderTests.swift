import Foundation
import Testing

@testable import TextDecoding

private let sample = "来电人反映：临泉县治超站执法人员罚款2000元不开票，电话13800001111。"

@Test func utf8WithoutByteOrderMark() throws {
    let decoded = try TextDecoder().decode(Array(sample.utf8))
    #expect(decoded.text == sample)
    #expect(decoded.encoding == .utf8)
    #expect(decoded.encodingSource == .validUTF8)
}

@Test func utf8ByteOrderMarkIsRemoved() throws {
    let decoded = try TextDecoder().decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
    #expect(decoded.text == sample)
    #expect(decoded.encodingSource == .byteOrderMark)
}

@Test(arguments: [TextEncoding.utf16LittleEndian, .utf16BigEndian])
func utf16WithByteOrderMark(encoding: TextEncoding) throws {
    let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    let decoded = try TextDecoder().decode(bom + encoding.encode(sample))
    #expect(decoded.text == sample)
    #expect(decoded.encoding == encoding)
    #expect(decoded.encodingSource == .byteOrderMark)
}

@Test func gb18030IsDetectedInAFileTheTestWrites() throws {
    let csv = "工单编号,受理时间,诉求内容\nA001,2023-05-06,颍上县路政扣车三天不给手续\nA002,2023-05-07,太和县运管所办证要跑四趟\n"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID()).csv")
    try Data(TextEncoding.gb18030.encode(csv)).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let bytes = Array(try Data(contentsOf: url))
    #expect(String(validating: bytes, as: UTF8.self) == nil)
    let decoded = try TextDecoder().decode(bytes)
    #expect(decoded.text == csv)
    #expect(decoded.encoding == .gb18030)
    if case .detected = decoded.encodingSource {
    } else {
        Issue.record("expected detection, got \(decoded.encodingSource)")
    }
}

@Test func gb18030CoversCharactersOutsideGBK() throws {
    let text = "𠀀 emoji 😀 and 鱻"
    let decoded = try TextDecoder(encoding: .gb18030).decode(TextEncoding.gb18030.encode(text))
    #expect(decoded.text == text)
}

@Test func declaredEncodingWinsOverDetection() throws {
    let bytes = try TextEncoding.gb18030.encode("罚款")
    let asGB = try TextDecoder(encoding: try TextEncoding(named: "GBK")).decode(bytes)
    #expect(asGB.text == "罚款")
    #expect(asGB.encodingSource == .declared)
    // The UTF-8 bytes of 罚款 are also valid GB18030; declared GB18030 reads them as other characters.
    let misread = try TextDecoder(encoding: .gb18030).decode(Array("罚款".utf8))
    #expect(misread.text != "罚款")
}

@Test func invalidUTF8InStrictModeNamesTheByteOffset() throws {
    let bytes = Array("罚款".utf8) + [0xFF] + Array("元".utf8)
    #expect(throws: DecodingError.self) { try TextDecoder(encoding: .utf8).decode(bytes) }
    do {
        _ = try TextDecoder(encoding: .utf8).decode(bytes)
    } catch {
        #expect(error.byteOffset == 6)
        #expect(error.description.contains("byte offset 6"))
    }
}

@Test func invalidGB18030InStrictModeNamesTheByteOffset() throws {
    let good = try TextEncoding.gb18030.encode("扣车")
    let bytes = good + [0x81, 0x20] + (try TextEncoding.gb18030.encode("三天"))
    do {
        _ = try TextDecoder(encoding: .gb18030).decode(bytes)
        Issue.record("expected an error")
    } catch {
        #expect(error.byteOffset == good.count)
    }
}

@Test func lossyModeReplacesAndCounts() throws {
    let bytes = Array("罚款".utf8) + [0xFF] + Array("元".utf8) + [0xC3]
    let decoded = try TextDecoder(encoding: .utf8, mode: .lossy).decode(bytes)
    #expect(decoded.replacements == 2)
    #expect(decoded.text == "罚款\u{FFFD}元\u{FFFD}")
}

@Test func undeclaredInvalidBytesAreReportedNotGuessed() throws {
    // Not UTF-8, not GB18030: strict decoding must fail or decode faithfully, never drop bytes silently.
    let bytes: [UInt8] = [0x80, 0x80, 0xFF, 0xFE, 0x00]
    if let decoded = try? TextDecoder().decode(bytes) {
        #expect(decoded.text.unicodeScalars.count >= 3)
    }
}

@Test func emptyInput() throws {
    #expect(try TextDecoder().decode([]).text == "")
    #expect(try TextDecoder().decode([0xEF, 0xBB, 0xBF]).text == "")
}

@Test func oneMegabyteSingleLine() throws {
    let line = String(repeating: "执法人员在治超站罚款不开票", count: 30_000)
    let bytes = try TextEncoding.gb18030.encode(line)
    #expect(bytes.count > 700_000)
    let decoded = try TextDecoder().decode(bytes)
    #expect(decoded.text == line)
    #expect(decoded.encoding == .gb18030)
}

@Test func nonBMPCharactersSurvive() throws {
    let text = "司机说😡😡太气人了𠀀"
    #expect(try TextDecoder().decode(Array(text.utf8)).text == text)
    let bom: [UInt8] = [0xFF, 0xFE]
    #expect(try TextDecoder().decode(bom + TextEncoding.utf16LittleEndian.encode(text)).text == text)
}

@Test func unknownEncodingIsAnError() {
    #expect(throws: DecodingError.self) { try TextEncoding(named: "no-such-encoding") }
}

@Test(arguments: ["gbk", "GB2312", "gb18030", "GBK"])
func chineseEncodingNamesResolveToGB18030(name: String) throws {
    #expect(try TextEncoding(named: name) == .gb18030)
}
