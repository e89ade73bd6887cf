/// A map from 64-bit keys to 32-bit values, by open addressing with a multiplicative hash: for the hot lookups of the
/// segmenter's dictionary, the rule matcher and the models (trie edges, pairs of characters), where `Dictionary`'s seeded hashing costs more than the
/// rest of the lookup. A lookup never allocates.
///
/// `UInt64.max` cannot be a key: it marks an empty slot (keys here are a node or a character in the upper half and a
/// character or a syllable number in the lower half, never all ones).
public struct IntegerMap: Sendable {
    @usableFromInline static let empty = UInt64.max
    @usableFromInline var keys = [UInt64](repeating: IntegerMap.empty, count: 16)
    @usableFromInline var values = [Int32](repeating: 0, count: 16)
    /// 64 − log2 of the capacity: a key's first slot is the top bits of its hash.
    @usableFromInline var shift: UInt64 = 60
    /// How many keys it holds.
    public private(set) var count = 0

    /// An empty map.
    public init() {}

    /// An empty map with room for `minimumCapacity` keys before it grows.
    public init(minimumCapacity: Int) {
        while keys.count < minimumCapacity * 2 {
            keys.append(contentsOf: keys)
            shift -= 1
        }
        values = [Int32](repeating: 0, count: keys.count)
    }

    /// The value of a key, or `nil`.
    @inlinable
    public func value(for key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == IntegerMap.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Sets the value of a key, adding the key if it is new.
    public mutating func set(_ value: Int32, for key: UInt64) {
        precondition(key != IntegerMap.empty, "UInt64.max marks an empty slot")
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != IntegerMap.empty && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == IntegerMap.empty { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    /// Doubles the capacity (it stays at most half full) and puts every key back.
    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: IntegerMap.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != IntegerMap.empty { set(value, for: key) }
    }
}
