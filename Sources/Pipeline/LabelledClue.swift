import Foundation

/// A corpus item: a clue and the labels a person gave it (Corpus/README.md).
public struct LabelledClue: Sendable, Equatable, Decodable {
    public let id: String
    public let channel: String?
    public let genre: String?
    public let text: String
    /// The primary sub-type, 0 for out of scope.
    public let primary: Int
    public let secondary: [Int]
    public let risk: String?
    public let escalate: Bool?
    public let referDiscipline: Bool?
    public let county: String?
    public let tags: [String]

    enum CodingKeys: String, CodingKey {
        case id, channel, genre, text, primary, secondary, risk, escalate, county, tags
        case referDiscipline = "refer_discipline"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        channel = try container.decodeIfPresent(String.self, forKey: .channel)
        genre = try container.decodeIfPresent(String.self, forKey: .genre)
        text = try container.decode(String.self, forKey: .text)
        primary = try container.decode(Int.self, forKey: .primary)
        secondary = try container.decodeIfPresent([Int].self, forKey: .secondary) ?? []
        risk = try container.decodeIfPresent(String.self, forKey: .risk)
        escalate = try container.decodeIfPresent(Bool.self, forKey: .escalate)
        referDiscipline = try container.decodeIfPresent(Bool.self, forKey: .referDiscipline)
        county = try container.decodeIfPresent(String.self, forKey: .county)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
    }

    /// Why a corpus file could not be read.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int?
        public let reason: String
        public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
    }

    /// Reads a JSON Lines corpus file.
    ///
    /// - Throws: `LoadError` naming the line of the first malformed item.
    public static func load(path: String) throws(LoadError) -> [LabelledClue] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(file: path, line: nil, reason: "cannot be read")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw LoadError(file: path, line: nil, reason: "not valid UTF-8")
        }
        let decoder = JSONDecoder()
        var items: [LabelledClue] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                let item = try decoder.decode(LabelledClue.self, from: Data(line.utf8))
                guard (0...21).contains(item.primary) else {
                    throw LoadError(file: path, line: index + 1, reason: "primary \(item.primary) is not 0–21")
                }
                items.append(item)
            } catch let error as LoadError {
                throw error
            } catch {
                throw LoadError(file: path, line: index + 1, reason: "not a labelled clue (\(Self.describe(error)))")
            }
        }
        return items
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: return "invalid JSON"
        default: return "invalid item"
        }
    }
}
