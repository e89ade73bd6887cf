import Foundation
import Pipeline

/// What the watch tells the dispatch center about one incident (a cluster of items), as one JSON line.
public struct Alert: Sendable, Equatable {
    /// Why the alert is given.
    public enum Kind: String, Sendable, CaseIterable {
        /// A high-risk item arrived in an incident that had no `high_risk` alert yet.
        case highRisk = "high_risk"
        /// The incident's heat level rose above the level last announced (warm, hot or viral).
        case heating
        /// The incident's reports in the window fell well below the level last announced.
        case cooling
        /// No alert: an item line, written only when every item is asked for (`--all`).
        case item
    }

    /// Why.
    public let kind: Kind
    /// When (seconds since 1970).
    public let time: Double
    /// The incident's cluster number.
    public let clusterID: Int
    /// Every item of the incident so far.
    public let clusterSize: Int
    /// The incident's items within the window.
    public let windowCount: Int
    /// The window, in seconds.
    public let windowSeconds: Double
    /// The heat level of `windowCount`.
    public let level: HeatLevel
    /// The level announced before (heating, cooling).
    public let previousLevel: HeatLevel?
    /// The item that raised it (none for `cooling`, which time raises).
    public let item: WatchedItem?
    /// The item that describes the incident: the high-risk item itself, else the incident's most serious report.
    public let incident: WatchedItem
    /// When the incident's first item arrived (seconds since 1970).
    public let firstSeen: Double
    /// When its last item arrived.
    public let lastSeen: Double

    /// The alert as one line of JSON (without the newline), snake_case keys, in a fixed order: kind, time, cluster,
    /// size, window_count, window_seconds, level, previous_level, id, channel, received_at (of the item that raised
    /// it), incident_id, in_scope, subtype {id, name}, risk {level, reasons, escalate}, county, unit, excerpt (of
    /// the item describing the incident, personal data masked), first_seen, last_seen (ISO 8601, China time).
    public var jsonLine: [UInt8] {
        var json = JSONLineWriter()
        json.openObject()
        json.write("kind", kind.rawValue)
        json.write("time", Alert.timestamp(time))
        json.write("cluster", clusterID)
        json.write("size", clusterSize)
        json.write("window_count", windowCount)
        json.write("window_seconds", windowSeconds)
        json.write("level", level.rawValue)
        json.write("previous_level", previousLevel?.rawValue)
        json.write("id", item?.id)
        json.write("channel", item?.channel)
        json.write("received_at", item?.receivedAt)
        json.write("incident_id", incident.id)
        json.write("in_scope", incident.inScope)
        json.openObject("subtype")
        json.write("id", incident.subtypeID)
        json.write("name", incident.subtypeName)
        json.closeObject()
        json.openObject("risk")
        json.write("level", incident.risk.rawValue)
        json.openArray("reasons")
        for reason in incident.reasons { json.write(nil, reason) }
        json.closeArray()
        json.write("escalate", incident.escalate)
        json.closeObject()
        json.write("county", incident.county)
        json.write("unit", incident.unit)
        json.write("excerpt", incident.excerpt)
        json.write("first_seen", Alert.timestamp(firstSeen))
        json.write("last_seen", Alert.timestamp(lastSeen))
        json.closeObject()
        return json.bytes
    }

    /// Seconds since 1970 as an ISO 8601 timestamp in China time (+08:00), to the millisecond.
    public static func timestamp(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
