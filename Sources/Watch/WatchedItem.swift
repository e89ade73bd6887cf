import Cases
import Entities
import Pipeline
import RiskAssessment
import TextNormalization

/// One item seen by the watch: what the heat tracker and the alerts need of an analysed clue, with personal data
/// already masked. It keeps no raw text.
public struct WatchedItem: Sendable, Equatable {
    /// The source's id, if any.
    public var id: String?
    /// The channel, if known.
    public var channel: String?
    /// When the source says it was received, if it says.
    public var receivedAt: String?
    /// Whether it is about the conduct of transport law enforcement.
    public var inScope: Bool
    /// The sub-type id (0 when out of scope).
    public var subtypeID: Int
    /// The sub-type name.
    public var subtypeName: String
    /// The risk level.
    public var risk: RiskLevel
    /// The risk reasons (`violence`, `online-spread` …).
    public var reasons: [String]
    /// Whether it is escalated (提级调查).
    public var escalate: Bool
    /// The county it is about, if one was found.
    public var county: String?
    /// The responsible unit (in-scope items only).
    public var unit: String?
    /// The start of the text with personal data masked, at most `WatchedItem.excerptLength` characters.
    public var excerpt: String
    /// The SimHash of the normalised text, for clustering.
    public var fingerprint: TextFingerprint

    /// The longest excerpt kept, in characters.
    public static let excerptLength = 120

    /// Creates an item from its parts (tests, replays).
    public init(
        id: String? = nil, channel: String? = nil, receivedAt: String? = nil, inScope: Bool, subtypeID: Int,
        subtypeName: String, risk: RiskLevel, reasons: [String] = [], escalate: Bool = false, county: String? = nil,
        unit: String? = nil, excerpt: String, fingerprint: TextFingerprint
    ) {
        self.id = id
        self.channel = channel
        self.receivedAt = receivedAt
        self.inScope = inScope
        self.subtypeID = subtypeID
        self.subtypeName = subtypeName
        self.risk = risk
        self.reasons = reasons
        self.escalate = escalate
        self.county = county
        self.unit = unit
        self.excerpt = excerpt
        self.fingerprint = fingerprint
    }

    /// Analyses a clue and keeps what the watch needs: classification, risk, county and unit, a masked excerpt
    /// (personal data always masked, and any long run of digits) and the fingerprint of the normalised text.
    public init(input: ClueInput, analyzer: Analyzer) {
        let analysis = analyzer.analyze(input.text, receivedAt: input.receivedAt, channel: input.channel)
        let record = ClueRecord(
            input: input, analysis: analysis, lexicons: analyzer.lexicons, revealingPersonalData: false)
        let masked = analysis.maskedText
        self.init(
            id: input.id, channel: input.channel, receivedAt: input.receivedAt, inScope: record.inScope,
            subtypeID: record.subtype.id, subtypeName: record.subtype.name,
            risk: record.inScope ? record.risk.level : .none,
            reasons: record.inScope ? record.risk.reasons.map(\.rawValue) : [],
            escalate: record.inScope && record.risk.escalate, county: analysis.entities.county,
            unit: record.inScope ? record.route.unit : nil, excerpt: WatchedItem.excerpt(of: masked),
            fingerprint: TextFingerprint(text: analysis.normalized.text))
    }

    /// A text on one line, cut to `excerptLength` characters with an ellipsis.
    public static func excerpt(of text: String) -> String { text.oneLineExcerpt(limit: excerptLength) }

    /// Whether this item describes an incident better than `other`: in scope first, then the higher risk.
    func describesBetter(than other: WatchedItem) -> Bool {
        if inScope != other.inScope { return inScope }
        return risk > other.risk
    }
}
