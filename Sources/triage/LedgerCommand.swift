import ArgumentParser
import CaseReports
import Cases
import Foundation

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Write the four-lists ledger (问题清单、措施清单、时限清单、责任清单) of 附件3.",
        discussion: """
            Columns as in 附件3: 序号, 问题方面, 表现形式, 具体案例, 问题来源, 整改措施, 整改时限, 整改责任部门/责任人, \
            under the title and the 填报单位 / 填报时间 lines. Every one of the 21 rows of 附件3 is present; each case \
            is a row under its sub-type (the letter number, then the masked summary). CSV is UTF-8 with a byte-order \
            mark and CRLF line ends (opens in Excel and WPS); cells that start like a formula get a leading \
            apostrophe. xlsx is a workbook with one sheet, 问题清单.
            """
    )

    @Option(help: "csv or xlsx.") var format = "csv"
    @Option(help: "The file to write (standard output for csv when not given).") var output: String?
    @Option(help: "Only this unit's cases; the unit is then the 填报单位.") var unit: String?
    @Option(help: "The 填报单位 (default: the unit given, else the office).") var filler: String?
    @Option(help: "The 填报时间 (YYYY-MM-DD; default: today in China).") var filledOn: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard format == "csv" || format == "xlsx" else {
            throw ValidationError("--format: csv or xlsx, not '\(format)'")
        }
        guard format == "csv" || output != nil else { throw ValidationError("an xlsx ledger needs --output FILE") }
        let office = try storeOptions.office()
        let documents = OfficeDocuments(
            store: try storeOptions.open(office), taxonomy: office.taxonomy, office: office.jurisdiction.office)
        let day = try filledOn.map { try parseDate($0, option: "--filled-on") } ?? ChinaTime.today()
        do {
            let ledger = try documents.ledger(filter: CaseFilter(unit: unit), filler: filler ?? unit, filledAt: day)
            let data = format == "csv" ? Data(try ledger.csv()) : try ledger.xlsx()
            try writeDocument(data, to: output)
            if let output {
                FileHandle.standardError.write(
                    Data("ledger: \(ledger.entries.count) cases written to \(output)\n".utf8))
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
