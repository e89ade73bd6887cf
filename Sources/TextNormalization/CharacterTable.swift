import CICUShim

/// Unicode properties of every BMP code point, computed once from ICU (about 6 ms), so that the hot path looks a
/// character up with an array index instead of calling ICU.
public final class CharacterTable: Sendable {
    /// The shared table, built on first use.
    public static let shared = CharacterTable()

    private let bmpFlags: [UInt16]

    private init() {
        var flags = [UInt16](repeating: 0, count: 0x10000)
        cicu_fill_bmp_flags(&flags)
        self.bmpFlags = flags
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
}
