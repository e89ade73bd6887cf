/// Where a case stands in the 交办 workflow (附件1 §三(三)).
///
/// registered → assigned → investigating → concluded → rectifying (substantiated only) → feedback given →
/// written off (销号). An unsubstantiated case goes from concluded straight to feedback given.
public enum CaseState: String, Sendable, CaseIterable, Codable {
    case registered
    case assigned
    case investigating
    case concluded
    case rectifying
    case feedbackGiven = "feedback_given"
    case writtenOff = "written_off"

    /// The Chinese name used in letters, ledgers and briefs.
    public var chineseName: String {
        switch self {
        case .registered: "已登记"
        case .assigned: "已交办"
        case .investigating: "核查中"
        case .concluded: "已办结核查"
        case .rectifying: "整改中"
        case .feedbackGiven: "已反馈"
        case .writtenOff: "已销号"
        }
    }

    /// Whether the case is still open (not written off).
    public var isOpen: Bool { self != .writtenOff }

    /// Whether the investigation deadline still runs (assigned or investigating).
    public var awaitsConclusion: Bool { self == .assigned || self == .investigating }
}

/// What a transition brings with it; which fields are required depends on the target state.
public struct TransitionDetails: Sendable, Equatable {
    /// The investigation's conclusion (required to conclude).
    public var conclusion: String?
    /// Whether the conclusion found the complaint substantiated (required to conclude).
    public var substantiated: Bool?
    /// The rectification measures (required to start rectifying).
    public var measures: String?
    /// The rectification time limit (required to start rectifying).
    public var rectifyBy: String?
    /// Who is responsible for the rectification (department and person), optional.
    public var responsible: String?
    /// The feedback record given to the complainant and the office (required for feedback given).
    public var feedback: String?

    /// Creates transition details; every field defaults to absent.
    public init(
        conclusion: String? = nil, substantiated: Bool? = nil, measures: String? = nil, rectifyBy: String? = nil,
        responsible: String? = nil, feedback: String? = nil
    ) {
        self.conclusion = conclusion
        self.substantiated = substantiated
        self.measures = measures
        self.rectifyBy = rectifyBy
        self.responsible = responsible
        self.feedback = feedback
    }
}

extension TransitionDetails {
    /// What the step brought, in a line for the audit trail (when no reason is given).
    public func summary(for state: CaseState) -> String? {
        switch state {
        case .concluded:
            return "\(substantiated == true ? "属实" : "不属实")：\(conclusion ?? "")"
        case .rectifying:
            return "整改措施：\(measures ?? "")；时限：\(rectifyBy ?? "")" + (responsible.map { "；责任：\($0)" } ?? "")
        case .feedbackGiven:
            return "反馈：\(feedback ?? "")"
        case .registered, .assigned, .investigating, .writtenOff:
            return nil
        }
    }
}

extension CaseState {
    /// Checks that a case in this state may move to `target` with `details`, given whether an earlier conclusion
    /// found it substantiated; returns nil when allowed, else the reason it is refused.
    ///
    /// Assignment is its own operation (`CaseStore.assign`), so `registered → assigned` is refused here.
    public func refusal(to target: CaseState, details: TransitionDetails, substantiated: Bool?) -> String? {
        func blank(_ text: String?) -> Bool { (text ?? "").allSatisfy(\.isWhitespace) }
        switch (self, target) {
        case (.registered, .assigned):
            return "a case is assigned with `case assign`, which numbers the letter and sets the deadline"
        case (.assigned, .investigating):
            return nil
        case (.investigating, .concluded):
            if blank(details.conclusion) { return "concluding needs the conclusion text" }
            if details.substantiated == nil { return "concluding needs whether the complaint is substantiated" }
            return nil
        case (.concluded, .rectifying):
            if substantiated != true { return "only a substantiated case is rectified" }
            if blank(details.measures) { return "rectifying needs the rectification measures" }
            if blank(details.rectifyBy) { return "rectifying needs the rectification time limit" }
            return nil
        case (.concluded, .feedbackGiven):
            if substantiated == true { return "a substantiated case is rectified before feedback is given" }
            if blank(details.feedback) { return "giving feedback needs the feedback record" }
            return nil
        case (.rectifying, .feedbackGiven):
            if blank(details.feedback) { return "giving feedback needs the feedback record" }
            return nil
        case (.feedbackGiven, .writtenOff):
            return nil
        default:
            let next = nextStates(substantiated: substantiated).map(\.rawValue).joined(separator: " or ")
            let allowed = next.isEmpty ? "none: the case is written off" : next
            return "\(rawValue) → \(target.rawValue) is not a step of the workflow (next: \(allowed))"
        }
    }

    /// The states a case in this state may move to next.
    public func nextStates(substantiated: Bool?) -> [CaseState] {
        switch self {
        case .registered: [.assigned]
        case .assigned: [.investigating]
        case .investigating: [.concluded]
        case .concluded: substantiated == true ? [.rectifying] : [.feedbackGiven]
        case .rectifying: [.feedbackGiven]
        case .feedbackGiven: [.writtenOff]
        case .writtenOff: []
        }
    }
}
