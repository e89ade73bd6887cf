import ArgumentParser
import CaseReports
import Foundation

struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write the assignment letter (交办函) with a unified number.",
        discussion: """
            The letter names the unit, the clue (masked), its sub-type, how often it was reported, the deadline \
            (5 working days, or as extended) and what the unit must report back: the conclusion (属实/不属实), the \
            measures, the time limit and who is responsible, then the rectification feedback for write-off (销号). \
            Escalation (提级调查) and referral to discipline inspection are stated when flagged.
            """
    )

    @Argument(help: "The letter number, e.g. 阜交整治交〔2023〕12号.") var number: String
    @Option(help: "markdown or html.") var format = "markdown"
    @Option(help: "The file to write (standard output when not given).") var output: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard format == "markdown" || format == "html" else {
            throw ValidationError("--format: markdown or html, not '\(format)'")
        }
        let office = try storeOptions.office()
        let documents = OfficeDocuments(
            store: try storeOptions.open(office), taxonomy: office.taxonomy, office: office.jurisdiction.office)
        do {
            let letter = try documents.letter(number: number)
            try writeDocument(Data((format == "html" ? letter.html() : letter.markdown()).utf8), to: output)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
