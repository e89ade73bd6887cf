import WorkingCalendar

/// The case store: where clues are registered, merged into cases, assigned, tracked and written off.
///
/// SQLite (`SQLiteCaseStore`) is the embedded default; a PostgreSQL backend implements the same protocol. Every
/// operation is one transaction: it happens whole or not at all, whatever kills the process.
public protocol CaseStore: Sendable {
    /// Registers clues in one transaction: each is skipped when its source key is already stored, else stored and,
    /// when in scope, merged into a matching open case, linked to a matching written-off case as a recurrence, or
    /// opened as a new case; new cases whose unit is known are assigned at once when `options.assignOn` is set.
    func register(_ clues: [NewClue], options: RegistrationOptions) throws(CaseStoreError) -> [RegistrationOutcome]

    /// Assigns a registered case to a unit (its routed unit when `unit` is nil): numbers the letter, counts the
    /// deadline on the statutory calendar, and moves the case to `assigned`.
    func assign(caseID: Int64, unit: String?, on date: CivilDate, by actor: String, at time: String)
        throws(CaseStoreError) -> Assignment

    /// Moves a case to the next state of the workflow with what that step needs; refuses skipped steps and missing
    /// details with the reason.
    func transition(
        caseID: Int64, to state: CaseState, details: TransitionDetails, by actor: String, at time: String,
        reason: String?
    ) throws(CaseStoreError) -> CaseFile

    /// Extends the investigation deadline of an assigned case by a number of working days, with a reason.
    func extend(caseID: Int64, workingDays: Int, reason: String, by actor: String, at time: String)
        throws(CaseStoreError) -> Assignment

    /// The cases matching a filter, newest first, each with its current assignment.
    func cases(matching filter: CaseFilter) throws(CaseStoreError) -> [CaseSummary]

    /// Everything about one case: the case, its clues, assignments, extensions and audit trail.
    func caseDetail(id: Int64) throws(CaseStoreError) -> CaseDetail

    /// The assignment with a letter number.
    func assignment(number: String) throws(CaseStoreError) -> Assignment

    /// The clues received in a date range (inclusive), for statistics.
    func clues(receivedFrom from: CivilDate, to: CivilDate) throws(CaseStoreError) -> [StoredClue]

    /// How many clues and cases the store holds, and cases by state.
    func counts() throws(CaseStoreError) -> StoreCounts
}

/// A clue ready to register: what intake read and what the analysis said about it.
public struct NewClue: Sendable, Equatable {
    /// What makes the clue unique (its source id, else a content hash): a clue already stored is skipped.
    public var sourceKey: String
    /// The id the source gave it (工单编号), if any.
    public var sourceID: String?
    /// Where it was read from (file:line).
    public var source: String?
    /// The channel it came through (12345, 12328, 信访, media …).
    public var channel: String?
    /// When the source received it, as the source wrote it.
    public var receivedAt: String?
    /// The text as it came (protected).
    public var rawText: String
    /// The text with personal data masked.
    public var maskedText: String
    /// The personal data found, unmasked, as JSON (protected).
    public var contact: String?
    /// The classification record (masked JSON).
    public var record: String
    /// The version of the lexicons that classified it.
    public var lexiconVersion: String
    /// Whether it concerns transport enforcement conduct (out-of-scope clues get no case).
    public var inScope: Bool
    /// The primary sub-type (0 when out of scope), its category and the secondary sub-types.
    public var subtype: Int
    public var category: Int?
    public var secondary: [Int]
    /// The risk level (none, low, medium, high), escalation (提级调查) and referral (纪检监察).
    public var risk: String
    public var escalate: Bool
    public var referDiscipline: Bool
    /// The county or district it happened in, if known.
    public var county: String?
    /// The routed unit (the office when the place is unknown or the clue is escalated).
    public var unit: String
    /// Whether the office must choose the unit by hand.
    public var manualRoute: Bool
    /// The near-duplicate fingerprint of its normalised text.
    public var fingerprint: TextFingerprint

    /// Creates a clue to register.
    public init(
        sourceKey: String, sourceID: String? = nil, source: String? = nil, channel: String? = nil,
        receivedAt: String? = nil, rawText: String, maskedText: String, contact: String? = nil, record: String,
        lexiconVersion: String, inScope: Bool, subtype: Int, category: Int?, secondary: [Int] = [], risk: String,
        escalate: Bool, referDiscipline: Bool, county: String?, unit: String, manualRoute: Bool,
        fingerprint: TextFingerprint
    ) {
        self.sourceKey = sourceKey
        self.sourceID = sourceID
        self.source = source
        self.channel = channel
        self.receivedAt = receivedAt
        self.rawText = rawText
        self.maskedText = maskedText
        self.contact = contact
        self.record = record
        self.lexiconVersion = lexiconVersion
        self.inScope = inScope
        self.subtype = subtype
        self.category = category
        self.secondary = secondary
        self.risk = risk
        self.escalate = escalate
        self.referDiscipline = referDiscipline
        self.county = county
        self.unit = unit
        self.manualRoute = manualRoute
        self.fingerprint = fingerprint
    }
}

/// How registration merges and assigns.
public struct RegistrationOptions: Sendable {
    /// Two texts whose fingerprints differ in at most this many bits (of 64) report the same incident, when they
    /// also name the same place (county), or one of them names none, and arrive within `windowDays` of each other.
    public var maxDistance: Int
    /// How many days apart two reports of one open incident may arrive.
    public var windowDays: Int
    /// Assign new cases with a known unit on this date (nil: leave them registered).
    public var assignOn: CivilDate?
    /// The day registration happens (the received date of clues that do not give one).
    public var today: CivilDate
    /// The timestamp recorded in audit entries.
    public var time: String
    /// Who registers (recorded in the audit trail).
    public var actor: String

    /// Creates options; the thresholds default to what the merge tests were written against.
    public init(
        today: CivilDate, time: String, actor: String, assignOn: CivilDate? = nil, maxDistance: Int = 12,
        windowDays: Int = 30
    ) {
        self.today = today
        self.time = time
        self.actor = actor
        self.assignOn = assignOn
        self.maxDistance = maxDistance
        self.windowDays = windowDays
    }
}

/// What registration did with one clue.
public enum RegistrationOutcome: Sendable, Equatable {
    /// Already stored (same source key): nothing changed.
    case duplicate(clueID: Int64)
    /// Stored, out of scope: no case.
    case outOfScope(clueID: Int64)
    /// Stored and opened a new case (assigned when a number is given).
    case newCase(clueID: Int64, caseID: Int64, number: String?)
    /// Stored and attached to an open case reporting the same incident.
    case merged(clueID: Int64, caseID: Int64)
    /// Stored as a new case that repeats a written-off case at the same unit (flagged sub-type 19).
    case recurrence(clueID: Int64, caseID: Int64, of: Int64, number: String?)
}

/// Which cases to list.
public struct CaseFilter: Sendable {
    /// Only the cases of this unit.
    public var unit: String?
    /// Only the cases in this state.
    public var state: CaseState?
    /// Only the cases with this sub-type, as primary or secondary.
    public var subtype: Int?
    /// Only cases whose investigation deadline passed before this day and that are not concluded.
    public var overdueOn: CivilDate?
    /// Only cases at this risk level or above (none, low, medium, high).
    public var minimumRisk: String?
    /// Only escalated (or only not escalated) cases.
    public var escalated: Bool?
    /// Only cases flagged (or not) for referral to discipline inspection.
    public var referDiscipline: Bool?
    /// Only cases opened (first received) in this range.
    public var receivedFrom: CivilDate?
    public var receivedTo: CivilDate?
    /// At most this many cases.
    public var limit: Int?

    /// Creates a filter; every criterion defaults to absent (all cases).
    public init(
        unit: String? = nil, state: CaseState? = nil, subtype: Int? = nil, overdueOn: CivilDate? = nil,
        minimumRisk: String? = nil, escalated: Bool? = nil, referDiscipline: Bool? = nil,
        receivedFrom: CivilDate? = nil, receivedTo: CivilDate? = nil, limit: Int? = nil
    ) {
        self.unit = unit
        self.state = state
        self.subtype = subtype
        self.overdueOn = overdueOn
        self.minimumRisk = minimumRisk
        self.escalated = escalated
        self.referDiscipline = referDiscipline
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
        self.limit = limit
    }
}

/// A case with its current assignment.
public struct CaseSummary: Sendable, Equatable {
    /// The case.
    public let caseFile: CaseFile
    /// Its latest assignment, if it was assigned.
    public let assignment: Assignment?
}

/// Everything about one case.
public struct CaseDetail: Sendable, Equatable {
    public let caseFile: CaseFile
    public let clues: [StoredClue]
    public let assignments: [Assignment]
    public let extensions: [DeadlineExtension]
    public let audit: [AuditEntry]
}

/// What the store holds.
public struct StoreCounts: Sendable, Equatable {
    /// Every clue registered, in scope or not.
    public let clues: Int
    /// Every case.
    public let cases: Int
    /// Cases by state.
    public let byState: [CaseState: Int]
}

/// The risk levels in order, for comparisons.
public enum RiskRank {
    /// The levels, lowest first.
    public static let levels = ["none", "low", "medium", "high"]

    /// none < low < medium < high; unknown levels rank lowest.
    public static func rank(_ level: String) -> Int { levels.firstIndex(of: level) ?? 0 }
}
