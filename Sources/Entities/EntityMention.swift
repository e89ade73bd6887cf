/// What kind of thing an entity mention is.
public enum EntityKind: String, Sendable, Codable, CaseIterable {
    /// A place of the gazetteer (county, town, road, toll station, landmark).
    case place
    /// A vehicle plate (皖K12345, 皖KD12345, 皖K1234挂).
    case plate
    /// A sum of money at stake, normalised to yuan.
    case amount
    /// A date or a day (3月5日, 昨天, 上周五).
    case date
    /// A time of day (下午3点, 15:30).
    case time
    /// A phone number (personal data).
    case phone
    /// A resident ID number with a valid checksum (personal data).
    case idNumber = "id_number"
    /// An enforcement officer's badge or staff number.
    case badge
    /// A named enforcement body (临泉县治超站, 执法大队).
    case body
    /// A complainant's name (personal data).
    case name

    /// Whether mentions of this kind are personal data, masked unless a caller allowed to see them asks.
    public var isPersonalData: Bool { self == .phone || self == .idNumber || self == .name }
}

/// One entity found in a text, with its span in the original text.
public struct EntityMention: Sendable, Equatable {
    /// What it is.
    public let kind: EntityKind
    /// Its offsets in the original text, in Unicode scalars.
    public let start: Int
    public let end: Int
    /// Its normalised value: the plate without separators, the county of a place, the sum in yuan, the ISO date …
    public let value: String
    /// The original text of the span.
    public let text: String

    /// Creates a mention.
    public init(kind: EntityKind, start: Int, end: Int, value: String, text: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.text = text
    }
}

/// Everything the entity stage found in a text.
public struct Entities: Sendable, Equatable {
    /// Every mention, in text order.
    public var mentions: [EntityMention] = []
    /// The county-level division the clue is about, or `nil` when no place says so.
    public var county: String?

    /// Creates an empty result.
    public init() {}

    /// The values of the mentions of a kind, without repeats, in text order.
    public func values(_ kind: EntityKind) -> [String] {
        var values: [String] = []
        // A kind has a value or two in most clues: repeats are looked for in the values themselves, and through a
        // set only once there are many (a set hashed every value, for every kind of every clue).
        var seen: Set<String>? = nil
        for mention in mentions where mention.kind == kind {
            if values.count < 8 {
                if values.contains(mention.value) { continue }
            } else {
                if seen == nil { seen = Set(values) }
                guard seen!.insert(mention.value).inserted else { continue }
            }
            values.append(mention.value)
        }
        return values
    }
}
