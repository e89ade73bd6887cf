import CICUShim

/// Toneless pinyin of Han characters through ICU's `Han-Latin; Latin-ASCII` transliterator, one syllable per character,
/// cached: ICU's transliterator is slow (about 0.2 MB/s), so each character is transliterated once per transcriber.
///
/// Syllables are interned as small integers for the pinyin trie. Not thread-safe: one per classifier.
final class PinyinTranscriber {
    private let transliterator: OpaquePointer?
    private var cache: [UInt32: UInt32] = [:]
    private var syllables: [String: UInt32] = [:]

    /// The key of a character ICU gives no syllable for.
    static let noSyllable: UInt32 = 0

    init() {
        var status: Int32 = 0
        transliterator = cicu_transliterator_open("Han-Latin; Latin-ASCII", &status)
    }

    deinit { cicu_transliterator_close(transliterator) }

    /// The syllable id of a Han character.
    func syllable(of scalar: Unicode.Scalar) -> UInt32 {
        if let cached = cache[scalar.value] { return cached }
        let id = intern(transliterate(scalar))
        cache[scalar.value] = id
        return id
    }

    private func intern(_ syllable: String) -> UInt32 {
        guard !syllable.isEmpty else { return PinyinTranscriber.noSyllable }
        if let id = syllables[syllable] { return id }
        let id = UInt32(syllables.count + 1)
        syllables[syllable] = id
        return id
    }

    private func transliterate(_ scalar: Unicode.Scalar) -> String {
        guard let transliterator else { return "" }
        var buffer = [UInt16](repeating: 0, count: 32)
        let units = Array(String(scalar).utf16)
        for (index, unit) in units.enumerated() { buffer[index] = unit }
        var status: Int32 = 0
        let length = cicu_transliterate(transliterator, &buffer, Int32(units.count), Int32(buffer.count), &status)
        guard length > 0 else { return "" }
        let latin = String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        return latin.lowercased().filter { $0.isLetter }
    }
}
