/// How hot an incident is: from the number of its reports within the sliding window.
public enum HeatLevel: String, Sendable, CaseIterable, Comparable {
    /// Fewer reports than `warm` (one report of anything is quiet).
    case quiet
    /// Reposted or reported again: worth a look.
    case warm
    /// Spreading.
    case hot
    /// Going viral.
    case viral

    private var rank: Int { HeatLevel.allCases.firstIndex(of: self)! }
    public static func < (lhs: HeatLevel, rhs: HeatLevel) -> Bool { lhs.rank < rhs.rank }
}

/// The window counts at which an incident becomes warm, hot and viral.
public struct HeatThresholds: Sendable, Equatable {
    /// Reports in the window that make an incident warm.
    public let warm: Int
    /// … hot.
    public let hot: Int
    /// … viral.
    public let viral: Int

    /// The defaults: warm at 3 reports in the window, hot at 10, viral at 30.
    public static let standard = HeatThresholds(uncheckedWarm: 3, hot: 10, viral: 30)

    /// Creates thresholds; `nil` unless 2 ≤ warm < hot < viral.
    public init?(warm: Int, hot: Int, viral: Int) {
        guard warm >= 2, warm < hot, hot < viral else { return nil }
        self.init(uncheckedWarm: warm, hot: hot, viral: viral)
    }

    private init(uncheckedWarm warm: Int, hot: Int, viral: Int) {
        self.warm = warm
        self.hot = hot
        self.viral = viral
    }

    /// The level of a window count.
    public func level(forCount count: Int) -> HeatLevel {
        if count >= viral { return .viral }
        if count >= hot { return .hot }
        if count >= warm { return .warm }
        return .quiet
    }

    /// The window count at which a level starts (1 for quiet).
    public func threshold(of level: HeatLevel) -> Int {
        switch level {
        case .quiet: return 1
        case .warm: return warm
        case .hot: return hot
        case .viral: return viral
        }
    }
}
