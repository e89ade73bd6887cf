import Segmentation
import TextNormalization

/// Finds every rule term in a segmented text, and marks the occurrences that are negated or spoken by a hotline
/// operator.
final class RuleMatcher {
    let book: RuleBook
    private let characterTrie: TermTrie
    private let soundTrie: TermTrie
    private let pinyin: PinyinTable
    private let table = CharacterTable.shared
    /// What each term is to negation and to operators' turns (by term id).
    private let roles: [Role]

    /// The parts a term plays besides being evidence, from the rule book's well-known lists.
    struct Role: OptionSet, Sendable {
        let rawValue: UInt8
        static let negator = Role(rawValue: 1)
        static let nearNegator = Role(rawValue: 2)
        static let negationBreak = Role(rawValue: 4)
        static let operatorLabel = Role(rawValue: 8)
        static let callerLabel = Role(rawValue: 16)
    }

    /// How many words before a term a negator governs it.
    static let negationReach = 4

    init(book: RuleBook, pinyin: PinyinTable) {
        self.book = book
        self.pinyin = pinyin
        var characterTrie = TermTrie()
        var soundTrie = TermTrie()
        for (id, term) in book.terms.enumerated() {
            let scalars = Array(term.text.unicodeScalars)
            characterTrie.insert(scalars.map(\.value), term: id)
            let sounds = scalars.map { pinyin.syllable(of: $0) }
            if term.homophoneTolerant && !sounds.contains(0) { soundTrie.insert(sounds, term: id) }
        }
        self.characterTrie = characterTrie
        self.soundTrie = soundTrie
        var roles = [Role](repeating: [], count: book.terms.count)
        let lists: [(RuleBook.WellKnownList, Role)] = [
            (.negators, .negator), (.nearNegators, .nearNegator), (.negationBreaks, .negationBreak),
            (.operatorLabels, .operatorLabel), (.callerLabels, .callerLabel),
        ]
        for (list, role) in lists {
            for term in book.terms(of: list) { roles[term].insert(role) }
        }
        self.roles = roles
    }

    /// The occurrences of every term in the text, in text order, each aligned with token boundaries.
    func matches(in text: NormalizedText, tokens: [Token]) -> [TermMatch] {
        let scalars = text.scalars
        let count = scalars.count
        // Word index of each token; token starts and ends are the only places a term may start and end.
        var wordAtStart = [Int32](repeating: -1, count: count + 1)
        var wordAtEnd = [Int32](repeating: -1, count: count + 1)
        var breaks: [Int] = []
        var word: Int32 = -1
        func isNewline(_ token: Token) -> Bool { token.range.count == 1 && scalars[token.range.lowerBound] == "\n" }
        for token in tokens {
            if token.isWord {
                word += 1
            } else if token.kind == .punctuation || isNewline(token) {
                breaks.append(token.range.lowerBound)
            }
            wordAtStart[token.range.lowerBound] = token.isWord ? word : max(0, word + 1)
            wordAtEnd[token.range.upperBound] = max(0, word)
        }
        let keys = scalars.map(\.value)
        var sounds: [UInt32] = []
        if !soundTrie.isEmpty && scalars.contains(where: table.isHan) {
            sounds = scalars.map { table.isHan($0) ? pinyin.syllable(of: $0) : 0 }
        }
        var found: [TermMatch] = []
        found.reserveCapacity(tokens.count)
        for token in tokens where token.isWord {
            let start = token.range.lowerBound
            let firstAtStart = found.count
            characterTrie.matches(in: keys, from: start) { term, end in
                guard wordAtEnd[end] >= 0 else { return }
                found.append(
                    TermMatch(
                        term: term, range: start..<end, firstWord: Int(wordAtStart[start]),
                        lastWord: Int(wordAtEnd[end]), bySound: false))
            }
            guard !sounds.isEmpty, table.isHan(scalars[start]) else { continue }
            // A term found by its characters here is not found again by its sound.
            let byCharacters = firstAtStart..<found.count
            soundTrie.matches(in: sounds, from: start) { term, end in
                guard wordAtEnd[end] >= 0,
                    !found[byCharacters].contains(where: { $0.term == term && $0.range.upperBound == end })
                else { return }
                found.append(
                    TermMatch(
                        term: term, range: start..<end, firstWord: Int(wordAtStart[start]),
                        lastWord: Int(wordAtEnd[end]), bySound: true))
            }
        }
        breaks += text.pauses
        let wordBreaks = found.filter { roles[$0.term].contains(.negationBreak) }.map(\.range.lowerBound)
        let questions = Set(RuleMatcher.choiceQuestionNegators(tokens, in: scalars))
        markNegation(&found, breaks: breaks, wordBreaks: wordBreaks, questions: questions)
        markOperatorTurns(&found, scalars: scalars)
        return found
    }

    /// A term is negated when a negator ends at most `negationReach` words before it (a near negator: right before
    /// it) with no punctuation or pause (a space between words, see `NormalizedText.pauses`) in between, nor a
    /// negation break word (但是, 被 …) that does not follow the negator directly ("没有被罚" stays negated;
    /// "未覆盖被罚款" does not).
    /// A negator inside an A-not-A question (是不是, 能不能, 有没有) asks rather than negates: it governs nothing.
    private func markNegation(_ found: inout [TermMatch], breaks: [Int], wordBreaks: [Int], questions: Set<Int>) {
        let negations = found.filter {
            !roles[$0.term].isDisjoint(with: [.negator, .nearNegator]) && !questions.contains($0.range.lowerBound)
        }
        guard !negations.isEmpty else { return }
        for index in found.indices {
            let match = found[index]
            for negation in negations where negation.range.upperBound <= match.range.lowerBound {
                let reach = roles[negation.term].contains(.nearNegator) ? 1 : RuleMatcher.negationReach
                guard match.firstWord - negation.lastWord <= reach else { continue }
                let end = negation.range.upperBound
                let blocked =
                    breaks.contains { $0 >= end && $0 < match.range.lowerBound }
                    || wordBreaks.contains { $0 > end && $0 < match.range.lowerBound }
                if !blocked {
                    found[index].negated = true
                    break
                }
            }
        }
    }

    /// The start positions of negator tokens that ask instead of negating: 不 or 没 between two equal words
    /// (是|不|是, 能|不|能), and 没有 after 有 (有|没有).
    static func choiceQuestionNegators(_ tokens: [Token], in scalars: [Unicode.Scalar]) -> [Int] {
        guard tokens.count >= 2 else { return [] }
        var found: [Int] = []
        // Only one- and two-character words can be 不, 没 or 没有: the others are not compared at all.
        for index in 1..<tokens.count where tokens[index].range.count <= 2 {
            let word = scalars[tokens[index].range]
            // A word with neither 不 nor 没, made of characters normalisation leaves alone, is none of them.
            guard word.contains(where: { $0 == "不" || $0 == "没" || !untouchedByNormalization($0) }) else { continue }
            let before = scalars[tokens[index - 1].range]
            let asks: Bool
            if sameText(word, ["不"]) || sameText(word, ["没"]) {
                asks = index + 1 < tokens.count && sameText(before, scalars[tokens[index + 1].range])
            } else {
                asks = sameText(word, ["没", "有"]) && sameText(before, ["有"])
            }
            if asks { found.append(tokens[index].range.lowerBound) }
        }
        return found
    }

    /// Whether two texts are equal as Strings (canonically equivalent), compared on their scalars: a text made only of
    /// characters that are in NFC by themselves and combine with nothing (ASCII, CJK ideographs, CJK and general
    /// punctuation, full-width forms, emoji) is in NFC, and two NFC texts are equivalent only when their scalars are equal.
    /// Other texts that differ in scalars are compared as Strings.
    static func sameText(
        _ text: ArraySlice<Unicode.Scalar>, _ other: some Collection<Unicode.Scalar>
    ) -> Bool {
        if text.elementsEqual(other) { return true }
        if text.allSatisfy(untouchedByNormalization) && other.allSatisfy(untouchedByNormalization) { return false }
        return String(scalars: text) == String(scalars: other)
    }

    /// Whether a character is in NFC by itself and combines with nothing (see `sameText`).
    private static func untouchedByNormalization(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // U+2000, U+2001 and the tone marks U+302A–U+302F are not: they decompose or combine.
        case 0..<0x80, 0x2002...0x206F, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xFF00...0xFFEF, 0x1F000...0x1FAFF:
            return true
        default:
            return false
        }
    }

    /// An operator's turn starts at an operator label followed by a colon (or opening a line) and runs to the next
    /// caller label, or, when no caller label follows, to the end of that sentence; in both cases no further than the
    /// next speaker's label of any kind (儿子：, 车队老板：, where transcripts run turns together without breaks).
    private func markOperatorTurns(_ found: inout [TermMatch], scalars: [Unicode.Scalar]) {
        guard found.contains(where: { roles[$0.term].contains(.operatorLabel) }) else { return }
        let sentenceEnds: Set<Unicode.Scalar> = ["\n", "。", "?", "!"]
        var turns: [Range<Int>] = []
        let callers = found.filter { roles[$0.term].contains(.callerLabel) }.map(\.range.lowerBound)
        for match in found where roles[match.term].contains(.operatorLabel) {
            let start = match.range.lowerBound
            let end = match.range.upperBound
            let colon = end < scalars.count && scalars[end] == ":"
            let opensLine = start == 0 || scalars[start - 1] == "\n"
            guard colon || opensLine else { continue }
            let turnEnd = min(
                callers.first { $0 >= end }
                    ?? (scalars[end...].firstIndex(where: sentenceEnds.contains).map { $0 + 1 } ?? scalars.count),
                nextSpeakerLabel(after: colon ? end + 1 : end, in: scalars, found: found))
            turns.append(start..<turnEnd)
        }
        guard !turns.isEmpty else { return }
        for index in found.indices {
            let start = found[index].range.lowerBound
            if turns.contains(where: { $0.contains(start) }) { found[index].inOperatorTurn = true }
        }
    }

    /// Where the next speaker's label after `start` begins: the next colon after a letter (not a time's 10:30) marks
    /// one, and the label is the term found ending at it (儿子 in "您说儿子："), or the colon itself when none does.
    private func nextSpeakerLabel(after start: Int, in scalars: [Unicode.Scalar], found: [TermMatch]) -> Int {
        let isLabelEnd = { (index: Int) in
            index > start && scalars[index] == ":" && scalars[index - 1].properties.isAlphabetic
        }
        guard start < scalars.count, let colon = scalars.indices[start...].first(where: isLabelEnd) else {
            return scalars.count
        }
        let labels = found.lazy.filter { $0.range.upperBound == colon && $0.range.lowerBound >= start }
        return labels.map(\.range.lowerBound).min() ?? colon
    }
}
