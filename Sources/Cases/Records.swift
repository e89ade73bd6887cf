import GRDB

// The store's records: plain structs, one per table, as GRDB's guide has them. Column names are snake_case, which
// both SQLite and PostgreSQL keep as written; each record spells them out in its CodingKeys.

/// A registered clue: one report from one channel, kept as it came with its analysis.
public struct StoredClue: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "clue"

    /// The store's id of the clue.
    public var id: Int64?
    /// What makes the clue unique: its source id, or a hash of its content (re-ingesting adds nothing).
    public var sourceKey: String
    /// The id the source gave it (工单编号), if any.
    public var sourceId: String?
    /// Where it was read from (file:line).
    public var source: String?
    /// The channel (12345, 12328, 信访, media …).
    public var channel: String?
    /// When the source received it, as the source wrote it.
    public var receivedAt: String?
    /// The day it counts for in statistics and merging: the received date, else the registration date.
    public var receivedOn: String
    /// The text as it came (protected: it may name the complainant).
    public var rawText: String
    /// The text with personal data masked: what letters, ledgers and briefs show.
    public var maskedText: String
    /// The complainant's contact and other personal data found, unmasked (protected field).
    public var contact: String?
    /// The full classification record (masked JSON) and the lexicon version that produced it.
    public var record: String
    public var lexiconVersion: String
    public var inScope: Bool
    /// The primary sub-type (0 when out of scope), its category and the secondary sub-types.
    public var subtype: Int
    public var category: Int?
    public var secondary: String
    public var risk: String
    public var escalate: Bool
    public var referDiscipline: Bool
    public var county: String?
    public var fingerprint: Int64
    /// The case the clue belongs to (none when out of scope).
    public var caseId: Int64?
    public var registeredAt: String

    /// Column names as written in the schema (snake_case), spelled out: faster than a key strategy.
    public enum CodingKeys: String, CodingKey {
        case id
        case sourceKey = "source_key"
        case sourceId = "source_id"
        case source
        case channel
        case receivedAt = "received_at"
        case receivedOn = "received_on"
        case rawText = "raw_text"
        case maskedText = "masked_text"
        case contact
        case record
        case lexiconVersion = "lexicon_version"
        case inScope = "in_scope"
        case subtype
        case category
        case secondary
        case risk
        case escalate
        case referDiscipline = "refer_discipline"
        case county
        case fingerprint
        case caseId = "case_id"
        case registeredAt = "registered_at"
    }
}

/// A case (案件): one incident, with every clue that reported it, and where it stands.
public struct CaseFile: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "case_file"

    public var id: Int64?
    public var state: CaseState
    /// The primary sub-type (1–21), its category, and the secondary sub-types (19 for a recurrence).
    public var subtype: Int
    public var category: Int
    public var secondary: String
    public var county: String?
    /// The unit responsible (the office for escalated cases and for cases waiting to be routed by hand).
    public var unit: String
    /// Whether the office must choose the unit by hand (the place is unknown).
    public var manualRoute: Bool
    public var risk: String
    public var escalated: Bool
    public var referDiscipline: Bool
    /// The first clue's masked text: the case's summary.
    public var summary: String
    public var channel: String?
    public var firstReceivedOn: String
    public var lastReceivedOn: String
    /// How many clues reported it.
    public var reportCount: Int
    /// The written-off case this one repeats (死灰复燃/重复反弹), if any.
    public var recurrenceOf: Int64?
    public var fingerprint: Int64
    public var openedAt: String
    public var conclusion: String?
    public var substantiated: Bool?
    public var measures: String?
    public var rectifyBy: String?
    public var responsible: String?
    public var feedback: String?
    public var writtenOffAt: String?

    /// The secondary sub-types as numbers.
    public var secondaryTypes: [Int] { secondary.split(separator: ",").compactMap { Int($0) } }

    /// Column names as written in the schema (snake_case), spelled out: faster than a key strategy.
    public enum CodingKeys: String, CodingKey {
        case id
        case state
        case subtype
        case category
        case secondary
        case county
        case unit
        case manualRoute = "manual_route"
        case risk
        case escalated
        case referDiscipline = "refer_discipline"
        case summary
        case channel
        case firstReceivedOn = "first_received_on"
        case lastReceivedOn = "last_received_on"
        case reportCount = "report_count"
        case recurrenceOf = "recurrence_of"
        case fingerprint
        case openedAt = "opened_at"
        case conclusion
        case substantiated
        case measures
        case rectifyBy = "rectify_by"
        case responsible
        case feedback
        case writtenOffAt = "written_off_at"
    }
}

/// An assignment (交办) of a case to a unit, with its unified number and its deadline.
public struct Assignment: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "assignment"

    public var id: Int64?
    public var caseId: Int64
    /// The unified number, e.g. 阜交整治交〔2023〕12号; unique, gap-free per year.
    public var number: String
    public var year: Int
    public var serial: Int
    public var unit: String
    public var assignedOn: String
    /// The investigation deadline (5 working days), as extended.
    public var dueOn: String
    /// Why the deadline is only an estimate (the calendar data does not cover its year), if it is.
    public var dueWarning: String?
    public var assignedBy: String

    /// Column names as written in the schema (snake_case), spelled out: faster than a key strategy.
    public enum CodingKeys: String, CodingKey {
        case id
        case caseId = "case_id"
        case number
        case year
        case serial
        case unit
        case assignedOn = "assigned_on"
        case dueOn = "due_on"
        case dueWarning = "due_warning"
        case assignedBy = "assigned_by"
    }
}

/// A deadline extension granted to a unit, with its reason.
public struct DeadlineExtension: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "deadline_extension"

    public var id: Int64?
    public var assignmentId: Int64
    public var previousDueOn: String
    public var dueOn: String
    public var reason: String
    public var grantedBy: String
    public var grantedAt: String

    /// Column names as written in the schema (snake_case), spelled out: faster than a key strategy.
    public enum CodingKeys: String, CodingKey {
        case id
        case assignmentId = "assignment_id"
        case previousDueOn = "previous_due_on"
        case dueOn = "due_on"
        case reason
        case grantedBy = "granted_by"
        case grantedAt = "granted_at"
    }
}

/// A unit that receives assignments (from the jurisdiction file).
public struct Unit: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "unit"

    public var name: String
    /// `unit`, `office` or `discipline`.
    public var kind: String

    /// Creates a unit.
    public init(name: String, kind: String) {
        self.name = name
        self.kind = kind
    }
}

/// One change to a case: who, when, from which state to which, and why. Append-only.
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit_entry"

    public var id: Int64?
    public var caseId: Int64
    public var at: String
    public var actor: String
    /// register, merge, recurrence, assign, transition, extend.
    public var action: String
    public var fromState: String?
    public var toState: String?
    public var reason: String?

    /// Column names as written in the schema (snake_case), spelled out: faster than a key strategy.
    public enum CodingKeys: String, CodingKey {
        case id
        case caseId = "case_id"
        case at
        case actor
        case action
        case fromState = "from_state"
        case toState = "to_state"
        case reason
    }
}

extension CaseState: DatabaseValueConvertible {}

extension StoredClue {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CaseFile {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Assignment {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DeadlineExtension {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AuditEntry {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
