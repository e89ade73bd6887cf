import Foundation
import WorkingCalendar

/// The store's in-memory index of cases for merging: open cases by county and by the week of their last report,
/// written-off cases by unit, each with its fingerprint. It answers "which case does this clue repeat?" without
/// reading every case of a county from the database for every clue.
///
/// It mirrors the database as this process last saw it; the store rebuilds it when another connection has written
/// since (SQLite's `data_version`) and after its own assignments and transitions.
final class CaseIndex {
    struct Entry {
        let id: Int64
        let fingerprint: TextFingerprint
        var firstDay: Int
        var lastDay: Int
    }

    private var open: [String: [Int: [Entry]]] = [:]
    private var writtenOff: [String: [Entry]] = [:]
    /// The longest span between a case's first and last report, so that lookups reach cases reported long before.
    private var longestSpan = 0

    /// Adds a case.
    func add(
        id: Int64, county: String?, unit: String, fingerprint: TextFingerprint, firstDay: Int, lastDay: Int,
        isWrittenOff: Bool
    ) {
        let entry = Entry(id: id, fingerprint: fingerprint, firstDay: firstDay, lastDay: lastDay)
        if isWrittenOff {
            writtenOff[unit, default: []].append(entry)
        } else {
            open[county ?? "", default: [:]][CaseIndex.week(lastDay), default: []].append(entry)
            longestSpan = max(longestSpan, lastDay - firstDay)
        }
    }

    /// The open case nearest the fingerprint, within `maxDistance` bits, with reports within `windowDays` of `day`:
    /// among the cases of the clue's county and those with no known county; for a clue with no known county (a repost
    /// that leaves the place out), among the cases of every county.
    func nearestOpen(county: String?, fingerprint: TextFingerprint, day: Int, windowDays: Int, maxDistance: Int)
        -> Entry?
    {
        let places = county.map { [$0, ""] } ?? Array(open.keys)
        var best: (Entry, Int)?
        for place in places {
            guard let weeks = open[place] else { continue }
            for week in CaseIndex.week(day - windowDays)...CaseIndex.week(day + windowDays + longestSpan) {
                for entry in weeks[week] ?? []
                where entry.lastDay >= day - windowDays && entry.firstDay <= day + windowDays {
                    let distance = entry.fingerprint.distance(to: fingerprint)
                    if distance <= maxDistance, distance < best?.1 ?? Int.max { best = (entry, distance) }
                }
            }
        }
        return best?.0
    }

    /// The written-off case of the unit nearest the fingerprint, within `maxDistance` bits.
    func nearestWrittenOff(unit: String, fingerprint: TextFingerprint, maxDistance: Int) -> Entry? {
        var best: (Entry, Int)?
        for entry in writtenOff[unit] ?? [] {
            let distance = entry.fingerprint.distance(to: fingerprint)
            if distance <= maxDistance, distance < best?.1 ?? Int.max { best = (entry, distance) }
        }
        return best?.0
    }

    /// Records a new report of an open case: its days may widen.
    func report(id: Int64, county: String?, oldLastDay: Int, firstDay: Int, lastDay: Int) {
        let key = county ?? ""
        let oldWeek = CaseIndex.week(oldLastDay)
        guard var bucket = open[key]?[oldWeek], let position = bucket.firstIndex(where: { $0.id == id }) else { return }
        var entry = bucket.remove(at: position)
        open[key]![oldWeek] = bucket
        entry.firstDay = firstDay
        entry.lastDay = lastDay
        open[key]![CaseIndex.week(lastDay), default: []].append(entry)
        longestSpan = max(longestSpan, lastDay - firstDay)
    }

    private static func week(_ day: Int) -> Int { day >= 0 ? day / 7 : (day - 6) / 7 }
}

/// The index with the database state it mirrors, behind a lock (the store is shared between threads).
final class CaseIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var index: CaseIndex?
    private var dataVersion: Int?

    /// The index, if it is still valid for the database at `version`; else nil (the caller rebuilds it).
    func take(version: Int) -> CaseIndex? {
        lock.lock()
        defer { lock.unlock() }
        guard dataVersion == version else { return nil }
        return index
    }

    /// Keeps an index valid at `version`.
    func keep(_ index: CaseIndex, version: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.index = index
        dataVersion = version
    }

    /// Forgets the index (after a change it does not follow).
    func invalidate() {
        lock.lock()
        defer { lock.unlock() }
        index = nil
        dataVersion = nil
    }
}
