import CICUShim

/// Normalises complaint text so that the same words look the same however they were typed, keeping a map back to
/// the original.
///
/// In order: NFKC (full-width letters, digits and punctuation become half-width), traditional characters become
/// simplified, invisible characters (zero-width, other default-ignorable code points, control characters) are removed,
/// runs of white space collapse to one space (or one newline when they hold a line break, so speaker turns survive),
/// and noise inserted between Han characters to dodge keyword filters is removed: spaces between two Han characters,
/// and symbols interleaved with single Han characters (`钓*鱼*执*法`, `钓.鱼.执.法`, at least three characters).
public struct Normalizer: Sendable {
    /// The steps to run; all by default.
    public struct Steps: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Unicode compatibility normalisation (NFKC).
        public static let compatibility = Steps(rawValue: 1 << 0)
        /// Traditional characters to simplified.
        public static let simplify = Steps(rawValue: 1 << 1)
        /// Zero-width, default-ignorable and control characters removed.
        public static let removeInvisible = Steps(rawValue: 1 << 2)
        /// Runs of white space collapsed to one space or one newline.
        public static let collapseWhitespace = Steps(rawValue: 1 << 3)
        /// Spaces and symbols inserted between Han characters removed.
        public static let removeInsertedNoise = Steps(rawValue: 1 << 4)
        /// Every step.
        public static let all: Steps = [
            .compatibility, .simplify, .removeInvisible, .collapseWhitespace, .removeInsertedNoise,
        ]
    }

    /// The steps this normaliser runs.
    public let steps: Steps
    private let table: CharacterTable
    private let simplification: Simplification

    /// Symbols that count as inserted noise when they interleave single Han characters.
    static let noiseSymbols = ScalarSet(
        [
            "*", ".", "·", "•", "-", "_", "/", "\\", "|", "~", "^", "+", "#", "@", "=", "`", "'", "\"", "¥", "$", "%",
            "&",
        ] as [Unicode.Scalar])

    /// Creates a normaliser running the given steps, with a traditional → simplified mapping (by default the one
    /// built from ICU; the CLI loads `Lexicons/characters/simplified.tsv` instead, which is faster to load).
    public init(steps: Steps = .all, simplification: Simplification? = nil) {
        self.steps = steps
        self.table = CharacterTable.shared
        self.simplification = simplification ?? (steps.contains(.simplify) ? .icu : Simplification(pairs: []))
    }

    /// Whether a text is certainly already in normal form, judged character by character (no ICU call, no
    /// allocation): every character is left alone by NFKC, is not white space, invisible or noise, and has no
    /// simplified form other than itself. `false` means "normalise to find out", not "not normalised".
    public func isPlainlyNormalized(_ text: String) -> Bool {
        let inert = UInt32(CICU_CHAR_NFKC_INERT)
        let unwanted = UInt32(CICU_CHAR_WHITESPACE | CICU_CHAR_IGNORABLE | CICU_CHAR_CONTROL)
        for scalar in text.unicodeScalars {
            let flags = table.flags(scalar)
            guard flags & inert != 0, flags & unwanted == 0, !Normalizer.noiseSymbols.contains(scalar) else {
                return false
            }
            if flags & UInt32(CICU_CHAR_HAN) != 0 && simplification.simplified(scalar) != scalar { return false }
        }
        return true
    }

    /// Normalises a text.
    public func normalize(_ text: String) -> NormalizedText {
        normalize(Array(text.unicodeScalars))
    }

    /// Normalises a text given as Unicode scalars.
    public func normalize(_ source: [Unicode.Scalar]) -> NormalizedText {
        var output = Output(capacity: source.count)
        var index = 0
        let count = source.count
        let stableAlone = UInt32(CICU_CHAR_NFKC_STABLE)
        let inert = UInt32(CICU_CHAR_NFKC_INERT)
        let boundaryBefore = UInt32(CICU_CHAR_NFKC_BOUNDARY_BEFORE)
        while index < count {
            let scalar = source[index]
            let flags = table.flags(scalar)
            guard steps.contains(.compatibility), flags & inert == 0 else {
                emit(scalar, flags: flags, from: index, to: index + 1, into: &output)
                index += 1
                continue
            }
            // A normalisation chunk runs to the next character that NFKC has a boundary before.
            var end = index + 1
            while end < count && table.flags(source[end]) & boundaryBefore == 0 { end += 1 }
            if end == index + 1 && flags & stableAlone != 0 {
                emit(scalar, flags: flags, from: index, to: end, into: &output)
            } else {
                for normalized in Normalizer.nfkc(source[index..<end]) {
                    emit(normalized, flags: table.flags(normalized), from: index, to: end, into: &output)
                }
            }
            index = end
        }
        output.pendingSpace = nil  // trailing white space collapses into nothing
        if steps.contains(.removeInsertedNoise) { removeInsertedNoise(from: &output) }
        return NormalizedText(
            scalars: output.scalars, originStarts: output.starts, originEnds: output.ends,
            originalLength: source.count, pauses: output.pauses)
    }

    /// The normaliser's working buffers.
    private struct Output {
        var scalars: [Unicode.Scalar] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        /// A run of white space not yet written: its original span and whether it held a line break.
        var pendingSpace: (start: Int, end: Int, lineBreak: Bool)?
        /// Positions right after a removed space that stood between two words (see `NormalizedText.pauses`).
        var pauses: [Int] = []

        init(capacity: Int) {
            scalars.reserveCapacity(capacity)
            starts.reserveCapacity(capacity)
            ends.reserveCapacity(capacity)
        }

        mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
            scalars.append(scalar)
            starts.append(Int32(start))
            ends.append(Int32(end))
        }
    }

    @inline(__always)
    private func emit(_ scalar: Unicode.Scalar, flags: UInt32, from start: Int, to end: Int, into output: inout Output)
    {
        if flags & UInt32(CICU_CHAR_WHITESPACE) != 0 && steps.contains(.collapseWhitespace) {
            let lineBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
            if let pending = output.pendingSpace {
                output.pendingSpace = (pending.start, end, pending.lineBreak || lineBreak)
            } else {
                output.pendingSpace = (start, end, lineBreak)
            }
            return
        }
        if steps.contains(.removeInvisible), flags & UInt32(CICU_CHAR_WHITESPACE) == 0,
            flags & UInt32(CICU_CHAR_IGNORABLE | CICU_CHAR_CONTROL) != 0
        {
            return
        }
        if let pending = output.pendingSpace {
            output.append(pending.lineBreak ? "\n" : " ", from: pending.start, to: pending.end)
            output.pendingSpace = nil
        }
        let simplified =
            steps.contains(.simplify) && flags & UInt32(CICU_CHAR_HAN) != 0 ? simplification.simplified(scalar) : scalar
        output.append(simplified, from: start, to: end)
    }

    /// Removes spaces between two Han characters, and symbols interleaved with single Han characters; a removed space
    /// between two words of Han characters is kept as a pause.
    private func removeInsertedNoise(from output: inout Output) {
        let scalars = output.scalars
        let count = scalars.count
        var remove = [Bool](repeating: false, count: count)
        var pauseAfter: [Int] = []  // positions after which a pause falls, ascending
        var anyRemoved = false
        func hanRun(endingAt last: Int) -> Int {
            var first = last
            while first >= 0 && table.isHan(scalars[first]) { first -= 1 }
            return last - first
        }
        func hanRun(startingAt first: Int) -> Int {
            var end = first
            while end < count && table.isHan(scalars[end]) { end += 1 }
            return end - first
        }
        func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || Normalizer.noiseSymbols.contains(scalar)
        }
        var index = 0
        while index < count {
            guard table.isHan(scalars[index]) else {
                index += 1
                continue
            }
            // Follow a chain Han (separators Han)+ in which every inner Han character stands alone.
            var runs: [Range<Int>] = []
            var current = index
            while true {
                var next = current + 1
                while next < count && isSeparator(scalars[next]) { next += 1 }
                guard next > current + 1, next < count, table.isHan(scalars[next]) else { break }
                runs.append((current + 1)..<next)
                current = next
                if current + 1 < count && !isSeparator(scalars[current + 1]) { break }
            }
            let symbolChain = runs.count >= 2
            for run in runs where symbolChain || scalars[run].allSatisfy({ $0 == " " }) {
                for position in run { remove[position] = true }
                anyRemoved = true
                if !symbolChain && hanRun(endingAt: run.lowerBound - 1) >= 2 && hanRun(startingAt: run.upperBound) >= 2
                {
                    pauseAfter.append(run.upperBound - 1)
                }
            }
            index = max(current, index + 1)
        }
        guard anyRemoved else { return }
        var kept = Output(capacity: count)
        var pauses = pauseAfter[...]
        for position in 0..<count {
            if pauses.first == position {
                pauses.removeFirst()
                kept.pauses.append(kept.scalars.count)
            }
            guard !remove[position] else { continue }
            kept.append(scalars[position], from: Int(output.starts[position]), to: Int(output.ends[position]))
        }
        output = kept
    }

    /// NFKC of a short run of characters through ICU.
    private static func nfkc(_ chunk: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var units: [UInt16] = []
        units.reserveCapacity(chunk.count * 2)
        for scalar in chunk { units.append(contentsOf: UTF16.encode(scalar)!) }
        var capacity = max(16, units.count * 4)
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let written = cicu_nfkc(units, Int32(units.count), &out, Int32(capacity), &status)
            if written >= 0 {
                // Decoded as String(decoding:as: UTF16.self) would (an ill-formed unit becomes U+FFFD), without
                // making the String.
                var scalars: [Unicode.Scalar] = []
                scalars.reserveCapacity(Int(written))
                var units = out[0..<Int(written)].makeIterator()
                var decoder = UTF16()
                while true {
                    switch decoder.decode(&units) {
                    case .scalarValue(let scalar): scalars.append(scalar)
                    case .error: scalars.append("\u{FFFD}")
                    case .emptyInput: return scalars
                    }
                }
            }
            guard capacity < 1 << 16 else { return Array(chunk) }  // cannot happen for NFKC; keep the text
            capacity *= 4
        }
    }
}
