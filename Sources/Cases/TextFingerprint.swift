/// A 64-bit SimHash of a text's character bigrams: near-duplicate texts (a repost with a few words changed, other
/// punctuation, an added emoji) have fingerprints a few bits apart, unrelated texts about 32 bits apart.
///
/// Only letters, digits and Han characters count, so punctuation, spacing and emoji do not move the fingerprint.
public struct TextFingerprint: Sendable, Hashable {
    /// The 64 bits.
    public let bits: UInt64

    /// Wraps stored bits.
    public init(bits: UInt64) { self.bits = bits }

    /// Computes the fingerprint of a (normalised) text.
    public init(text: some StringProtocol) {
        var kept: [UInt32] = []
        kept.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            kept.append(scalar.value)
        }
        var weights = [Int32](repeating: 0, count: 64)
        func add(_ hash: UInt64) {
            for bit in 0..<64 { weights[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        if kept.count == 1 { add(TextFingerprint.mix(UInt64(kept[0]))) }
        for index in kept.indices.dropFirst() {
            add(TextFingerprint.mix(UInt64(kept[index - 1]) << 32 | UInt64(kept[index])))
        }
        var bits: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { bits |= 1 << UInt64(bit) }
        self.bits = bits
    }

    /// How many bits differ: 0 for identical texts, about 32 for unrelated ones.
    public func distance(to other: TextFingerprint) -> Int { (bits ^ other.bits).nonzeroBitCount }

    /// The bits as a signed integer, for SQL columns.
    public var storedValue: Int64 { Int64(bitPattern: bits) }

    /// SplitMix64's finaliser: spreads a bigram's code points over all 64 bits.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
