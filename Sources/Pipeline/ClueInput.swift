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
        var json = String(trimmed)
        if let fields = json.withUTF8(flatStringObject), let text = fields["text"] {
            return ClueInput(
                id: fields["id"], text: text, channel: fields["channel"], receivedAt: fields["received_at"])
        }
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

    /// The fields of a JSON object whose values are all strings, as clue lines mostly are, read without Foundation
    /// (`JSONSerialization` builds an NSDictionary of bridged values for every line); `nil` for anything else (other
    /// values, a key given twice, an escape other than the simple ones and `\uXXXX` outside the surrogates, malformed
    /// JSON), which `parse(line:)` leaves to `JSONSerialization`.
    static func flatStringObject(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var index = 0
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var result = ""
            var runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    result += String(decoding: bytes[runStart..<index], as: UTF8.self)
                    index += 1
                    return result
                }
                guard byte >= 0x20 else { return nil }
                guard byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                result += String(decoding: bytes[runStart..<index], as: UTF8.self)
                index += 1
                guard index < bytes.count else { return nil }
                switch bytes[index] {
                case UInt8(ascii: "\""): result += "\""
                case UInt8(ascii: "\\"): result += "\\"
                case UInt8(ascii: "/"): result += "/"
                case UInt8(ascii: "b"): result += "\u{8}"
                case UInt8(ascii: "f"): result += "\u{C}"
                case UInt8(ascii: "n"): result += "\n"
                case UInt8(ascii: "r"): result += "\r"
                case UInt8(ascii: "t"): result += "\t"
                case UInt8(ascii: "u"):
                    guard index + 4 < bytes.count,
                        bytes[(index + 1)...(index + 4)].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
                        let value = UInt32(
                            String(decoding: bytes[(index + 1)...(index + 4)], as: UTF8.self), radix: 16),
                        value != 0, !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value)
                    else { return nil }
                    result.unicodeScalars.append(scalar)
                    index += 4
                default:
                    return nil
                }
                index += 1
                runStart = index
            }
            return nil
        }
        var fields = [String: String](minimumCapacity: 4)
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        skipSpace()
        if !take(UInt8(ascii: "}")) {
            while true {
                guard let key = string() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                guard let value = string(), fields.updateValue(value, forKey: key) == nil else { return nil }
                skipSpace()
                if take(UInt8(ascii: ",")) {
                    skipSpace()
                    continue
                }
                guard take(UInt8(ascii: "}")) else { return nil }
                break
            }
        }
        skipSpace()
        return index == bytes.count ? fields : nil
    }
}
