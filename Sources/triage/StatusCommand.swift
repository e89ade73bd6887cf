import ArgumentParser
import Cases

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Count the clues and cases in the store, cases by state, and the overdue ones."
    )

    @Option(help: "The day overdue is judged on (YYYY-MM-DD; default: today in China).") var asOf: String?
    @Flag(help: "Print the counts as JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    struct Status: Encodable {
        let clues: Int
        let cases: Int
        let byState: [String: Int]
        let overdue: Int
    }

    func run() throws {
        let store = try storeOptions.open(try storeOptions.office())
        let day = try asOf.map { try parseDate($0, option: "--as-of") } ?? ChinaTime.today()
        let counts: StoreCounts
        let overdue: Int
        do {
            counts = try store.counts()
            overdue = try store.cases(matching: CaseFilter(overdueOn: day)).count
        } catch {
            throw ValidationError("\(error)")
        }
        let status = Status(
            clues: counts.clues, cases: counts.cases,
            byState: Dictionary(uniqueKeysWithValues: counts.byState.map { ($0.key.rawValue, $0.value) }),
            overdue: overdue)
        let output = OutputWriter(snakeCaseKeys: true)
        if json {
            try output.writeJSON(status)
        } else {
            output.write("\(status.clues) clues, \(status.cases) cases, \(overdue) overdue on \(day)")
            for state in CaseState.allCases {
                output.write("  \(state.rawValue) (\(state.chineseName)): \(counts.byState[state] ?? 0)")
            }
        }
        output.flush()
    }
}
