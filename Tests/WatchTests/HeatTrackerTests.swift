import Cases
import Foundation
import Testing
import Watch

@Test func aHighRiskItemGivesOneAlertAndItsRepostsNoMore() throws {
    let reports = try items((0..<5).map { repost(beatingText, $0) })
    #expect(reports[0].risk == .high && reports[0].inScope)
    var tracker = HeatTracker()
    let first = tracker.observe(reports[0], at: 1000)
    #expect(first.map(\.kind) == [.highRisk])
    #expect(first.first?.clusterSize == 1 && first.first?.windowCount == 1 && first.first?.level == .quiet)
    #expect(first.first?.item?.id == "p1")
    // Reposts join the incident: no second high_risk alert, one heating alert at 3.
    var later: [Alert] = []
    for (index, report) in reports.dropFirst().enumerated() {
        later += tracker.observe(report, at: 1010 + Double(index))
    }
    #expect(later.map(\.kind) == [.heating])
    #expect(later.first?.level == .warm && later.first?.windowCount == 3 && later.first?.item?.id == "p3")
    #expect(tracker.clusters.count == 1 && tracker.clusters.first?.size == 5)
}

@Test func lowRiskSinglesGiveNoAlert() throws {
    var tracker = HeatTracker()
    var alerts: [Alert] = []
    for (index, report) in try items([finesText] + otherTexts).enumerated() {
        #expect(report.risk != .high)
        alerts += tracker.observe(report, at: Double(index) * 60)
    }
    #expect(alerts.isEmpty)
    #expect(tracker.clusters.count == 4)
}

@Test func twelveRepostsWithinAnHourAlertAtThreeAndTenOnly() throws {
    let reports = try items((0..<12).map { repost(finesText, $0) })
    #expect(reports.allSatisfy { $0.inScope && $0.risk == .low && $0.county == "临泉县" })
    var tracker = HeatTracker()
    var alerts: [Alert] = []
    for (index, report) in reports.enumerated() {
        alerts += tracker.observe(report, at: 5000 + Double(index) * 300)
    }
    #expect(alerts.map(\.kind) == [.heating, .heating])
    #expect(alerts.map(\.windowCount) == [3, 10])
    #expect(alerts.map(\.level) == [.warm, .hot])
    #expect(alerts.map(\.previousLevel) == [.quiet, .warm])
    #expect(alerts.map { $0.item?.id } == ["p3", "p10"])
    #expect(tracker.clusters.count == 1 && tracker.clusters.first?.size == 12)
}

@Test func theSameStoryInTwoCountiesIsTwoIncidents() throws {
    let linquan = try item(finesText)
    let taihe = try item(finesText.replacingOccurrences(of: "临泉县", with: "太和县"))
    #expect(linquan.county == "临泉县" && taihe.county == "太和县")
    #expect(linquan.fingerprint.distance(to: taihe.fingerprint) <= 12, "the texts alone would cluster")
    var tracker = HeatTracker()
    var alerts: [Alert] = []
    for (index, report) in [linquan, taihe, linquan, taihe].enumerated() {
        alerts += tracker.observe(report, at: Double(index))
    }
    #expect(tracker.clusters.count == 2)
    #expect(tracker.clusters.map(\.size) == [2, 2])
    #expect(alerts.isEmpty, "two reports each: neither incident is warm")
}

@Test func unrelatedTextsMakeSeparateClusters() throws {
    let reports = try items([finesText, beatingText] + otherTexts)
    var tracker = HeatTracker()
    for (index, report) in reports.enumerated() { _ = tracker.observe(report, at: Double(index)) }
    #expect(tracker.clusters.count == reports.count)
    #expect(tracker.clusters.map(\.id) == Array(1...reports.count))
}

@Test func theWindowCountFallsAsReportsAgeAndOldIncidentsAreForgotten() throws {
    let reports = try items((0..<4).map { repost(finesText, $0) })
    var tracker = HeatTracker(configuration: HeatTracker.Configuration(window: 3600))
    var alerts: [Alert] = []
    for index in 0..<3 { alerts += tracker.observe(reports[index], at: Double(index) * 10) }
    #expect(alerts.map(\.kind) == [.heating])
    // An hour and a bit later the three are out of the window: the fourth report counts alone.
    let late = tracker.observe(reports[3], at: 3700)
    #expect(late.map(\.kind) == [.cooling])
    #expect(late.first?.previousLevel == .warm && late.first?.level == .quiet)
    #expect(tracker.clusters.first?.windowCount == 1 && tracker.clusters.first?.size == 4)
    #expect(tracker.expire(at: 3700 + 3599).isEmpty)
    #expect(tracker.clusters.first?.windowCount == 1)
    #expect(tracker.expire(at: 3700 + 3601).isEmpty)
    #expect(tracker.clusters.first?.windowCount == 0)
    // Two windows with no report: the incident is dropped, and the next report opens a new one.
    _ = tracker.expire(at: 3700 + 7201)
    #expect(tracker.clusters.isEmpty)
    _ = tracker.observe(reports[0], at: 3700 + 7202)
    #expect(tracker.clusters.map(\.id) == [2])
}

@Test func coolingIsAnnouncedOnceAndHeatingAgainIsAnnouncedAgain() throws {
    let reports = try items((0..<6).map { repost(finesText, $0) })
    var tracker = HeatTracker(configuration: HeatTracker.Configuration(window: 100))
    var kinds: [Alert.Kind] = []
    for index in 0..<3 { kinds += tracker.observe(reports[index], at: Double(index)).map(\.kind) }
    for second in stride(from: 3.0, through: 150, by: 0.5) { kinds += tracker.expire(at: second).map(\.kind) }
    for index in 3..<6 { kinds += tracker.observe(reports[index], at: 200 + Double(index)).map(\.kind) }
    #expect(kinds == [.heating, .cooling, .heating])
}

@Test func withoutCoolingTheHighestLevelIsAnnouncedOnce() throws {
    let reports = try items((0..<6).map { repost(finesText, $0) })
    var tracker = HeatTracker(configuration: HeatTracker.Configuration(window: 100, reportsCooling: false))
    var kinds: [Alert.Kind] = []
    for index in 0..<3 { kinds += tracker.observe(reports[index], at: Double(index)).map(\.kind) }
    for index in 3..<6 { kinds += tracker.observe(reports[index], at: 150 + Double(index)).map(\.kind) }
    #expect(kinds == [.heating])
}

@Test func outOfScopeIncidentsHeatSilentlyUnlessAskedFor() throws {
    let reports = try items((0..<3).map { repost(otherTexts[2], $0) })
    #expect(reports.allSatisfy { !$0.inScope })
    var quiet = HeatTracker()
    var loud = HeatTracker(configuration: HeatTracker.Configuration(includesOutOfScope: true))
    var everyItem = HeatTracker(configuration: HeatTracker.Configuration(reportsEveryItem: true))
    var kinds: ([Alert.Kind], [Alert.Kind], [Alert.Kind]) = ([], [], [])
    for (index, report) in reports.enumerated() {
        kinds.0 += quiet.observe(report, at: Double(index)).map(\.kind)
        kinds.1 += loud.observe(report, at: Double(index)).map(\.kind)
        kinds.2 += everyItem.observe(report, at: Double(index)).map(\.kind)
    }
    #expect(kinds.0.isEmpty)
    #expect(kinds.1 == [.heating])
    #expect(kinds.2 == [.item, .item, .item])
    #expect(quiet.clusters.first?.windowCount == 3)
}

@Test func anAlertIsOneJSONLineWithMaskedPersonalData() throws {
    let text = "执法人员把司机打伤住院，视频在抖音上传疯了，我是张三，电话13812345678，" + String(repeating: "请严肃处理。", count: 30)
    var tracker = HeatTracker()
    let alerts = tracker.observe(try item(text, id: "W-1"), at: 1_700_000_000)
    let line = try #require(alerts.first?.jsonLine)
    #expect(!line.contains(0x0A))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    #expect(object["kind"] as? String == "high_risk")
    #expect(object["id"] as? String == "W-1" && object["channel"] as? String == "weibo")
    #expect(object["cluster"] as? Int == 1 && object["size"] as? Int == 1 && object["window_count"] as? Int == 1)
    #expect(object["window_seconds"] as? Int == 3600 && object["level"] as? String == "quiet")
    #expect((object["subtype"] as? [String: Any])?["id"] as? Int == 15)
    let risk = try #require(object["risk"] as? [String: Any])
    #expect(risk["level"] as? String == "high" && (risk["reasons"] as? [String])?.contains("violence") == true)
    #expect(object["first_seen"] as? String == "2023-11-15T06:13:20.000+08:00")
    let excerpt = try #require(object["excerpt"] as? String)
    #expect(excerpt.count <= 120 && excerpt.hasSuffix("…"))
    #expect(!excerpt.contains("13812345678") && excerpt.contains("138****5678"))
    #expect(!String(decoding: line, as: UTF8.self).contains("13812345678"))
}

@Test func heatThresholdsMustIncrease() {
    #expect(HeatThresholds(warm: 3, hot: 3, viral: 30) == nil)
    #expect(HeatThresholds(warm: 1, hot: 3, viral: 30) == nil)
    let custom = HeatThresholds(warm: 2, hot: 5, viral: 8)
    #expect(custom?.level(forCount: 1) == .quiet && custom?.level(forCount: 5) == .hot)
    #expect(
        HeatThresholds.standard.level(forCount: 30) == .viral && HeatThresholds.standard.level(forCount: 29) == .hot)
}

@Test func aRepostFarFromTheFirstReportButNearAnotherJoinsTheIncident() throws {
    let original = finesText
    let commented = "//@路人甲: 真的假的 " + finesText
    let recommented = "//@路人甲: 真的假的 " + finesText + " 同样遇到过"
    let reports = try items([original, commented, recommented])
    #expect(reports[0].fingerprint.distance(to: reports[2].fingerprint) > 12, "the test needs a distant repost")
    #expect(reports[1].fingerprint.distance(to: reports[2].fingerprint) <= 12)
    var tracker = HeatTracker()
    var alerts: [Alert] = []
    for (index, report) in reports.enumerated() { alerts += tracker.observe(report, at: Double(index)) }
    #expect(tracker.clusters.count == 1)
    #expect(alerts.map(\.kind) == [.heating])
    var firstOnly = HeatTracker(configuration: HeatTracker.Configuration(fingerprintsKept: 1))
    for (index, report) in reports.enumerated() { _ = firstOnly.observe(report, at: Double(index)) }
    #expect(firstOnly.clusters.count == 2)
}

@Test func aRepostThatLeavesThePlaceOutJoinsItsStory() throws {
    let named = try item(finesText)
    let placeless = try item(finesText.replacingOccurrences(of: "临泉县", with: ""))
    try #require(named.county == "临泉县" && placeless.county == nil)
    var tracker = HeatTracker()
    var alerts: [Alert] = []
    for (index, report) in [named, placeless, placeless].enumerated() {
        alerts += tracker.observe(report, at: Double(index))
    }
    #expect(tracker.clusters.count == 1)
    #expect(alerts.map(\.kind) == [.heating] && alerts.first?.windowCount == 3)
}
