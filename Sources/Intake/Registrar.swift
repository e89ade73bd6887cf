import Cases
import Entities
import Foundation
import Pipeline

/// Turns read clues into what the case store registers: runs the analysis, masks the personal data, keys the clue
/// for idempotence and fingerprints it for merging. One registrar per thread (the analyzer is not shared).
public struct Registrar {
    /// The analysis pipeline.
    public let analyzer: Analyzer
    /// The version of the lexicons, recorded with every clue.
    public let lexiconVersion: String

    /// Creates a registrar over loaded lexicons.
    public init(analyzer: Analyzer, lexiconVersion: String) {
        self.analyzer = analyzer
        self.lexiconVersion = lexiconVersion
    }

    /// What the store needs to register a clue read from `source` (file:line).
    public func newClue(for input: ClueInput, source: String?) -> NewClue {
        let analysis = analyzer.analyze(input.text, receivedAt: input.receivedAt, channel: input.channel)
        let lexicons = analyzer.lexicons
        let record = ClueRecord(input: input, analysis: analysis, lexicons: lexicons, revealingPersonalData: false)
        let personal = analysis.entities.mentions.filter(\.kind.isPersonalData)
        let masked = analysis.maskedText
        let escalate = record.inScope && record.risk.escalate
        let route = record.route
        return NewClue(
            sourceKey: Registrar.sourceKey(for: input), sourceID: input.id, source: source, channel: input.channel,
            receivedAt: input.receivedAt, rawText: input.text, maskedText: masked,
            contact: Registrar.contact(personal), record: String(decoding: record.jsonLine, as: UTF8.self),
            lexiconVersion: lexiconVersion, inScope: record.inScope, subtype: record.subtype.id,
            category: record.category?.id, secondary: record.secondary, risk: record.risk.level.rawValue,
            escalate: escalate, referDiscipline: record.inScope && record.risk.referDiscipline,
            county: analysis.entities.county, unit: escalate ? lexicons.jurisdiction.office : route.unit,
            manualRoute: route.manual && !escalate, fingerprint: TextFingerprint(text: analysis.normalized.text))
    }

    /// The key that makes registration idempotent: the source's own id (with the channel, since two hotlines may
    /// number alike), else a hash of the text, channel and received time.
    public static func sourceKey(for input: ClueInput) -> String {
        if let id = input.id, !id.isEmpty { return "id:\(input.channel ?? ""):\(id)" }
        let content = [input.channel ?? "", input.receivedAt ?? "", input.text].joined(separator: "\u{1F}")
        return "text:" + ContentHash.hex(of: Array(content.utf8))
    }

    /// The personal data found, unmasked, as a small JSON object (the store's protected contact field).
    static func contact(_ mentions: [EntityMention]) -> String? {
        guard !mentions.isEmpty else { return nil }
        var grouped: [String: [String]] = [:]
        for mention in mentions where !(grouped[mention.kind.rawValue] ?? []).contains(mention.value) {
            grouped[mention.kind.rawValue, default: []].append(mention.value)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: grouped, options: [.sortedKeys]) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A 128-bit FNV-1a hash (two 64-bit lanes with different offsets), as 32 hex digits: content keys and lexicon
/// versions. Not cryptographic; collisions among millions of clues are vanishingly unlikely.
public enum ContentHash {
    /// The hash of some bytes.
    public static func hex(of bytes: [UInt8]) -> String {
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = second ^ (second >> 29)
        }
        return hex(first) + hex(second)
    }

    /// The version of a lexicon folder: the hash of every data file's path and contents, so that a record says
    /// which rules produced it.
    public static func lexiconVersion(directory: String) -> String {
        let base = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            return "unknown"
        }
        var files: [String] = []
        for case let url as URL in walker where !url.hasDirectoryPath { files.append(url.path) }
        var bytes: [UInt8] = []
        for path in files.sorted() {
            bytes.append(contentsOf: Array(path.dropFirst(base.path.count).utf8))
            bytes.append(contentsOf: Array(FileManager.default.contents(atPath: path) ?? Data()))
        }
        return String(hex(of: bytes).prefix(12))
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
