import Cases
import Dispatch
import Pipeline

/// Bulk registration: reads batches from clue streams, analyses each batch on every core, and registers it in the
/// store in one transaction, so a run killed at any moment has registered whole batches only and a rerun
/// registers exactly the rest (the rest's keys are not in the store yet).
public final class Ingestor {
    /// The store clues are registered in.
    public let store: any CaseStore
    /// How registration merges and assigns.
    public let options: RegistrationOptions
    /// Clues read, analysed and registered at a time (one transaction).
    public let batchSize: Int
    private let pool: AnalyzerPool
    private let lexiconVersion: String
    /// What has been done so far, over every stream given to `ingest`.
    public private(set) var summary = IngestSummary()

    /// Creates an ingestor with `jobs` analysers (one per core is best).
    public init(
        lexicons: LexiconSet, lexiconVersion: String, store: any CaseStore, options: RegistrationOptions, jobs: Int,
        batchSize: Int
    ) throws {
        self.store = store
        self.options = options
        self.batchSize = max(1, batchSize)
        self.lexiconVersion = lexiconVersion
        pool = try AnalyzerPool(lexicons: lexicons, workers: jobs)
    }

    /// Reads a stream to its end, registering its clues batch by batch; rejects go to `rejected` as they are found,
    /// and `progress` is called after every batch. When `shouldStop` says so (Ctrl-C), it stops after the batch in
    /// hand is registered and marks the summary interrupted; running the same input again registers the rest.
    ///
    /// - Throws: `IntakeError` when the input cannot be read at all, `CaseStoreError` when the store fails (the
    ///   batches before are registered), or what `rejected` throws.
    public func ingest(
        _ stream: ClueStream, rejected: (RejectedRecord) throws -> Void, progress: (IngestSummary) -> Void,
        shouldStop: () -> Bool = { false }
    ) throws {
        // While one batch is registered (one thread, one transaction), the next is read and analysed on the others.
        let registering = BackgroundRegistration()
        func finishRegistering() throws {
            guard let (outcomes, clues) = try registering.wait() else { return }
            summary.add(outcomes, clues: clues)
            progress(summary)
        }
        while true {
            if shouldStop() {
                summary.interrupted = true
                break
            }
            let records = try stream.next(maximum: batchSize)
            if records.isEmpty { break }
            var inputs: [(ClueInput, String)] = []
            for record in records {
                summary.read += 1
                switch record {
                case .clue(let input, let line): inputs.append((input, "\(stream.name):\(line)"))
                case .rejected(let reject):
                    summary.rejected += 1
                    try rejected(reject)
                }
            }
            let version = lexiconVersion
            let clues = pool.map(inputs) { analyzer, input in
                Registrar(analyzer: analyzer, lexiconVersion: version).newClue(for: input.0, source: input.1)
            }
            try finishRegistering()
            if clues.isEmpty {
                progress(summary)
            } else {
                registering.start(clues, store: store, options: options)
            }
        }
        try finishRegistering()
    }
}

/// One batch registered on a background thread; `wait` returns its outcome (or throws its error) on the caller's.
private final class BackgroundRegistration: @unchecked Sendable {
    private let group = DispatchGroup()
    private let queue = DispatchQueue(label: "triage.ingest.register")
    // Written by the background thread before `group.leave()`, read after `group.wait()`.
    private var clues: [NewClue]?
    private var result: Result<[RegistrationOutcome], CaseStoreError>?

    func start(_ clues: [NewClue], store: any CaseStore, options: RegistrationOptions) {
        self.clues = clues
        group.enter()
        queue.async {
            do throws(CaseStoreError) {
                self.result = .success(try store.register(clues, options: options))
            } catch {
                self.result = .failure(error)
            }
            self.group.leave()
        }
    }

    /// The outcomes of the batch started last, once registered; nil when none is in flight.
    func wait() throws(CaseStoreError) -> ([RegistrationOutcome], [NewClue])? {
        group.wait()
        guard let clues, let result else { return nil }
        self.clues = nil
        self.result = nil
        return (try result.get(), clues)
    }
}

/// What an ingest run did.
public struct IngestSummary: Encodable, Sendable, Equatable {
    public var read = 0
    public var registered = 0
    public var newCases = 0
    public var merged = 0
    public var recurrences = 0
    public var outOfScope = 0
    public var duplicates = 0
    public var rejected = 0
    public var assigned = 0
    public var escalated = 0
    public var referDiscipline = 0
    public var waitingForRouting = 0
    public var bySubtype: [String: Int] = [:]
    public var byRisk: [String: Int] = [:]
    public var rejectsFile: String?
    /// Whether the run was stopped before the end of its input (rerun it to register the rest).
    public var interrupted = false

    /// An empty summary.
    public init() {}

    /// Counts what registration did with a batch.
    public mutating func add(_ outcomes: [RegistrationOutcome], clues: [NewClue]) {
        for (outcome, clue) in zip(outcomes, clues) {
            var number: String?
            switch outcome {
            case .duplicate:
                duplicates += 1
                continue
            case .outOfScope:
                outOfScope += 1
            case .newCase(_, _, let assigned):
                newCases += 1
                number = assigned
                if clue.manualRoute, assigned == nil { waitingForRouting += 1 }
            case .merged:
                merged += 1
            case .recurrence(_, _, _, let assigned):
                recurrences += 1
                number = assigned
            }
            registered += 1
            if number != nil { assigned += 1 }
            if clue.escalate { escalated += 1 }
            if clue.referDiscipline { referDiscipline += 1 }
            bySubtype[clue.inScope ? String(clue.subtype) : "out_of_scope", default: 0] += 1
            byRisk[clue.risk, default: 0] += 1
        }
    }

    /// The summary for a person.
    public func lines(store: String) -> [String] {
        var lines = [
            "read \(read) · registered \(registered) · duplicates skipped \(duplicates) · rejected \(rejected)",
            "cases: \(newCases) new, \(merged) clues merged into existing cases, \(recurrences) recurrences (19), "
                + "\(outOfScope) clues out of scope",
            "assigned \(assigned) · escalated (提级调查) \(escalated) · referral (纪检监察) \(referDiscipline) · "
                + "waiting for manual routing \(waitingForRouting)",
        ]
        let subtypes = bySubtype.sorted { (Int($0.key) ?? 99, $0.key) < (Int($1.key) ?? 99, $1.key) }
        lines.append("by sub-type: " + subtypes.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        let risks = RiskRank.levels.reversed().compactMap { level in byRisk[level].map { "\(level)=\($0)" } }
        lines.append("by risk: " + risks.joined(separator: " "))
        lines.append("store: \(store)")
        if let rejectsFile { lines.append("rejects: \(rejectsFile)") }
        if interrupted { lines.append("interrupted: run the same command again to register the rest") }
        return lines
    }
}
