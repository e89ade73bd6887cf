import Foundation
import GRDB
import WorkingCalendar

/// The embedded case store: one SQLite file (`triage.sqlite` by default) in WAL mode, through GRDB.
///
/// Several processes may write to the same file at once: every write is an IMMEDIATE transaction, which SQLite
/// serialises, and a writer waits up to `busyTimeout` for its turn.
public final class SQLiteCaseStore: CaseStore {
    /// The database file.
    public let path: String
    /// The working days a unit has to investigate (附件1 §三(三): 5).
    public let investigationDays = 5
    private let pool: DatabasePool
    private let calendar: StatutoryCalendar
    private let numberFormat: CaseNumberFormat
    private let index = CaseIndexCache()

    /// Opens (creating when needed) the store at `path`, brings its schema up to date, and records the units.
    ///
    /// - Throws: `CaseStoreError` when the file cannot be opened or migrated.
    public init(
        path: String, calendar: StatutoryCalendar, numberFormat: CaseNumberFormat, units: [Unit],
        busyTimeout: TimeInterval = 60
    ) throws(CaseStoreError) {
        self.path = path
        self.calendar = calendar
        self.numberFormat = numberFormat
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            pool = try SQLiteCaseStore.retryingWhileNew { try DatabasePool(path: path, configuration: configuration) }
        } catch {
            throw .storage("cannot open the store \(path): \(SQLiteCaseStore.describe(error))")
        }
        try migrate()
        try write("recording the units") { db in
            for unit in units { try unit.upsert(db) }
        }
    }

    /// Runs the migrations (see `retryingWhileNew`).
    private func migrate() throws(CaseStoreError) {
        let migrator = SQLiteCaseStore.migrator
        do {
            try SQLiteCaseStore.retryingWhileNew {
                if try pool.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
                try migrator.migrate(pool)
            }
        } catch {
            throw .storage("cannot prepare the store \(path): \(SQLiteCaseStore.describe(error))")
        }
    }

    /// Runs a step of opening the store again while it fails, up to 50 times 0.1 s apart. Processes opening a new
    /// store at the same moment race to create it: the losers see a busy database (switching it to WAL, creating
    /// the tables) or tables that already exist, wait, and find the work done.
    private static func retryingWhileNew<T>(_ step: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try step()
            } catch {
                attempt += 1
                if attempt >= 50 { throw error }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    // MARK: - Registration

    public func register(_ clues: [NewClue], options: RegistrationOptions) throws(CaseStoreError)
        -> [RegistrationOutcome]
    {
        do {
            return try write("registering clues") { db in
                // Another process may have written since the index was built: SQLite's data_version says so.
                let version = try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
                let cases = try index.take(version: version) ?? buildIndex(db)
                var outcomes: [RegistrationOutcome] = []
                outcomes.reserveCapacity(clues.count)
                for clue in clues { outcomes.append(try register(clue, options: options, index: cases, db: db)) }
                index.keep(cases, version: version)
                return outcomes
            }
        } catch {
            index.invalidate()  // it may hold cases of the rolled-back transaction
            throw error
        }
    }

    /// Reads every case's place, unit, days and fingerprint into a fresh index.
    private func buildIndex(_ db: Database) throws -> CaseIndex {
        let built = CaseIndex()
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, county, unit, state, fingerprint, first_received_on, last_received_on FROM case_file
                """)
        while let row = try rows.next() {
            let first: String = row["first_received_on"]
            let last: String = row["last_received_on"]
            let fingerprint: Int64 = row["fingerprint"]
            built.add(
                id: row["id"], county: row["county"], unit: row["unit"],
                fingerprint: TextFingerprint(bits: UInt64(bitPattern: fingerprint)),
                firstDay: CivilDate(first)?.daysSinceEpoch ?? 0, lastDay: CivilDate(last)?.daysSinceEpoch ?? 0,
                isWrittenOff: row["state"] == CaseState.writtenOff.rawValue)
        }
        return built
    }

    private func register(_ clue: NewClue, options: RegistrationOptions, index cases: CaseIndex, db: Database) throws
        -> RegistrationOutcome
    {
        if let existing = try Int64.fetchOne(
            db, sql: "SELECT id FROM clue WHERE source_key = ?", arguments: [clue.sourceKey])
        {
            return .duplicate(clueID: existing)
        }
        let received = clue.receivedAt.flatMap { CivilDate($0) } ?? options.today
        var stored = StoredClue(
            id: nil, sourceKey: clue.sourceKey, sourceId: clue.sourceID, source: clue.source, channel: clue.channel,
            receivedAt: clue.receivedAt, receivedOn: received.description, rawText: clue.rawText,
            maskedText: clue.maskedText, contact: clue.contact, record: clue.record,
            lexiconVersion: clue.lexiconVersion, inScope: clue.inScope, subtype: clue.subtype,
            category: clue.category, secondary: clue.secondary.map(String.init).joined(separator: ","),
            risk: clue.risk, escalate: clue.escalate, referDiscipline: clue.referDiscipline, county: clue.county,
            fingerprint: clue.fingerprint.storedValue, caseId: nil, registeredAt: options.time)
        guard clue.inScope, let category = clue.category else {
            try stored.insert(db)
            return .outOfScope(clueID: stored.id!)
        }

        let day = received.daysSinceEpoch
        if let nearest = cases.nearestOpen(
            county: clue.county, fingerprint: clue.fingerprint, day: day, windowDays: options.windowDays,
            maxDistance: options.maxDistance),
            var open = try CaseFile.fetchOne(db, key: nearest.id)
        {
            stored.caseId = open.id
            try stored.insert(db)
            let before = open
            open.reportCount += 1
            open.firstReceivedOn = min(open.firstReceivedOn, received.description)
            open.lastReceivedOn = max(open.lastReceivedOn, received.description)
            if RiskRank.rank(clue.risk) > RiskRank.rank(open.risk) { open.risk = clue.risk }
            open.escalated = open.escalated || clue.escalate
            open.referDiscipline = open.referDiscipline || clue.referDiscipline
            try open.updateChanges(db, from: before)
            cases.report(
                id: open.id!, county: open.county, oldLastDay: nearest.lastDay,
                firstDay: CivilDate(open.firstReceivedOn)?.daysSinceEpoch ?? day,
                lastDay: CivilDate(open.lastReceivedOn)?.daysSinceEpoch ?? day)
            try audit(
                db, caseID: open.id!, at: options.time, actor: options.actor, action: "merge",
                reason: "clue #\(stored.id!) reports the same incident (report \(open.reportCount))")
            return .merged(clueID: stored.id!, caseID: open.id!)
        }

        let repeated = try cases.nearestWrittenOff(
            unit: clue.unit, fingerprint: clue.fingerprint, maxDistance: options.maxDistance
        ).flatMap { try CaseFile.fetchOne(db, key: $0.id) }
        var secondary = clue.secondary
        if repeated != nil, clue.subtype != 19, !secondary.contains(19) { secondary.append(19) }
        var opened = CaseFile(
            id: nil, state: .registered, subtype: clue.subtype, category: category,
            secondary: secondary.map(String.init).joined(separator: ","), county: clue.county, unit: clue.unit,
            manualRoute: clue.manualRoute, risk: clue.risk, escalated: clue.escalate,
            referDiscipline: clue.referDiscipline, summary: clue.maskedText, channel: clue.channel,
            firstReceivedOn: received.description, lastReceivedOn: received.description, reportCount: 1,
            recurrenceOf: repeated?.id, fingerprint: clue.fingerprint.storedValue, openedAt: options.time)
        try opened.insert(db)
        cases.add(
            id: opened.id!, county: clue.county, unit: clue.unit, fingerprint: clue.fingerprint, firstDay: day,
            lastDay: day, isWrittenOff: false)
        stored.caseId = opened.id
        try stored.insert(db)
        try audit(
            db, caseID: opened.id!, at: options.time, actor: options.actor, action: "register", to: .registered,
            reason: "clue #\(stored.id!)")
        if let repeated {
            try audit(
                db, caseID: opened.id!, at: options.time, actor: options.actor, action: "recurrence",
                reason: "repeats written-off case #\(repeated.id!) at the same unit: flagged 19 (死灰复燃/重复反弹)")
        }
        var number: String?
        if let day = options.assignOn, !clue.manualRoute {
            number = try assign(opened, unit: clue.unit, on: day, by: options.actor, at: options.time, db: db).number
        }
        if let repeated { return .recurrence(clueID: stored.id!, caseID: opened.id!, of: repeated.id!, number: number) }
        return .newCase(clueID: stored.id!, caseID: opened.id!, number: number)
    }

    // MARK: - Assignment, transitions, extensions

    public func assign(caseID: Int64, unit: String?, on date: CivilDate, by actor: String, at time: String)
        throws(CaseStoreError) -> Assignment
    {
        defer { index.invalidate() }  // the unit may change
        return try write("assigning case #\(caseID)") { db in
            let found = try fetchCase(caseID, db: db)
            return try assign(found, unit: unit ?? found.unit, on: date, by: actor, at: time, db: db)
        }
    }

    private func assign(
        _ found: CaseFile, unit: String, on date: CivilDate, by actor: String, at time: String, db: Database
    )
        throws -> Assignment
    {
        let caseID = found.id!
        guard found.state == .registered else {
            throw CaseStoreError.refused(
                "case #\(caseID) is \(found.state.rawValue): only a registered case is assigned")
        }
        guard try Unit.fetchOne(db, key: unit) != nil else { throw CaseStoreError.notFound("the unit '\(unit)'") }
        try db.execute(
            sql: "INSERT INTO number_counter (year, last) VALUES (?, 0) ON CONFLICT (year) DO NOTHING",
            arguments: [date.year])
        try db.execute(sql: "UPDATE number_counter SET last = last + 1 WHERE year = ?", arguments: [date.year])
        let serial = try Int.fetchOne(
            db, sql: "SELECT last FROM number_counter WHERE year = ?", arguments: [date.year])!
        let deadline = calendar.due(after: date, workingDays: investigationDays)
        var assignment = Assignment(
            id: nil, caseId: caseID, number: numberFormat.number(year: date.year, serial: serial), year: date.year,
            serial: serial, unit: unit, assignedOn: date.description, dueOn: deadline.date.description,
            dueWarning: deadline.warning, assignedBy: actor)
        try assignment.insert(db)
        var updated = found
        updated.state = .assigned
        updated.unit = unit
        updated.manualRoute = false
        try updated.updateChanges(db, from: found)
        try audit(
            db, caseID: caseID, at: time, actor: actor, action: "assign", from: .registered, to: .assigned,
            reason: "\(assignment.number) to \(unit), due \(assignment.dueOn)")
        return assignment
    }

    public func transition(
        caseID: Int64, to state: CaseState, details: TransitionDetails, by actor: String, at time: String,
        reason: String?
    ) throws(CaseStoreError) -> CaseFile {
        defer { index.invalidate() }  // a written-off case moves in the index
        return try write("moving case #\(caseID) to \(state.rawValue)") { db in
            let found = try fetchCase(caseID, db: db)
            if let refusal = found.state.refusal(to: state, details: details, substantiated: found.substantiated) {
                throw CaseStoreError.refused("case #\(caseID): \(refusal)")
            }
            var updated = found
            updated.state = state
            switch state {
            case .concluded:
                updated.conclusion = details.conclusion
                updated.substantiated = details.substantiated
            case .rectifying:
                updated.measures = details.measures
                updated.rectifyBy = details.rectifyBy
                updated.responsible = details.responsible ?? found.responsible
            case .feedbackGiven:
                updated.feedback = details.feedback
            case .writtenOff:
                updated.writtenOffAt = time
            case .registered, .assigned, .investigating:
                break
            }
            try updated.updateChanges(db, from: found)
            try audit(
                db, caseID: caseID, at: time, actor: actor, action: "transition", from: found.state, to: state,
                reason: reason ?? details.summary(for: state))
            return updated
        }
    }

    public func extend(caseID: Int64, workingDays: Int, reason: String, by actor: String, at time: String)
        throws(CaseStoreError) -> Assignment
    {
        try write("extending case #\(caseID)") { db in
            let found = try fetchCase(caseID, db: db)
            guard found.state.awaitsConclusion else {
                throw CaseStoreError.refused(
                    "case #\(caseID) is \(found.state.rawValue): only an assigned or investigating case is extended")
            }
            guard !reason.allSatisfy(\.isWhitespace) else {
                throw CaseStoreError.refused("an extension needs a reason")
            }
            guard (1...30).contains(workingDays) else {
                throw CaseStoreError.invalidInput("an extension is 1 to 30 working days, not \(workingDays)")
            }
            guard
                var assignment = try Assignment.fetchOne(
                    db, sql: "SELECT * FROM assignment WHERE case_id = ? ORDER BY id DESC LIMIT 1", arguments: [caseID]),
                let due = CivilDate(assignment.dueOn)
            else { throw CaseStoreError.notFound("an assignment of case #\(caseID)") }
            let deadline = calendar.due(after: due, workingDays: workingDays)
            var granted = DeadlineExtension(
                id: nil, assignmentId: assignment.id!, previousDueOn: assignment.dueOn,
                dueOn: deadline.date.description, reason: reason, grantedBy: actor, grantedAt: time)
            try granted.insert(db)
            assignment.dueOn = deadline.date.description
            assignment.dueWarning = deadline.warning
            try assignment.update(db)
            try audit(
                db, caseID: caseID, at: time, actor: actor, action: "extend", from: found.state, to: found.state,
                reason: "due \(granted.previousDueOn) → \(granted.dueOn): \(reason)")
            return assignment
        }
    }

    // MARK: - Queries

    public func cases(matching filter: CaseFilter) throws(CaseStoreError) -> [CaseSummary] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let unit = filter.unit {
            conditions.append("c.unit = ?")
            arguments.append(unit)
        }
        if let state = filter.state {
            conditions.append("c.state = ?")
            arguments.append(state.rawValue)
        }
        if let subtype = filter.subtype {
            conditions.append("(c.subtype = ? OR ',' || c.secondary || ',' LIKE ?)")
            arguments.append(subtype)
            arguments.append("%,\(subtype),%")
        }
        if let day = filter.overdueOn {
            conditions.append(
                """
                c.state IN ('assigned', 'investigating') AND
                (SELECT due_on FROM assignment a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1) < ?
                """)
            arguments.append(day.description)
        }
        if let risk = filter.minimumRisk {
            let levels = Array(RiskRank.levels[RiskRank.rank(risk)...])
            conditions.append("c.risk IN (\(levels.map { _ in "?" }.joined(separator: ", ")))")
            arguments.append(contentsOf: levels)
        }
        if let escalated = filter.escalated {
            conditions.append("c.escalated = ?")
            arguments.append(escalated)
        }
        if let refer = filter.referDiscipline {
            conditions.append("c.refer_discipline = ?")
            arguments.append(refer)
        }
        if let from = filter.receivedFrom {
            conditions.append("c.first_received_on >= ?")
            arguments.append(from.description)
        }
        if let to = filter.receivedTo {
            conditions.append("c.first_received_on <= ?")
            arguments.append(to.description)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limit = filter.limit.map { " LIMIT \($0)" } ?? ""
        let statementArguments = StatementArguments(arguments)
        return try read("listing cases") { db in
            let cases = try CaseFile.fetchAll(
                db, sql: "SELECT c.* FROM case_file c \(whereClause) ORDER BY c.id DESC\(limit)",
                arguments: statementArguments)
            var latest: [Int64: Assignment] = [:]
            let assignments = try Assignment.fetchCursor(
                db,
                sql: """
                    SELECT * FROM assignment WHERE case_id IN
                    (SELECT c.id FROM case_file c \(whereClause) ORDER BY c.id DESC\(limit)) ORDER BY id
                    """, arguments: statementArguments)
            while let assignment = try assignments.next() { latest[assignment.caseId] = assignment }
            return cases.map { CaseSummary(caseFile: $0, assignment: latest[$0.id!]) }
        }
    }

    public func caseDetail(id: Int64) throws(CaseStoreError) -> CaseDetail {
        try read("reading case #\(id)") { db in
            let found = try fetchCase(id, db: db)
            let clues = try StoredClue.fetchAll(
                db, sql: "SELECT * FROM clue WHERE case_id = ? ORDER BY id", arguments: [id])
            let assignments = try Assignment.fetchAll(
                db, sql: "SELECT * FROM assignment WHERE case_id = ? ORDER BY id", arguments: [id])
            let extensions = try DeadlineExtension.fetchAll(
                db,
                sql: """
                    SELECT e.* FROM deadline_extension e JOIN assignment a ON a.id = e.assignment_id
                    WHERE a.case_id = ? ORDER BY e.id
                    """, arguments: [id])
            let audit = try AuditEntry.fetchAll(
                db, sql: "SELECT * FROM audit_entry WHERE case_id = ? ORDER BY id", arguments: [id])
            return CaseDetail(
                caseFile: found, clues: clues, assignments: assignments, extensions: extensions, audit: audit)
        }
    }

    public func assignment(number: String) throws(CaseStoreError) -> Assignment {
        try read("reading letter \(number)") { db in
            guard
                let found = try Assignment.fetchOne(
                    db, sql: "SELECT * FROM assignment WHERE number = ?", arguments: [number])
            else { throw CaseStoreError.notFound("the letter \(number)") }
            return found
        }
    }

    public func clues(receivedFrom from: CivilDate, to: CivilDate) throws(CaseStoreError) -> [StoredClue] {
        try read("reading clues") { db in
            try StoredClue.fetchAll(
                db, sql: "SELECT * FROM clue WHERE received_on >= ? AND received_on <= ? ORDER BY id",
                arguments: [from.description, to.description])
        }
    }

    public func counts() throws(CaseStoreError) -> StoreCounts {
        try read("counting") { db in
            let clues = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM clue") ?? 0
            var byState: [CaseState: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT state, COUNT(*) AS n FROM case_file GROUP BY state")
            while let row = try rows.next() {
                if let state = CaseState(rawValue: row["state"]) { byState[state] = row["n"] }
            }
            return StoreCounts(clues: clues, cases: byState.values.reduce(0, +), byState: byState)
        }
    }

    // MARK: - Plumbing

    private func fetchCase(_ id: Int64, db: Database) throws -> CaseFile {
        guard let found = try CaseFile.fetchOne(db, key: id) else { throw CaseStoreError.notFound("case #\(id)") }
        return found
    }

    private func audit(
        _ db: Database, caseID: Int64, at time: String, actor: String, action: String, from: CaseState? = nil,
        to: CaseState? = nil, reason: String?
    ) throws {
        var entry = AuditEntry(
            id: nil, caseId: caseID, at: time, actor: actor, action: action, fromState: from?.rawValue,
            toState: to?.rawValue, reason: reason)
        try entry.insert(db)
    }

    /// Runs `body` in one IMMEDIATE transaction: SQLite gives the write lock at BEGIN, so concurrent writers queue
    /// instead of failing at their first write.
    private func write<T>(_ what: String, _ body: (Database) throws -> T) throws(CaseStoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as CaseStoreError {
            throw error
        } catch {
            throw .storage("\(what) failed: \(SQLiteCaseStore.describe(error))")
        }
    }

    private func read<T>(_ what: String, _ body: (Database) throws -> T) throws(CaseStoreError) -> T {
        do {
            return try pool.read(body)
        } catch let error as CaseStoreError {
            throw error
        } catch {
            throw .storage("\(what) failed: \(SQLiteCaseStore.describe(error))")
        }
    }

    /// SQLite's code and message, without the SQL statement or its arguments (which may hold a clue's text).
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "no message")"
        }
        return String(describing: error)
    }
}
