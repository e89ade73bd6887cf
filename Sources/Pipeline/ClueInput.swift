import Foundation

/// One clue as it comes in: its text and what the source says about it.
public struct ClueInput: Sendable, Equatable, Codable {
    /// The source's id, if any.
    public var id: String?
    /// The text as received.
    public var text: String
    /// The channel (hotline12345, petition, media …), if known.
    public var channel: String?
    /// When it was received (ISO 8601), if known.
    public var receivedAt: String?

    /// Creates an input.
    public init(id: String? = nil, text: String, channel: String? = nil, receivedAt: String? = nil) {
        self.id = id
        self.text = text
        self.channel = channel
        self.receivedAt = receivedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, text, channel
        case receivedAt = "received_at"
    }

    /// Why a line could not be read as a clue.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// The reason, without the line's content.
        public let reason: String
        public var description: String { reason }
    }

    /// Reads one input line: a JSON object with `text` (and optional `id`, `channel`, `received_at`), or plain text.
    /// A numeric `id` is accepted and kept as a string.
    ///
    /// - Throws: `ParseError` for a line that starts like JSON but is not a valid clue object.
    public static func parse(line: Substring) throws(ParseError) -> ClueInput {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "{" else { return ClueInput(text: String(line)) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
            throw ParseError(reason: "not a valid JSON object")
        }
        guard let text = object["text"] as? String else {
            throw ParseError(reason: "the object has no string field 'text'")
        }
        let id: String? =
            switch object["id"] {
            case let string as String: string
            case let number as NSNumber: number.stringValue
            default: nil
            }
        return ClueInput(
            id: id, text: text, channel: object["channel"] as? String, receivedAt: object["received_at"] as? String)
    }
}
