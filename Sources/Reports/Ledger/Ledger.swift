/// One row of 附件3's fixed part: a problem area (问题方面) and one of its forms (表现形式).
///
/// The id is the 序号 of 附件3, which is also the sub-type number that ledger entries name.
public struct LedgerSection: Sendable, Equatable {
    /// The 序号, 1 to 21 in 附件3; entries name it as their sub-type.
    public var id: Int
    /// The problem area (问题方面), for example `“逐利执法”问题`.
    public var aspect: String
    /// The form the problem takes (表现形式).
    public var manifestation: String

    /// Creates a section.
    public init(id: Int, aspect: String, manifestation: String) {
        self.id = id
        self.aspect = aspect
        self.manifestation = manifestation
    }
}

/// One case written into the ledger, under the section of its sub-type.
public struct LedgerEntry: Sendable, Equatable {
    /// The sub-type, which is the id of the section the entry goes under.
    public var subtype: Int
    /// The assignment number (交办编号), if the case has one; written before the example.
    public var caseNumber: String?
    /// The concrete case (具体案例), already masked by the caller.
    public var example: String
    /// Where the problem came from (问题来源), for example the channel.
    public var source: String
    /// The rectification measures (整改措施).
    public var measures: String
    /// The time limit (整改时限).
    public var timeLimit: String
    /// The responsible department and person (整改责任部门、责任人).
    public var responsible: String

    /// Creates an entry.
    public init(
        subtype: Int, caseNumber: String? = nil, example: String, source: String, measures: String = "",
        timeLimit: String = "", responsible: String = ""
    ) {
        self.subtype = subtype
        self.caseNumber = caseNumber
        self.example = example
        self.source = source
        self.measures = measures
        self.timeLimit = timeLimit
        self.responsible = responsible
    }

    /// The 具体案例 cell: the number, a full-width colon and the example; either alone when the other is missing.
    var caseCell: String {
        guard let caseNumber, !caseNumber.isEmpty else { return example }
        return example.isEmpty ? caseNumber : "\(caseNumber)：\(example)"
    }
}

/// The four-lists ledger of 附件3 (问题清单、措施清单、时限清单、责任清单): its sections and the cases under them.
public struct Ledger: Sendable, Equatable {
    /// The title line of 附件3.
    public static let title = "全市交通运输执法领域专项整治行动问题清单、措施清单、时限清单、责任清单"
    /// The column headers, in 附件3's order.
    public static let columns = ["序号", "问题方面", "表现形式", "具体案例", "问题来源", "整改措施", "整改时限", "整改责任部门/责任人"]

    /// The reporting unit (填报单位).
    public var filler: String
    /// When it was filled in (填报时间).
    public var filledAt: String
    /// The sections, in the order they are written: the 21 sub-types of the taxonomy (`Lexicons/taxonomy.tsv`).
    public var sections: [LedgerSection]
    /// The cases; each goes under the section whose id is its sub-type, in the order given here.
    public var entries: [LedgerEntry]

    /// Creates a ledger.
    public init(
        filler: String, filledAt: String, sections: [LedgerSection], entries: [LedgerEntry]
    ) {
        self.filler = filler
        self.filledAt = filledAt
        self.sections = sections
        self.entries = entries
    }

    /// The 填报单位 line.
    var fillerLine: String { "填报单位：\(filler)" }
    /// The 填报时间 line.
    var filledAtLine: String { "填报时间：\(filledAt)" }

    /// The table body in `columns`' order, one row per entry and one per section without entries.
    ///
    /// 序号, 问题方面 and 表现形式 are written on a section's first row only, and 问题方面 only on the first section of
    /// each run of sections that share it, the way the merged cells of 附件3 read.
    ///
    /// - Throws: `ReportError` when an entry's sub-type has no section, or two sections share an id.
    public func rows() throws(ReportError) -> [[String]] {
        try layout().rows
    }

    /// The rows and, for merging cells, which rows each section and each run of one aspect spans (0-based row indices
    /// into `rows`).
    func layout() throws(ReportError) -> (rows: [[String]], sectionSpans: [Range<Int>], aspectSpans: [Range<Int>]) {
        var ids = Set<Int>()
        for section in sections where !ids.insert(section.id).inserted {
            throw ReportError(kind: .duplicateSection(section.id), reason: "ledger section \(section.id) appears twice")
        }
        var bySection: [Int: [LedgerEntry]] = [:]
        for entry in entries {
            guard ids.contains(entry.subtype) else {
                throw ReportError(
                    kind: .unknownSubtype(entry.subtype),
                    reason: "a ledger entry names sub-type \(entry.subtype), which has no section in the ledger")
            }
            bySection[entry.subtype, default: []].append(entry)
        }
        var rows: [[String]] = []
        var sectionSpans: [Range<Int>] = []
        var aspectSpans: [Range<Int>] = []
        var previousAspect: String?
        for section in sections {
            let start = rows.count
            let firstOfRun = section.aspect != previousAspect
            let head = [String(section.id), firstOfRun ? section.aspect : "", section.manifestation]
            let sectionEntries = bySection[section.id] ?? []
            if sectionEntries.isEmpty {
                rows.append(head + ["", "", "", "", ""])
            }
            for (index, entry) in sectionEntries.enumerated() {
                rows.append(
                    (index == 0 ? head : ["", "", ""])
                        + [entry.caseCell, entry.source, entry.measures, entry.timeLimit, entry.responsible])
            }
            sectionSpans.append(start..<rows.count)
            if firstOfRun {
                aspectSpans.append(start..<rows.count)
            } else if let last = aspectSpans.popLast() {
                aspectSpans.append(last.lowerBound..<rows.count)
            }
            previousAspect = section.aspect
        }
        return (rows, sectionSpans, aspectSpans)
    }
}
