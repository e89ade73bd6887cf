import CICUShim

/// Per-character facts the normaliser needs on its hot path, computed once from ICU: Unicode properties of every BMP
/// code point and the traditional→simplified mapping of every Han character.
///
/// ICU's transliterator runs at about 10 MB/s over whole texts; looking a character up here costs an array index.
public final class CharacterTable: Sendable {
    /// The shared table, built on first use (about 50 ms).
    public static let shared = CharacterTable()

    private let bmpFlags: [UInt16]
    private let bmpSimplified: [UInt16]

    private init() {
        var flags = [UInt16](repeating: 0, count: 0x10000)
        cicu_fill_bmp_flags(&flags)
        self.bmpFlags = flags
        self.bmpSimplified = CharacterTable.buildSimplifiedTable(flags: flags)
    }

    /// The `CICU_CHAR_*` flags of a code point.
    @inline(__always)
    func flags(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        return value < 0x10000 ? UInt32(bmpFlags[Int(value)]) : cicu_char_flags(value)
    }

    /// Whether a code point is a Han character.
    @inline(__always)
    public func isHan(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & UInt32(CICU_CHAR_HAN) != 0 }

    /// Whether a code point is white space.
    @inline(__always)
    public func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar) & UInt32(CICU_CHAR_WHITESPACE) != 0
    }

    /// Whether a code point is a letter (general category L*).
    @inline(__always)
    public func isLetter(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & UInt32(CICU_CHAR_LETTER) != 0 }

    /// Whether a code point is punctuation (general category P*).
    @inline(__always)
    public func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar) & UInt32(CICU_CHAR_PUNCTUATION) != 0
    }

    /// The simplified form of a character (the character itself when it has none).
    @inline(__always)
    public func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard value < 0x10000 else { return scalar }
        return Unicode.Scalar(bmpSimplified[Int(value)]) ?? scalar
    }

    /// Maps each BMP Han character through ICU's `Traditional-Simplified` transliterator, one character at a time
    /// (all characters in one buffer, one per line, so ICU is called once).
    private static func buildSimplifiedTable(flags: [UInt16]) -> [UInt16] {
        var table = (0..<0x10000).map { UInt16($0) }
        let han = (0..<0x10000).filter {
            flags[$0] & UInt16(CICU_CHAR_HAN) != 0 && !(0xD800..<0xE000).contains($0)
        }
        var status: Int32 = 0
        guard let transliterator = cicu_transliterator_open("Traditional-Simplified", &status) else { return table }
        defer { cicu_transliterator_close(transliterator) }
        var buffer: [UInt16] = []
        buffer.reserveCapacity(han.count * 2)
        for code in han {
            buffer.append(UInt16(code))
            buffer.append(0x0A)
        }
        let length = Int32(buffer.count)
        buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        let written = cicu_transliterate(transliterator, &buffer, length, Int32(buffer.count), &status)
        guard written >= 0 else { return table }
        let lines = buffer[0..<Int(written)].split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= han.count else { return table }
        for (code, line) in zip(han, lines) where line.count == 1 {
            let simplified = line.first!
            if (0xD800..<0xE000).contains(Int(simplified)) { continue }
            table[code] = simplified
        }
        return table
    }
}
