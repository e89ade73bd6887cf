import Reports

/// Shared test data.
enum Fixtures {
    /// A ledger with two cases under section 1, one under section 3, one under section 16, and awkward text.
    static let ledger = Ledger(
        filler: "阜阳市交通运输局",
        filledAt: "2023-10-11",
        sections: LedgerSection.annex3,
        entries: [
            LedgerEntry(
                subtype: 1, caseNumber: "阜交整治交〔2023〕12号", example: "某大队下达罚款指标，每月不少于\"5万\"元，<含>罚没&收费",
                source: "12345热线", measures: "取消指标,\n约谈负责人", timeLimit: "2023-10-31", responsible: "执法支队，张某"),
            LedgerEntry(subtype: 3, example: "=HYPERLINK(\"http://example.invalid\")", source: "信访", measures: "退还"),
            LedgerEntry(
                subtype: 1, caseNumber: "阜交整治交〔2023〕13号", example: "第二件", source: "媒体", measures: "整改",
                timeLimit: "2023-11-30", responsible: "法规科"),
            LedgerEntry(subtype: 16, example: "路面执法人员索要财物后放行", source: "12345热线"),
        ])

    /// Splits RFC 4180 text (without BOM) into records of fields; accepts CRLF and LF line ends.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",":
                record.append(field)
                field = ""
            case "\r": break
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

extension LedgerSection {
    /// The 21 sections of 附件3, in its order, with its wording (the CLI builds them from Lexicons/taxonomy.tsv).
    static let annex3: [LedgerSection] = [
        LedgerSection(id: 1, aspect: "“逐利执法”问题", manifestation: "下达或变相下达罚没指标、执法数量考核指标、非税收入任务。"),
        LedgerSection(id: 2, aspect: "“逐利执法”问题", manifestation: "违规设置非现场执法电子监控卡点。"),
        LedgerSection(id: 3, aspect: "“逐利执法”问题", manifestation: "乱罚款、滥收费。"),
        LedgerSection(id: 4, aspect: "执法不规范问题", manifestation: "滥用自由裁量权。"),
        LedgerSection(id: 5, aspect: "执法不规范问题", manifestation: "随意拦车、扣车，任性检查。"),
        LedgerSection(id: 6, aspect: "执法不规范问题", manifestation: "选择性执法。"),
        LedgerSection(id: 7, aspect: "执法方式简单僵化问题", manifestation: "“一刀切”执法。"),
        LedgerSection(id: 8, aspect: "执法方式简单僵化问题", manifestation: "运动式执法。"),
        LedgerSection(id: 9, aspect: "执法方式简单僵化问题", manifestation: "过度执法。"),
        LedgerSection(id: 10, aspect: "执法方式简单僵化问题", manifestation: "重打击、轻人权保障。"),
        LedgerSection(id: 11, aspect: "执法粗暴问题", manifestation: "重处罚、轻教育、轻纠错、轻服务。"),
        LedgerSection(id: 12, aspect: "执法粗暴问题", manifestation: "以罚代管、一罚了之。"),
        LedgerSection(id: 13, aspect: "执法粗暴问题", manifestation: "不听辩解、不问缘由。"),
        LedgerSection(id: 14, aspect: "执法粗暴问题", manifestation: "“碰瓷式”执法。"),
        LedgerSection(id: 15, aspect: "执法粗暴问题", manifestation: "对待群众“冷横硬推”、侵犯群众合法权益甚至暴力执法。"),
        LedgerSection(id: 16, aspect: "执法“寻租”问题", manifestation: "滥用职权、徇私枉法、以权谋私办人情案、关系案、金钱案。"),
        LedgerSection(id: 17, aspect: "执法“寻租”问题", manifestation: "“放管服”改革落实不到位。"),
        LedgerSection(id: 18, aspect: "执法“寻租”问题", manifestation: "对非法中介以及执法辅助人员违法违规行为监管不力。"),
        LedgerSection(id: 19, aspect: "其他突出问题", manifestation: "前期常态查纠整改工作中“死灰复燃”“重复反弹”的重点问题。"),
        LedgerSection(id: 20, aspect: "其他突出问题", manifestation: "违规增加运输企业、司机不合理负担。"),
        LedgerSection(id: 21, aspect: "其他突出问题", manifestation: "各类市场主体和人民群众反映集中的行政执法隐形变异问题及其他新生问题。"),
    ]
}
