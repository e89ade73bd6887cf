import TextNormalization

/// A trie over sequences of keys (characters, or pinyin syllable ids) that reports every term ending at each position.
///
/// The root's children sit in an array indexed by key (most lookups start and fail there); deeper edges are in an
/// `IntegerMap`.
struct TermTrie: Sendable {
    private var rootChildren = [Int32](repeating: -1, count: 0x10000)
    private var edges = IntegerMap()
    /// For each node, the term ids that end there.
    private var terminals: [[Int]] = [[]]

    var isEmpty: Bool { terminals.count == 1 }

    mutating func insert(_ keys: [UInt32], term: Int) {
        var node: Int32 = 0
        for key in keys {
            if let child = self.child(of: node, key) {
                node = child
            } else {
                let child = Int32(terminals.count)
                terminals.append([])
                if node == 0 && key < 0x10000 {
                    rootChildren[Int(key)] = child
                } else {
                    edges.set(child, for: UInt64(UInt32(node)) << 32 | UInt64(key))
                }
                node = child
            }
        }
        terminals[Int(node)].append(term)
    }

    @inline(__always)
    private func child(of node: Int32, _ key: UInt32) -> Int32? {
        if node == 0 && key < 0x10000 {
            let child = rootChildren[Int(key)]
            return child < 0 ? nil : child
        }
        return edges.value(for: UInt64(UInt32(node)) << 32 | UInt64(key))
    }

    /// The terms whose keys are exactly `keys` (scalars' values), or none.
    func terms(exactly keys: ArraySlice<Unicode.Scalar>) -> [Int] {
        var node: Int32 = 0
        for key in keys {
            guard let child = child(of: node, key.value) else { return [] }
            node = child
        }
        return terminals[Int(node)]
    }

    /// Calls `found(term, end)` for every term that matches `keys` from `start`; `end` is exclusive.
    func matches(in keys: [UInt32], from start: Int, _ found: (Int, Int) -> Void) {
        var node: Int32 = 0
        var position = start
        while position < keys.count, let child = child(of: node, keys[position]) {
            node = child
            position += 1
            for term in terminals[Int(node)] { found(term, position) }
        }
    }
}
