import Foundation
import LexiconFormat
import Segmentation
import TextNormalization

/// Finds the entities of a clue (places and the county, plates, sums, dates and times, phone and ID numbers, badge
/// numbers, enforcement bodies, the complainant's name), each with its span in the original text.
public struct EntityExtractor: Sendable {
    /// The places and their counties.
    public let gazetteer: Gazetteer
    private let moneyContext: DomainDictionary
    private let priceMarkers: [String]
    private let bodies: DomainDictionary
    private let badgeCues: CueWords
    private let nameCues: CueWords
    private let surnames: Set<String>
    private let places: DomainDictionary
    private let serviceNumbers: Set<String>

    /// The files under `Lexicons/entities/` it reads.
    public static let files = (
        money: "money-context.txt", prices: "price-markers.txt", bodies: "bodies.txt", badges: "badge-cues.txt",
        names: "name-cues.txt", surnames: "surnames.txt", serviceNumbers: "service-numbers.txt"
    )

    /// Loads the gazetteer (`places/`) and the word lists (`entities/`) of a lexicon folder.
    ///
    /// - Throws: `LexiconError` naming the file and line of the first problem.
    public init(lexiconDirectory directory: String) throws(LexiconError) {
        gazetteer = try Gazetteer.load(directory: directory + "/places")
        func words(_ name: String) throws(LexiconError) -> [String] {
            try LexiconFile(path: directory + "/entities/" + name).lines.map(\.text)
        }
        moneyContext = DomainDictionary(terms: try words(EntityExtractor.files.money))
        priceMarkers = try words(EntityExtractor.files.prices)
        bodies = DomainDictionary(terms: try words(EntityExtractor.files.bodies))
        badgeCues = CueWords(try words(EntityExtractor.files.badges))
        nameCues = CueWords(try words(EntityExtractor.files.names))
        surnames = Set(try words(EntityExtractor.files.surnames))
        serviceNumbers = Set(try words(EntityExtractor.files.serviceNumbers))
        places = DomainDictionary(terms: gazetteer.places.keys)
    }

    /// Finds the entities of a normalised, segmented text; `receivedAt` (ISO 8601) resolves relative dates.
    public func extract(original: [Unicode.Scalar], normalized: NormalizedText, tokens: [Token], receivedAt: String?)
        -> Entities
    {
        let scalars = normalized.scalars
        var found: [(EntityKind, Range<Int>, String)] = []
        // Phone, ID and badge numbers start with a digit, plates hold a Latin letter: most clues have neither.
        if scalars.contains(where: \.isDigit) { found += NumberScanner.scan(scalars, badgeCues: badgeCues) }
        if scalars.contains(where: \.isLatinLetter) { found += PlateScanner.scan(scalars) }
        found += DateScanner.scan(scalars, received: { EntityExtractor.day(of: receivedAt) })
        let taken = found.map(\.1)
        let boundary = EntityExtractor.boundaries(tokens, count: scalars.count)
        found += amounts(scalars, tokens: tokens, boundary: boundary, excluding: taken)
        let placeMentions = matches(of: places, in: scalars, tokens: tokens, boundary: boundary)
        for range in placeMentions {
            found.append((.place, range, scalars.string(range)))
        }
        for range in matches(of: bodies, in: scalars, tokens: tokens, boundary: boundary) {
            // Take a place name right before the body with it: 临泉县 + 治超站.
            let start = placeMentions.last { $0.upperBound == range.lowerBound }?.lowerBound ?? range.lowerBound
            found.append((.body, start..<range.upperBound, scalars.string(start..<range.upperBound)))
        }
        found += names(scalars)

        var entities = Entities()
        entities.mentions = found.sorted { $0.1.lowerBound < $1.1.lowerBound }.map { kind, range, value in
            let span = normalized.originalRange(of: range)
            return EntityMention(
                kind: kind, start: span.lowerBound, end: span.upperBound, value: value,
                text: original.string(span))
        }
        entities.county = county(placeMentions.map { scalars.string($0) }, scalars: scalars, ranges: placeMentions)
        return entities
    }

    /// The county a clue is about: the one its places name most often; a place after 在 counts double; a tie goes to
    /// the first named. Places spanning several counties (roads marked -) and the city itself say nothing.
    private func county(_ names: [String], scalars: [Unicode.Scalar], ranges: [Range<Int>]) -> String? {
        var score: [String: Int] = [:]
        var first: [String: Int] = [:]
        for (name, range) in zip(names, ranges) {
            guard let county = gazetteer.county(of: name) else { continue }
            let located = range.lowerBound > 0 && scalars[range.lowerBound - 1] == "在"
            score[county, default: 0] += located ? 2 : 1
            if first[county] == nil { first[county] = range.lowerBound }
        }
        return score.max { $0.value != $1.value ? $0.value < $1.value : first[$0.key]! > first[$1.key]! }?.key
    }

    /// Sums of money at stake: a sum with a money word (罚, 交, 红包 …) within a few words, and not followed by a
    /// price marker (一斤 …). A bare number needs the money word right before it, and is not a service number
    /// (12345 …).
    private func amounts(
        _ scalars: [Unicode.Scalar], tokens: [Token], boundary: [Bool], excluding taken: [Range<Int>]
    ) -> [(EntityKind, Range<Int>, String)] {
        let money = matches(of: moneyContext, in: scalars, tokens: tokens, boundary: boundary)
        guard !money.isEmpty else { return [] }
        let wordIndex = EntityExtractor.wordIndex(tokens, count: scalars.count)
        var found: [(EntityKind, Range<Int>, String)] = []
        for candidate in AmountScanner.scan(scalars) where !taken.contains(where: { $0.overlaps(candidate.range) }) {
            let first = wordIndex[candidate.range.lowerBound]
            let last = wordIndex[max(candidate.range.lowerBound, candidate.range.upperBound - 1)]
            let reach = candidate.hasCurrency ? 6 : 2
            let near = money.contains { range in
                let word = wordIndex[range.lowerBound]
                return range.upperBound <= candidate.range.lowerBound
                    ? first - word <= reach : (candidate.hasCurrency && word - last <= 3 && word > last)
            }
            guard near else { continue }
            let after = candidate.range.upperBound
            if priceMarkers.contains(where: { scalars.hasPrefix($0, at: after) }) { continue }
            if !candidate.hasCurrency && candidate.yuan < 50 { continue }
            let yuan = candidate.yuan
            let value = yuan == yuan.rounded() ? String(Int(yuan)) : String(yuan)
            // 发给12345: a hotline's number, not a sum.
            if !candidate.hasCurrency && serviceNumbers.contains(value) { continue }
            found.append((.amount, candidate.range, value))
        }
        return found
    }

    /// Words that may follow a surname in place of a given name.
    private static let honorifics = ["先生", "女士", "师傅", "大爷", "阿姨"]
    /// Characters that end a name.
    private static let nameStops: Set<Unicode.Scalar> = [
        "在", "是", "的", "反", "说", "称", "从", "于", "因", "，", ",", "。", ":", " ", "来",
    ]

    /// A complainant's name: a surname and one or two more characters right after a cue word (我叫, 来电人 …).
    private func names(_ scalars: [Unicode.Scalar]) -> [(EntityKind, Range<Int>, String)] {
        var found: [(EntityKind, Range<Int>, String)] = []
        let cueStarts = nameCues.starts
        let honorifics = EntityExtractor.honorifics
        let stops = EntityExtractor.nameStops
        for position in scalars.indices where cueStarts.contains(scalars[position]) {
            for cue in nameCues.words where scalars.hasPrefix(cue, at: position) {
                var start = position + cue.unicodeScalars.count
                while start < scalars.count && (scalars[start] == ":" || scalars[start] == " ") { start += 1 }
                // 我是太和县的李秀英: a short description ending in 的, then the name, then punctuation.
                if cue == "我是" || cue == "本人是",
                    let particle = scalars[start..<min(scalars.count, start + 12)].firstIndex(where: {
                        $0 == "的" || stops.contains($0) && $0 != "是" && $0 != "在" && $0 != "从"
                    }), scalars[particle] == "的",
                    let named = nameAfterDescription(scalars, from: particle + 1, honorifics: honorifics)
                {
                    found.append((.name, named, scalars.string(named)))
                    continue
                }
                let surnameLength =
                    (2...2).contains(where: {
                        start + $0 <= scalars.count && surnames.contains(scalars.string(start..<(start + $0)))
                    }) ? 2 : 1
                guard start + surnameLength < scalars.count,
                    surnames.contains(scalars.string(start..<(start + surnameLength)))
                else { continue }
                var end = start + surnameLength
                if let honorific = honorifics.first(where: { scalars.hasPrefix($0, at: end) }) {
                    end += honorific.unicodeScalars.count
                } else {
                    var given = 0
                    while end < scalars.count, given < 2, CharacterTable.shared.isHan(scalars[end]),
                        !stops.contains(scalars[end])
                    {
                        end += 1
                        given += 1
                    }
                    guard given > 0 else { continue }
                }
                found.append((.name, start..<end, scalars.string(start..<end)))
            }
        }
        return found
    }

    /// A name right at `start` that is followed by punctuation or the end (李秀英，): a surname, then an honorific or
    /// one or two Han characters.
    private func nameAfterDescription(_ scalars: [Unicode.Scalar], from start: Int, honorifics: [String]) -> Range<Int>?
    {
        guard start < scalars.count, surnames.contains(scalars.string(start..<(start + 1))) else { return nil }
        var end = start + 1
        if let honorific = honorifics.first(where: { scalars.hasPrefix($0, at: end) }) {
            end += honorific.unicodeScalars.count
        } else {
            while end < scalars.count, end - start < 3, CharacterTable.shared.isHan(scalars[end]) { end += 1 }
            guard end - start >= 2 else { return nil }
        }
        guard end == scalars.count || "，,。.、 ；;！!（(".unicodeScalars.contains(scalars[end]) else { return nil }
        return start..<end
    }

    /// Whether each position of the text (0...count) is a token boundary.
    private static func boundaries(_ tokens: [Token], count: Int) -> [Bool] {
        var boundary = [Bool](repeating: false, count: count + 1)
        for token in tokens {
            boundary[token.range.lowerBound] = true
            boundary[token.range.upperBound] = true
        }
        return boundary
    }

    /// The ranges where a dictionary's terms occur, starting and ending on token boundaries.
    private func matches(
        of dictionary: DomainDictionary, in scalars: [Unicode.Scalar], tokens: [Token], boundary: [Bool]
    ) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var position = 0
        for token in tokens where token.range.lowerBound >= position && token.kind == .han {
            if let entry = dictionary.longestMatch(in: scalars, from: token.range.lowerBound, where: { boundary[$0] }) {
                let range = token.range.lowerBound..<(token.range.lowerBound + entry.scalars.count)
                found.append(range)
                position = range.upperBound
            }
        }
        return found
    }

    /// For each position of the text, the index of the word (non-space, non-punctuation token) there.
    private static func wordIndex(_ tokens: [Token], count: Int) -> [Int] {
        var index = [Int](repeating: 0, count: count + 1)
        var word = 0
        for token in tokens {
            if token.isWord { word += 1 }
            for position in token.range { index[position] = word }
        }
        index[count] = word + 1
        return index
    }

    /// The day of an ISO 8601 timestamp or date (2023-05-06, 2023-05-06T10:00:00+08:00).
    static func day(of timestamp: String?) -> DateComponents? {
        guard let timestamp, timestamp.count >= 10 else { return nil }
        let parts = timestamp.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return DateComponents(year: parts[0], month: parts[1], day: parts[2])
    }
}
