import Cases

/// Clusters the items of a live stream by incident and says when to alert: once when a high-risk report of an
/// incident arrives, and when the incident's heat level (its reports within the sliding window) changes.
///
/// An item joins the nearest live cluster whose county is the item's, or either names none (a repost that leaves the
/// place out still belongs to its story), and one of whose fingerprints is within `Configuration.maxDistance` bits
/// of the item's; otherwise it opens a cluster. A cluster's fingerprints are its first item's and those of up to
/// `Configuration.fingerprintsKept - 1` of its latest items that differ from them: a repost with a comment before
/// and another after the text is often more than 12 bits from the original but close to an earlier repost, while
/// unrelated texts stay about 32 bits apart. Reposts of one story therefore give one `high_risk` alert (if the story
/// is high-risk) and one `heating` alert per level crossed, not one alert per repost. A cluster with no item for two
/// windows is dropped.
///
/// Times are seconds on any monotonic scale (the watch uses seconds since 1970); they must not go backwards.
public struct HeatTracker: Sendable {
    /// What the tracker alerts on and when.
    public struct Configuration: Sendable, Equatable {
        /// The sliding window, in seconds.
        public var window: Double
        /// The window counts of the heat levels.
        public var thresholds: HeatThresholds
        /// The largest fingerprint distance, in bits of 64, between an item and one of its cluster's fingerprints.
        public var maxDistance: Int
        /// How many fingerprints a cluster keeps to compare items with: its first item's and its latest distinct.
        public var fingerprintsKept: Int
        /// Whether a fall in heat is announced (`cooling`), once the window count is under half the announced
        /// level's threshold (so a count wavering at a threshold does not alert back and forth).
        public var reportsCooling: Bool
        /// Whether clusters with no in-scope item alert on heat too (by default only in-scope incidents do).
        public var includesOutOfScope: Bool
        /// Whether an item that raises no alert still gets an `item` line (for debugging).
        public var reportsEveryItem: Bool

        /// Creates a configuration; the defaults are a one-hour window, warm/hot/viral at 3/10/30, 12 bits.
        public init(
            window: Double = 3600, thresholds: HeatThresholds = .standard, maxDistance: Int = 12,
            fingerprintsKept: Int = 8, reportsCooling: Bool = true, includesOutOfScope: Bool = false,
            reportsEveryItem: Bool = false
        ) {
            self.window = window
            self.thresholds = thresholds
            self.maxDistance = maxDistance
            self.fingerprintsKept = max(1, fingerprintsKept)
            self.reportsCooling = reportsCooling
            self.includesOutOfScope = includesOutOfScope
            self.reportsEveryItem = reportsEveryItem
        }
    }

    /// The reports of one incident.
    public struct Cluster: Sendable, Equatable {
        /// Its number, from 1 in order of creation.
        public let id: Int
        /// The fingerprints later items are compared with: its first item's, then its latest distinct ones.
        public fileprivate(set) var fingerprints: [TextFingerprint]
        /// The county of its items.
        public let county: String?
        /// Every item it has had.
        public fileprivate(set) var size = 0
        /// The arrival times of its items within the window, oldest first.
        public fileprivate(set) var arrivals: [Double] = []
        /// When its first item arrived.
        public let firstSeen: Double
        /// When its last item arrived.
        public fileprivate(set) var lastSeen: Double
        /// The item that describes it best (in scope, highest risk, earliest).
        public fileprivate(set) var representative: WatchedItem
        /// Whether any of its items is in scope.
        public fileprivate(set) var inScope = false
        /// The level last announced (`quiet` until a `heating` alert).
        public fileprivate(set) var announcedLevel = HeatLevel.quiet
        /// Whether a `high_risk` alert was given for it.
        public fileprivate(set) var highRiskAlerted = false

        /// Its items within the window.
        public var windowCount: Int { arrivals.count }

        fileprivate init(id: Int, first item: WatchedItem, at time: Double) {
            self.id = id
            fingerprints = [item.fingerprint]
            county = item.county
            firstSeen = time
            lastSeen = time
            representative = item
        }

        /// The smallest distance from a fingerprint to one of the cluster's.
        public func distance(to fingerprint: TextFingerprint) -> Int {
            fingerprints.reduce(64) { min($0, $1.distance(to: fingerprint)) }
        }

        /// Keeps a member's fingerprint (unless it is already kept), forgetting the oldest but the first.
        fileprivate mutating func keep(_ fingerprint: TextFingerprint, limit: Int) {
            guard !fingerprints.contains(fingerprint) else { return }
            fingerprints.append(fingerprint)
            if fingerprints.count > limit { fingerprints.remove(at: 1) }
        }

        /// Forgets arrivals older than the window.
        fileprivate mutating func prune(at time: Double, window: Double) {
            let cutoff = time - window
            if let keep = arrivals.firstIndex(where: { $0 > cutoff }) {
                arrivals.removeSubrange(..<keep)
            } else {
                arrivals.removeAll()
            }
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The live clusters, oldest first.
    public private(set) var clusters: [Cluster] = []
    private var nextID = 1

    /// Creates an empty tracker.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Takes an item arriving at `time` and returns the alerts it raises, if any (expiry and cooling included).
    public mutating func observe(_ item: WatchedItem, at time: Double) -> [Alert] {
        var alerts = expire(at: time)
        let index: Int
        if let nearest = nearestCluster(to: item) {
            index = nearest
        } else {
            clusters.append(Cluster(id: nextID, first: item, at: time))
            nextID += 1
            index = clusters.count - 1
        }
        var cluster = clusters[index]
        cluster.size += 1
        cluster.arrivals.append(time)
        cluster.prune(at: time, window: configuration.window)
        cluster.lastSeen = time
        cluster.keep(item.fingerprint, limit: configuration.fingerprintsKept)
        cluster.inScope = cluster.inScope || item.inScope
        if item.describesBetter(than: cluster.representative) { cluster.representative = item }

        var raised: [Alert] = []
        if item.inScope, item.risk == .high, !cluster.highRiskAlerted {
            cluster.highRiskAlerted = true
            raised.append(alert(.highRisk, cluster, item: item, incident: item, previous: nil, at: time))
        }
        let level = configuration.thresholds.level(forCount: cluster.windowCount)
        if level >= .warm, level > cluster.announcedLevel, cluster.inScope || configuration.includesOutOfScope {
            let previous = cluster.announcedLevel
            cluster.announcedLevel = level
            raised.append(
                alert(.heating, cluster, item: item, incident: cluster.representative, previous: previous, at: time))
        }
        if raised.isEmpty, configuration.reportsEveryItem {
            raised.append(alert(.item, cluster, item: item, incident: item, previous: nil, at: time))
        }
        clusters[index] = cluster
        alerts.append(contentsOf: raised)
        return alerts
    }

    /// Lets time pass: forgets arrivals older than the window, drops clusters with no item for two windows, and
    /// returns the `cooling` alerts that are due. Call it now and then when no item arrives.
    public mutating func expire(at time: Double) -> [Alert] {
        let window = configuration.window
        clusters.removeAll { time - $0.lastSeen > 2 * window }
        var alerts: [Alert] = []
        for index in clusters.indices {
            clusters[index].prune(at: time, window: window)
            let cluster = clusters[index]
            guard configuration.reportsCooling, cluster.announcedLevel >= .warm else { continue }
            let announced = cluster.announcedLevel
            let count = cluster.windowCount
            guard count * 2 < configuration.thresholds.threshold(of: announced) else { continue }
            let level = configuration.thresholds.level(forCount: count)
            clusters[index].announcedLevel = level
            alerts.append(
                alert(
                    .cooling, clusters[index], item: nil, incident: cluster.representative, previous: announced,
                    at: time))
        }
        return alerts
    }

    /// The cluster an item belongs to: same county (or either names none), a fingerprint within `maxDistance`,
    /// nearest (then most recent).
    private func nearestCluster(to item: WatchedItem) -> Int? {
        var best: (index: Int, distance: Int, lastSeen: Double)?
        for (index, cluster) in clusters.enumerated()
        where cluster.county == item.county || cluster.county == nil || item.county == nil {
            let distance = cluster.distance(to: item.fingerprint)
            guard distance <= configuration.maxDistance else { continue }
            if let current = best,
                distance > current.distance || (distance == current.distance && cluster.lastSeen < current.lastSeen)
            {
                continue
            }
            best = (index, distance, cluster.lastSeen)
        }
        return best?.index
    }

    private func alert(
        _ kind: Alert.Kind, _ cluster: Cluster, item: WatchedItem?, incident: WatchedItem, previous: HeatLevel?,
        at time: Double
    ) -> Alert {
        Alert(
            kind: kind, time: time, clusterID: cluster.id, clusterSize: cluster.size,
            windowCount: cluster.windowCount, windowSeconds: configuration.window,
            level: configuration.thresholds.level(forCount: cluster.windowCount), previousLevel: previous,
            item: item, incident: incident, firstSeen: cluster.firstSeen, lastSeen: cluster.lastSeen)
    }
}
