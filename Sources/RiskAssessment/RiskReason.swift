/// How dangerous a clue is for public opinion (舆情) and how serious the misconduct it reports.
public enum RiskLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case none, low, medium, high

    private var rank: Int { RiskLevel.allCases.firstIndex(of: self)! }
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}

/// The fixed list of reasons a risk assessment gives (Lexicons/risk/README.md).
public enum RiskReason: String, Sendable, Codable, CaseIterable {
    case violence
    case death
    case onlineSpread = "online-spread"
    case media
    case massGathering = "mass-gathering"
    case bribery
    case largeSum = "large-sum"
    case vulnerable
    case escalationThreat = "escalation-threat"
    case repeated
    case favouritism
    case collusion
    case coverUp = "cover-up"
    /// No rule makes the clue high, but the high-risk model is sure it is (`Lexicons/risk/README.md`); no rule file
    /// may name it.
    case model

    /// The reasons a rule of the risk lexicon may give: all but `model`.
    public static var ruleReasons: [RiskReason] { allCases.filter { $0 != .model } }

    /// The level this reason raises a clue to, or `nil` for reasons that only bear on referral.
    public var level: RiskLevel? {
        switch self {
        case .violence, .death, .onlineSpread, .media, .massGathering, .model: return .high
        case .bribery, .largeSum, .vulnerable, .escalationThreat, .repeated: return .medium
        case .favouritism, .collusion, .coverUp: return nil
        }
    }

    /// Whether this reason suggests 以权谋私、失职渎职、权钱交易 or 徇私枉法: referral to discipline inspection.
    public var refers: Bool {
        switch self {
        case .bribery, .favouritism, .collusion, .coverUp: return true
        default: return false
        }
    }
}
