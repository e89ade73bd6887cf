import TextNormalization

/// Splits normalised text into tokens: ICU's word break iterator, with the domain dictionary overlaid.
///
/// The overlay works at ICU's boundaries: at each one, the longest dictionary entry that starts there and also ends on
/// an ICU boundary replaces ICU's tokens in between (so 临|泉|县 becomes 临泉县, and an entry never cuts an ICU word in
/// two: 路政 does not match inside 道路|政策). Entries written with spaces re-cut what they cover.
///
/// A segmenter owns an ICU break iterator, which is not thread-safe: use one per task or thread.
public final class Segmenter {
    /// The dictionary overlaid on ICU (empty for ICU alone).
    public let dictionary: DomainDictionary
    private let breaker: WordBreaker
    private let table = CharacterTable.shared

    /// Creates a segmenter for Chinese.
    ///
    /// - Throws: `SegmentationError` when ICU's break iterator cannot be opened.
    public init(dictionary: DomainDictionary = DomainDictionary(), locale: String = "zh") throws(SegmentationError) {
        self.dictionary = dictionary
        self.breaker = try WordBreaker(locale: locale)
    }

    /// Segments a normalised text into tokens covering it from start to end.
    public func segment(_ text: NormalizedText) -> [Token] {
        let scalars = text.scalars
        guard !scalars.isEmpty else { return [] }
        let (ends, statuses) = icuBoundaries(of: scalars)

        // ICU's words, with the detachment rules' cuts (三天 → 三|天) added as boundaries of their own.
        var words: [(end: Int, kind: TokenKind, source: Token.Source)] = []
        words.reserveCapacity(ends.count + ends.count / 8)
        var wordStart = 0
        var pauses = text.pauses[...]
        func appendWord(endingAt end: Int, status: Int32) {
            let kind = kind(of: scalars[wordStart..<end], status: status)
            if kind == .han, end - wordStart >= 2,
                let cut = dictionary.detachment.cut(scalars[wordStart..<end], text: { text.text(in: wordStart..<end) })
            {
                words.append((wordStart + cut, .han, .dictionary))
                words.append((end, .han, .dictionary))
            } else {
                words.append((end, kind, .icu))
            }
            wordStart = end
        }
        for (end, status) in zip(ends, statuses) {
            // A pause (a space removed between two words) is a boundary ICU could not see.
            while let pause = pauses.first, pause < end {
                pauses.removeFirst()
                if pause > wordStart { appendWord(endingAt: pause, status: status) }
            }
            appendWord(endingAt: end, status: status)
        }
        var isBoundary = [Bool](repeating: false, count: scalars.count + 1)
        isBoundary[0] = true
        for word in words { isBoundary[word.end] = true }

        var tokens: [Token] = []
        tokens.reserveCapacity(words.count)
        var start = 0
        var next = 0  // index into words of the first word ending after start
        while start < scalars.count {
            if dictionary.count > 0, table.isHan(scalars[start]),
                let entry = dictionary.longestMatch(in: scalars, from: start, where: { isBoundary[$0] })
            {
                var pieceStart = start
                for length in entry.pieces {
                    let range = pieceStart..<(pieceStart + length)
                    tokens.append(makeToken(text, range, kind: .han, source: .dictionary))
                    pieceStart += length
                }
                start = pieceStart
                while next < words.count && words[next].end <= start { next += 1 }
                continue
            }
            let word = words[next]
            tokens.append(makeToken(text, start..<word.end, kind: word.kind, source: word.source))
            start = word.end
            next += 1
        }
        return tokens
    }

    private func makeToken(_ text: NormalizedText, _ range: Range<Int>, kind: TokenKind, source: Token.Source) -> Token
    {
        Token(kind: kind, range: range, originalRange: text.originalRange(of: range), source: source)
    }

    /// ICU's boundaries as scalar offsets (the last is the text's length), each with the rule status of its word.
    private func icuBoundaries(of scalars: [Unicode.Scalar]) -> (ends: [Int], statuses: [Int32]) {
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count)
        var hasSupplementary = false
        for scalar in scalars {
            if scalar.value < 0x10000 {
                units.append(UInt16(scalar.value))
            } else {
                hasSupplementary = true
                units.append(contentsOf: UTF16.encode(scalar)!)
            }
        }
        let (unitEnds, statuses) = breaker.boundaries(of: units)
        guard hasSupplementary else { return (unitEnds.map { Int($0) }, Array(statuses)) }
        // Map UTF-16 offsets to scalar offsets.
        var scalarAt = [Int](repeating: 0, count: units.count + 1)
        var scalarIndex = 0
        var unitIndex = 0
        for scalar in scalars {
            scalarAt[unitIndex] = scalarIndex
            unitIndex += scalar.value < 0x10000 ? 1 : 2
            scalarIndex += 1
        }
        scalarAt[units.count] = scalars.count
        return (unitEnds.map { scalarAt[Int($0)] }, Array(statuses))
    }

    /// The kind of an ICU token, from its rule status (UBRK_WORD_* ranges) and its characters: ICU gives letters
    /// mixed with digits (K12345) the number status, so a number token with a letter in it is Latin.
    private func kind(of token: ArraySlice<Unicode.Scalar>, status: Int32) -> TokenKind {
        switch status {
        case 100..<300: return token.contains(where: table.isLetter) ? .latin : .number
        case 400..<500: return .han
        case 300..<400: return .other
        default:
            guard let first = token.first else { return .other }
            if table.isWhitespace(first) { return .space }
            if table.isPunctuation(first) { return .punctuation }
            return .other
        }
    }
}
