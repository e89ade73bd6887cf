/// A trie over sequences of keys (characters, or pinyin syllable ids) that reports every term ending at each position.
struct TermTrie: Sendable {
    private var edges: [UInt64: Int32] = [:]
    /// For each node, the term ids that end there.
    private var terminals: [[Int]] = [[]]

    var isEmpty: Bool { terminals.count == 1 }

    mutating func insert(_ keys: [UInt32], term: Int) {
        var node: Int32 = 0
        for key in keys {
            let edge = UInt64(UInt32(node)) << 32 | UInt64(key)
            if let child = edges[edge] {
                node = child
            } else {
                let child = Int32(terminals.count)
                terminals.append([])
                edges[edge] = child
                node = child
            }
        }
        terminals[Int(node)].append(term)
    }

    /// Calls `found(term, end)` for every term that matches `keys` from `start`; `end` is exclusive.
    func matches(in keys: [UInt32], from start: Int, _ found: (Int, Int) -> Void) {
        var node: Int32 = 0
        var position = start
        while position < keys.count,
            let child = edges[UInt64(UInt32(node)) << 32 | UInt64(keys[position])]
        {
            node = child
            position += 1
            for term in terminals[Int(node)] { found(term, position) }
        }
    }
}
