import ArgumentParser
import CaseReports
import Foundation

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write the statistics brief (简报) of a period.",
        discussion: """
            Counts the clues received in the period by category, sub-type and channel, the cases opened by unit and \
            state, lists the overdue, escalated and referred cases, and gives the week-by-week trend; the HTML page \
            draws these as SVG charts (no scripts).
            """
    )

    @Option(help: "The first day (YYYY-MM-DD).") var from: String
    @Option(help: "The last day (YYYY-MM-DD).") var to: String
    @Option(help: "The day overdue is judged on (default: today in China).") var asOf: String?
    @Option(help: "html or markdown.") var format = "html"
    @Option(help: "The file to write (standard output when not given).") var output: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard format == "markdown" || format == "html" else {
            throw ValidationError("--format: html or markdown, not '\(format)'")
        }
        let first = try parseDate(from, option: "--from")
        let last = try parseDate(to, option: "--to")
        guard first <= last else { throw ValidationError("--from \(from) is after --to \(to)") }
        let office = try storeOptions.office()
        let documents = OfficeDocuments(
            store: try storeOptions.open(office), taxonomy: office.taxonomy, office: office.jurisdiction.office)
        do {
            let brief = try documents.brief(
                from: first, to: last, asOf: try asOf.map { try parseDate($0, option: "--as-of") } ?? ChinaTime.today(),
                generatedAt: ChinaTime.timestamp())
            try writeDocument(Data((format == "html" ? brief.html() : brief.markdown()).utf8), to: output)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
