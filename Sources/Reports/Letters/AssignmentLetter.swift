/// A 交办函: the letter that assigns one case to the unit that must verify and rectify it.
///
/// Every value is filled in by the caller (numbering, the due date from the working-day calendar, masking); the letter
/// only words and lays them out.
public struct AssignmentLetter: Sendable, Equatable {
    /// The assignment number, for example `阜交整治交〔2023〕12号`.
    public var number: String
    /// The sending office, for example `阜阳市交通运输执法领域专项整治工作办公室`.
    public var sender: String
    /// The addressee: the unit that handles the case.
    public var unit: String
    /// The date of issue, `yyyy-MM-dd`.
    public var issuedOn: String
    /// The date the unit's report is due, `yyyy-MM-dd`.
    public var dueOn: String
    /// A note on the due date, for example that it is an estimate beyond the calendar data.
    public var dueNote: String?
    /// The case's id in the store.
    public var caseID: Int
    /// The sub-type's number (1 to 21).
    public var subtypeID: Int
    /// The sub-type's name.
    public var subtypeName: String
    /// The category's name (问题方面).
    public var categoryName: String
    /// What was reported, already masked.
    public var summary: String
    /// The channel the clue came through.
    public var channel: String
    /// When the first clue was received.
    public var receivedAt: String
    /// How many clues the case merged.
    public var reportCount: Int
    /// Whether the case is escalated (提级调查) to the city office.
    public var escalated: Bool
    /// Whether the case is flagged for referral to discipline inspection (移交纪检监察机关).
    public var referDiscipline: Bool
    /// Deadline extensions granted so far, each in a line, in order.
    public var extensions: [String]

    /// Creates a letter.
    public init(
        number: String, sender: String, unit: String, issuedOn: String, dueOn: String, dueNote: String? = nil,
        caseID: Int, subtypeID: Int, subtypeName: String, categoryName: String, summary: String, channel: String,
        receivedAt: String, reportCount: Int = 1, escalated: Bool = false, referDiscipline: Bool = false,
        extensions: [String] = []
    ) {
        self.number = number
        self.sender = sender
        self.unit = unit
        self.issuedOn = issuedOn
        self.dueOn = dueOn
        self.dueNote = dueNote
        self.caseID = caseID
        self.subtypeID = subtypeID
        self.subtypeName = subtypeName
        self.categoryName = categoryName
        self.summary = summary
        self.channel = channel
        self.receivedAt = receivedAt
        self.reportCount = reportCount
        self.escalated = escalated
        self.referDiscipline = referDiscipline
        self.extensions = extensions
    }
}

extension AssignmentLetter {
    /// The letter's parts in reading order, as plain text; the renderers escape and lay them out.
    struct Content {
        var title: String
        var salutation: String
        var opening: String
        /// 基本情况: label and value pairs.
        var facts: [(label: String, value: String)]
        /// 办理要求: numbered paragraphs.
        var requirements: [String]
        var closing: String
        var signature: String
        var date: String
    }

    /// The wording of the letter.
    var content: Content {
        var facts: [(label: String, value: String)] = [
            ("交办编号", number),
            ("案件编号", String(caseID)),
            ("问题类别", categoryName),
            ("问题类型", "\(subtypeID). \(subtypeName)"),
            ("线索来源", channel),
            ("受理时间", receivedAt),
            ("反映次数", "\(reportCount)次"),
            ("问题摘要", summary),
            ("报送时限", ChineseDate.long(dueOn) + (dueNote.map { "（\($0)）" } ?? "")),
        ]
        if !extensions.isEmpty {
            facts.append(("延期情况", extensions.joined(separator: "；")))
        }
        var requirements = [
            "请你单位自收到本函之日起5个工作日内完成核查，查明问题是否属实，不得敷衍塞责、层层转交。",
            "请于\(ChineseDate.long(dueOn))前书面报送办理情况，内容包括：核查结论（属实/不属实）、整改措施、整改时限、责任人。"
                + (dueNote.map { "（注：\($0)）" } ?? ""),
            "经核查属实的，请立行立改、限期整改，整改完成后及时报送整改反馈（整改落实情况及佐证材料），经审核后予以销号；"
                + "经核查不属实的，请一并报送核查依据及相关证明材料。",
        ]
        if escalated {
            requirements.append("本件已列为提级调查事项，由市专项整治工作办公室直接组织调查，请你单位积极配合，如实提供有关情况和材料。")
        }
        if referDiscipline {
            requirements.append(
                "本件反映的问题涉嫌以权谋私、失职渎职、权钱交易或徇私枉法，将按规定移交纪检监察机关处理；"
                    + "请你单位妥善保存相关证据材料，不得干扰、阻碍调查。")
        }
        requirements.append("请严格落实保密要求，对反映人信息严格保密，严禁泄露或打击报复。逾期未报送的，将予以通报。")
        let multiple = reportCount > 1 ? "（共\(reportCount)次反映，已合并办理）" : ""
        return Content(
            title: "交办函",
            salutation: "\(unit)：",
            opening: "根据全市交通运输执法领域专项整治行动工作安排，现将群众反映的问题线索\(multiple)交由你单位办理，"
                + "有关事项函告如下：",
            facts: facts,
            requirements: requirements,
            closing: "特此函告。",
            signature: sender,
            date: ChineseDate.long(issuedOn))
    }

    /// The letter as Markdown; every value is escaped, so `<script>` in a summary comes out as `&lt;script&gt;`.
    public func markdown() -> String {
        let content = content
        let md = Escaping.markdown
        var lines = [
            "# \(content.title)", "", "**\(md(number))**", "", md(content.salutation), "", md(content.opening), "",
            "## 一、基本情况", "", "| 项目 | 内容 |", "| --- | --- |",
        ]
        lines += content.facts.map { "| \($0.label) | \(md($0.value)) |" }
        lines += ["", "## 二、办理要求", ""]
        lines += content.requirements.enumerated().map { "\($0.offset + 1). \(md($0.element))" }
        lines += ["", md(content.closing), "", md(content.signature), "", md(content.date), ""]
        return lines.joined(separator: "\n")
    }

    /// The letter as a standalone HTML5 page laid out for A4 printing; every value is HTML-escaped.
    public func html() -> String {
        let content = content
        let h = Escaping.html
        var body = """
            <article class="letter">
            <h1>\(h(content.title))</h1>
            <p class="number">\(h(number))</p>
            <p class="salutation">\(h(content.salutation))</p>
            <p>\(h(content.opening))</p>
            <h2>一、基本情况</h2>
            <table class="facts">\n
            """
        for fact in content.facts {
            body += "<tr><th scope=\"row\">\(h(fact.label))</th><td>\(h(fact.value))</td></tr>\n"
        }
        body += "</table>\n<h2>二、办理要求</h2>\n<ol class=\"requirements\">\n"
        for requirement in content.requirements {
            body += "<li>\(h(requirement))</li>\n"
        }
        body += """
            </ol>
            <p>\(h(content.closing))</p>
            <p class="signature">\(h(content.signature))</p>
            <p class="date">\(h(content.date))</p>
            </article>
            """
        return HTMLPage.make(title: "交办函 \(number)", style: AssignmentLetter.style, body: body)
    }

    static let style = """
        @page { size: A4; margin: 25mm 20mm; }
        body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", "Songti SC", serif; font-size: 16pt;
          line-height: 1.8; color: #000; background: #fff; max-width: 170mm; margin: 0 auto; padding: 1em; }
        h1 { font-family: "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt; text-align: center; margin: 0.5em 0; }
        h2 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; margin: 1em 0 0.3em; }
        .number { text-align: right; }
        .salutation { font-weight: bold; }
        p { text-indent: 2em; margin: 0.3em 0; }
        .number, .salutation, .signature, .date { text-indent: 0; }
        .signature, .date { text-align: right; }
        table.facts { border-collapse: collapse; width: 100%; font-size: 13pt; }
        table.facts th, table.facts td { border: 1px solid #000; padding: 4px 8px; vertical-align: top; text-align: left; }
        table.facts td { white-space: pre-wrap; }
        table.facts th { width: 7em; white-space: nowrap; }
        ol.requirements { padding-left: 2em; }
        @media print { body { padding: 0; max-width: none; } }
        """
}
