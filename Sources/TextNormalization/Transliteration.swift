import CICUShim

/// Runs an ICU transliterator over single characters, for building per-character tables (traditional → simplified,
/// pinyin) that the hot path then looks up instead of calling ICU.
public enum Transliteration {
    /// The transliteration of each character, in order (`nil` for all of them when ICU has no such transliterator or
    /// fails). All characters go through ICU in one buffer, one per line, so the transliterator runs once.
    public static func perCharacter(_ characters: [Unicode.Scalar], id: String) -> [String]? {
        var status: Int32 = 0
        guard let transliterator = cicu_transliterator_open(id, &status) else { return nil }
        defer { cicu_transliterator_close(transliterator) }
        var buffer: [UInt16] = []
        buffer.reserveCapacity(characters.count * 8)
        for scalar in characters {
            buffer.append(contentsOf: UTF16.encode(scalar)!)
            buffer.append(0x0A)
        }
        let length = Int32(buffer.count)
        buffer.append(contentsOf: repeatElement(0, count: buffer.count * 6))
        let written = cicu_transliterate(transliterator, &buffer, length, Int32(buffer.count), &status)
        guard written >= 0 else { return nil }
        let lines = buffer[0..<Int(written)].split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= characters.count else { return nil }
        return lines.prefix(characters.count).map { String(decoding: $0, as: UTF16.self) }
    }

    /// Every Han character of the BMP.
    public static var hanCharacters: [Unicode.Scalar] {
        (0..<0x10000).compactMap { Unicode.Scalar(UInt32($0)) }.filter(CharacterTable.shared.isHan)
    }
}
