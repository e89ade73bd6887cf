import Classification
import Entities
import RiskAssessment
import Routing

/// The classification record every interface emits (DESIGN.md, "The classification record"). Field names are stable:
/// fields may be added, never renamed or dropped. Personal data (phone and ID numbers, names) is masked unless the
/// record was made for a caller allowed to see it.
public struct ClueRecord: Sendable, Equatable {
    /// An id and a name, for the category and the sub-type.
    public struct Named: Sendable, Equatable {
        public let id: Int
        public let name: String
    }

    public let id: String?
    public let inScope: Bool
    public let category: Named?
    public let subtype: Named
    public let secondary: [Int]
    public let confidence: Double
    /// Whether a person should check it: rules that disagree, or a sub-type, high risk or referral only a model gave.
    public let needsReview: Bool
    public let evidence: [Evidence]
    /// How the decision was made: `rules`, or `model` when the statistical model backed silent rules up.
    public let decidedBy: String
    public let risk: RiskAssessment
    public let entities: Entities
    public let route: Route
    /// The discipline-inspection body, when the clue is referred.
    public let referTo: String?
    /// Whether personal data is shown unmasked.
    public let revealsPersonalData: Bool
    /// The unit covering the clue's county, if it has one.
    public let unitOfCounty: String?

    /// Builds the record of an analysed clue. The lexicons are borrowed: an initialiser's arguments are otherwise
    /// passed owned, and copying the set retained and released each of its many references for every record.
    public init(
        input: ClueInput, analysis: Analyzer.Analysis, lexicons: borrowing LexiconSet, revealingPersonalData: Bool
    ) {
        let classification = analysis.classification
        let taxonomy = lexicons.taxonomy
        id = input.id
        inScope = classification.inScope
        if classification.inScope, let subtype = taxonomy.subtypes[classification.subtype] {
            self.subtype = Named(id: subtype.id, name: subtype.name)
            category = taxonomy.category(ofSubtype: subtype.id).map { Named(id: $0.id, name: $0.name) }
        } else {
            subtype = Named(id: 0, name: Taxonomy.outOfScopeName)
            category = nil
        }
        secondary = classification.secondary
        confidence = (classification.confidence * 100).rounded() / 100
        // A flag only a model raised needs review, like a sub-type only a model chose.
        needsReview = classification.needsReview || analysis.risk.raisedByModel
        let personal = analysis.entities.mentions.filter(\.kind.isPersonalData)
        func masked(_ item: Evidence) -> Evidence {
            let overlapping = personal.filter { $0.start < item.end && item.start < $0.end }
            guard !revealingPersonalData, !overlapping.isEmpty else { return item }
            // The mentions that overlap the span, cut to it and counted from its start.
            let text = PersonalData.maskText(
                Array(analysis.original[item.start..<item.end]),
                mentions: overlapping.map {
                    EntityMention(
                        kind: $0.kind, start: max(0, $0.start - item.start),
                        end: min(item.end - item.start, $0.end - item.start), value: $0.value, text: $0.text)
                })
            return Evidence(rule: item.rule, subtype: item.subtype, start: item.start, end: item.end, text: text)
        }
        evidence = classification.evidence.map(masked)
        decidedBy = classification.decidedBy
        let risk = analysis.risk
        self.risk = RiskAssessment(
            level: risk.level, reasons: risk.reasons, escalate: risk.escalate, escalateReasons: risk.escalateReasons,
            referDiscipline: risk.referDiscipline, referReasons: risk.referReasons, referSuggested: risk.referSuggested,
            evidence: risk.evidence.map(masked))
        var entities = analysis.entities
        if !revealingPersonalData {
            entities.mentions = entities.mentions.map { mention in
                guard mention.kind.isPersonalData else { return mention }
                return EntityMention(
                    kind: mention.kind, start: mention.start, end: mention.end,
                    value: PersonalData.masked(mention.value, kind: mention.kind),
                    text: PersonalData.masked(mention.text, kind: mention.kind))
            }
        }
        self.entities = entities
        route = analysis.route
        unitOfCounty = analysis.entities.county.flatMap { lexicons.jurisdiction.unitByCounty[$0] }
        referTo = risk.referDiscipline ? lexicons.jurisdiction.discipline : nil
        revealsPersonalData = revealingPersonalData
    }

    /// The record as one line of JSON (without the newline), written by hand for speed.
    public var jsonLine: [UInt8] {
        var json = JSONLineWriter()
        json.openObject()
        json.write("id", id)
        json.write("in_scope", inScope)
        if let category {
            json.openObject("category")
            json.write("id", category.id)
            json.write("name", category.name)
            json.closeObject()
        } else {
            json.writeNull("category")
        }
        json.openObject("subtype")
        json.write("id", subtype.id)
        json.write("name", subtype.name)
        json.closeObject()
        json.openArray("secondary")
        for id in secondary { json.write(nil, id) }
        json.closeArray()
        json.write("confidence", confidence)
        json.write("needs_review", needsReview)
        ClueRecord.write(evidence, citingSubtypes: true, into: &json)
        json.write("decided_by", decidedBy)
        writeRisk(into: &json)
        writeEntities(into: &json)
        // An out-of-scope clue goes nowhere: its route is all null.
        json.openObject("route")
        json.write("unit", inScope ? route.unit : nil)
        json.write("escalated_to", inScope ? route.escalatedTo : nil)
        json.write("manual", inScope && route.manual)
        json.write("refer_to", referTo)
        json.closeObject()
        json.write("personal_data", revealsPersonalData ? "shown" : "masked")
        json.closeObject()
        return json.bytes
    }

    private func writeRisk(into json: inout JSONLineWriter) {
        json.openObject("risk")
        json.write("level", risk.level.rawValue)
        json.openArray("reasons")
        for reason in risk.reasons { json.write(nil, reason.rawValue) }
        json.closeArray()
        json.write("escalate", risk.escalate)
        json.openArray("escalate_reasons")
        for reason in risk.escalateReasons { json.write(nil, reason) }
        json.closeArray()
        json.write("refer_discipline", risk.referDiscipline)
        json.openArray("refer_reasons")
        for reason in risk.referReasons { json.write(nil, reason) }
        json.closeArray()
        json.write("refer_suggested", risk.referSuggested)
        ClueRecord.write(risk.evidence, citingSubtypes: false, into: &json)
        json.closeObject()
    }

    /// Writes an `evidence` array: rule, (sub-type,) start, end and text of each span.
    private static func write(_ evidence: [Evidence], citingSubtypes: Bool, into json: inout JSONLineWriter) {
        json.openArray("evidence")
        for item in evidence {
            json.openObject()
            json.write("rule", item.rule)
            if citingSubtypes { json.write("subtype", item.subtype) }
            json.write("start", item.start)
            json.write("end", item.end)
            json.write("text", item.text)
            json.closeObject()
        }
        json.closeArray()
    }

    private func writeEntities(into json: inout JSONLineWriter) {
        json.openObject("entities")
        json.write("county", entities.county)
        json.write("unit", unitOfCounty)
        let lists: [(StaticString, EntityKind)] = [
            ("plates", .plate), ("phones", .phone), ("id_numbers", .idNumber), ("badges", .badge), ("dates", .date),
            ("times", .time), ("bodies", .body), ("places", .place), ("names", .name),
        ]
        json.openArray("amounts_yuan")
        for value in entities.values(.amount) {
            if let number = Double(value) { json.write(nil, number) }
        }
        json.closeArray()
        for (key, kind) in lists {
            json.openArray(key)
            for value in entities.values(kind) { json.write(nil, value) }
            json.closeArray()
        }
        json.openArray("mentions")
        for mention in entities.mentions {
            json.openObject()
            json.write("kind", mention.kind.rawValue)
            json.write("start", mention.start)
            json.write("end", mention.end)
            json.write("text", mention.text)
            json.write("value", mention.value)
            json.closeObject()
        }
        json.closeArray()
        json.closeObject()
    }
}
