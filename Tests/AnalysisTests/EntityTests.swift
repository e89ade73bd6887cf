import Entities
import Foundation
import Pipeline
import Testing

/// The repository's Lexicons/ folder, loaded once.
let lexicons: LexiconSet = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    do { return try LexiconSet(directory: root + "/Lexicons") } catch {
        fatalError("Lexicons/ does not load: \(error)")
    }
}()

/// The mentions of a kind in a text.
func mentions(_ kind: EntityKind, in text: String, receivedAt: String? = nil) throws -> [EntityMention] {
    try Analyzer(lexicons: lexicons).analyze(text, receivedAt: receivedAt).entities.mentions.filter { $0.kind == kind }
}

@Test(arguments: [
    ("车牌皖K·12345被扣了", "皖K12345"),
    ("我的车皖K12345在路边", "皖K12345"),
    ("新能源车皖KD12345也被拦", "皖KD12345"),
    ("半挂车皖K1234挂超载", "皖K1234挂"),
    ("车号皖k·5678a的货车", "皖K5678A"),
])
func platesAreFoundAndNormalised(text: String, plate: String) throws {
    #expect(try mentions(.plate, in: text).map(\.value) == [plate])
}

@Test(arguments: ["皖K123被拦", "皖K1234567被拦", "皖KABCDE被拦"])
func thingsThatAreNotPlates(text: String) throws {
    #expect(try mentions(.plate, in: text).isEmpty)
}

@Test(arguments: [
    ("路政罚款2000元不开票", 2000.0),
    ("他们收了1.5万元", 15000),
    ("最后罚了两千块", 2000),
    ("前后交了三万多", 30000),
    ("直接罚了一千五", 1500),
    ("塞了个红包五百元", 500),
    ("罚款3,000块钱", 3000),
    ("罚款2000", 2000),
])
func sumsAreNormalisedToYuan(text: String, yuan: Double) throws {
    #expect(try mentions(.amount, in: text).compactMap { Double($0.value) } == [yuan])
}

@Test(arguments: ["路边西瓜两块钱一斤", "我开了20年的车", "跑一趟能挣三百元一天工资", "有人把截图发给12345了", "我又打给12328"])
func pricesAndOtherNumbersAreNotSumsAtStake(text: String) throws {
    #expect(try mentions(.amount, in: text).isEmpty)
}

@Test func datesResolveAgainstTheDayReceived() throws {
    let received = "2023-06-01T09:00:00+08:00"  // a Thursday
    let text = "3月5日被罚，昨天又被拦，上周五还扣了车，2023年2月1日也有一次"
    let values = try mentions(.date, in: text, receivedAt: received).map(\.value)
    #expect(values == ["2023-03-05", "2023-05-31", "2023-05-26", "2023-02-01"])
    #expect(try mentions(.date, in: "3月5日被罚").map(\.value) == ["3月5日"])
}

@Test func timesOfDay() throws {
    #expect(try mentions(.time, in: "下午3点在路口，15:30才放行").map(\.value) == ["下午3点", "15:30"])
}

@Test func phoneNumbers() throws {
    #expect(try mentions(.phone, in: "电话13800001111，座机0558-2567371").map(\.value) == ["13800001111", "0558-2567371"])
    #expect(try mentions(.phone, in: "联系方式：2567371").map(\.value) == ["2567371"])
    #expect(try mentions(.phone, in: "单号1380000111122223333").isEmpty)  // 19 digits: neither phone nor ID
    #expect(
        try mentions(.phone, in: "手机 186-5555-1234，或 139 1234 5678").map(\.value) == ["186-5555-1234", "139 1234 5678"])
    #expect(try mentions(.phone, in: "编号186-5555-12345").isEmpty)  // a last group of five: not a mobile number
    #expect(try mentions(.phone, in: "罚款 100-2000-3000 元不等").isEmpty)  // does not start like a mobile number
}

@Test func idNumbersNeedAValidChecksum() throws {
    #expect(try mentions(.idNumber, in: "身份证11010519491231002X").map(\.value) == ["11010519491231002X"])
    #expect(try mentions(.idNumber, in: "身份证341221198503120003，").map(\.value) == ["341221198503120003"])
    #expect(try mentions(.idNumber, in: "身份证341221198503120004").isEmpty)
    #expect(try mentions(.idNumber, in: "编号1341221198503120003").isEmpty)  // 19 digits
}

@Test func badgeNumbersAndBodies() throws {
    #expect(try mentions(.badge, in: "执法证号34120012345的人").map(\.value) == ["34120012345"])
    #expect(try mentions(.body, in: "在临泉县治超站被拦").map(\.value) == ["临泉县治超站"])
}

@Test func complainantNamesAreFoundAndMasked() throws {
    #expect(try mentions(.name, in: "我叫张伟，在颍上被罚").map(\.value) == ["张伟"])
    #expect(try mentions(.name, in: "来电人李女士反映").map(\.value) == ["李女士"])
    #expect(try mentions(.name, in: "我是太和县的李秀英，昨天被扣车").map(\.value) == ["李秀英"])
    #expect(try mentions(.name, in: "我是跑运输的，昨天被扣车").isEmpty)
    #expect(PersonalData.maskName("张伟") == "张*")
    #expect(PersonalData.maskPhone("13812345678") == "138****5678")
    #expect(PersonalData.maskIDNumber("341221198503120003") == "3412**********0003")
}

@Test(
    arguments: [
        ("在杨桥镇被治超站拦下", "临泉县"),
        ("颍上县八里河镇的货车", "颍上县"),
        ("从临泉拉货到阜南，在阜南县王家坝镇被扣", "阜南县"),
        ("在阜阳被拦了", nil),
        ("在G105上被拦", nil),
    ] as [(String, String?)])
func theCountyComesFromThePlaces(text: String, county: String?) throws {
    #expect(try Analyzer(lexicons: lexicons).analyze(text).entities.county == county)
}

@Test func routingFollowsTheJurisdictionFile() {
    let jurisdiction = lexicons.jurisdiction
    #expect(jurisdiction.route(county: "临泉县", escalate: false).unit == "临泉县交通运输局")
    #expect(jurisdiction.route(county: "颍州区", escalate: false).unit == "市交通执法支队")
    #expect(jurisdiction.route(county: "阜合现代产业园区", escalate: false).unit == "市交通执法支队")
    let unknown = jurisdiction.route(county: nil, escalate: true)
    #expect(unknown.unit == jurisdiction.office)
    #expect(unknown.manual)
    #expect(unknown.escalatedTo == jurisdiction.office)
}
