import Classification

/// The classification record every interface emits (DESIGN.md, "The classification record"). Field names are stable:
/// fields may be added, never renamed or dropped.
public struct ClueRecord: Sendable, Equatable, Encodable {
    /// An id and a name, for the category and the sub-type.
    public struct Named: Sendable, Equatable, Encodable {
        public let id: Int
        public let name: String
    }

    public let id: String?
    public let inScope: Bool
    public let category: Named?
    public let subtype: Named
    public let secondary: [Int]
    public let confidence: Double
    public let needsReview: Bool
    public let evidence: [Evidence]
    /// How the decision was made: `rules`.
    public let decidedBy: String

    /// Builds the record of a classified clue.
    public init(input: ClueInput, classification: Classification, taxonomy: Taxonomy) {
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
        needsReview = classification.needsReview
        evidence = classification.evidence
        decidedBy = "rules"
    }

    enum CodingKeys: String, CodingKey {
        case id, category, subtype, secondary, confidence, evidence
        case inScope = "in_scope"
        case needsReview = "needs_review"
        case decidedBy = "decided_by"
    }

    /// The record as one line of JSON (without the newline), written by hand for speed; the same fields and order as
    /// `encode(to:)`.
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
        json.openArray("evidence")
        for item in evidence {
            json.openObject()
            json.write("rule", item.rule)
            json.write("subtype", item.subtype)
            json.write("start", item.start)
            json.write("end", item.end)
            json.write("text", item.text)
            json.closeObject()
        }
        json.closeArray()
        json.write("decided_by", decidedBy)
        json.closeObject()
        return json.bytes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(inScope, forKey: .inScope)
        try container.encode(category, forKey: .category)
        try container.encode(subtype, forKey: .subtype)
        try container.encode(secondary, forKey: .secondary)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(needsReview, forKey: .needsReview)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(decidedBy, forKey: .decidedBy)
    }
}
