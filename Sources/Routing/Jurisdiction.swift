import LexiconFormat

/// Who handles a clue, by where it happened: the units and the county-level divisions each covers, the
/// rectification office and the discipline-inspection body (`Lexicons/jurisdictions.tsv`). Another city loads its own.
public struct Jurisdiction: Sendable, Equatable {
    /// The unit for each county-level division.
    public let unitByCounty: [String: String]
    /// Every unit, in file order.
    public let units: [String]
    /// The rectification office (市局深化专项整治办): manual routing and escalations.
    public let office: String
    /// The discipline-inspection body referrals go to.
    public let discipline: String
    /// The pattern of assignment-letter numbers: `{year}` and `{serial}` are replaced, e.g. `阜交整治交〔{year}〕{serial}号`.
    public let numberFormat: String

    /// The number pattern used when the file has no `numbering` row.
    public static let defaultNumberFormat = "阜交整治交〔{year}〕{serial}号"

    /// Reads a jurisdiction file: rows `unit NAME COUNTIES…`, `office NAME`, `discipline NAME`, and optionally
    /// `numbering PATTERN`.
    ///
    /// - Throws: `LexiconError` for a malformed row, a county covered twice, a numbering pattern without `{serial}`,
    ///   or a missing office or discipline row.
    public static func load(path: String) throws(LexiconError) -> Jurisdiction {
        var unitByCounty: [String: String] = [:]
        var units: [String] = []
        var office: String?
        var discipline: String?
        var numberFormat = defaultNumberFormat
        for line in try LexiconFile(path: path).lines {
            let fields = line.fields
            switch fields.first {
            case "unit":
                guard fields.count == 3, !fields[1].isEmpty, !fields[2].isEmpty else {
                    throw LexiconError(file: path, line: line.number, reason: "expected: unit, name, counties")
                }
                units.append(fields[1])
                for county in fields[2].split(separator: " ").map(String.init) {
                    if let other = unitByCounty[county] {
                        throw LexiconError(
                            file: path, line: line.number, reason: "\(county) is already covered by \(other)")
                    }
                    unitByCounty[county] = fields[1]
                }
            case "office" where fields.count == 2:
                office = fields[1]
            case "discipline" where fields.count == 2:
                discipline = fields[1]
            case "numbering" where fields.count == 2:
                guard fields[1].contains("{serial}") else {
                    throw LexiconError(file: path, line: line.number, reason: "the numbering pattern has no {serial}")
                }
                numberFormat = fields[1]
            default:
                throw LexiconError(
                    file: path, line: line.number, reason: "expected a unit, office, discipline or numbering row")
            }
        }
        guard let office else { throw LexiconError(file: path, reason: "has no 'office' row") }
        guard let discipline else { throw LexiconError(file: path, reason: "has no 'discipline' row") }
        return Jurisdiction(
            unitByCounty: unitByCounty, units: units, office: office, discipline: discipline, numberFormat: numberFormat
        )
    }

    /// Where a clue goes: the unit covering its county, else the office for manual routing; escalated clues name the
    /// office as `escalatedTo`.
    public func route(county: String?, escalate: Bool) -> Route {
        let unit = county.flatMap { unitByCounty[$0] }
        return Route(unit: unit ?? office, escalatedTo: escalate ? office : nil, manual: unit == nil)
    }
}

/// Where a clue goes.
public struct Route: Sendable, Equatable {
    /// The unit that investigates it (the office when the place is unknown).
    public let unit: String
    /// The office, when the clue is escalated (提级调查).
    public let escalatedTo: String?
    /// Whether the office must route it by hand (no known place).
    public let manual: Bool
}
