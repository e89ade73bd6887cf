import TextNormalization

/// Finds phone numbers, resident ID numbers (checksum-validated) and badge numbers in normalised text.
struct NumberScanner {
    /// Words after which a bare 7- or 8-digit number is a local phone number.
    static let phoneCues = ["电话", "手机", "联系方式", "联系电话", "号码", "热线"]

    /// Whether an 18-character resident ID number has a valid ISO 7064 MOD 11-2 check character.
    static func hasValidChecksum(_ id: [Unicode.Scalar]) -> Bool {
        guard id.count == 18, id[..<17].allSatisfy(\.isDigit) else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(id[..<17], weights).reduce(0) { $0 + Int($1.0.value - 48) * $1.1 }
        let expected = Array("10X98765432".unicodeScalars)[sum % 11]
        let given = id[17] == "x" ? "X" : id[17]
        return given == expected
    }

    /// Where a mobile number's last two groups end, when `from` starts `-1234-5678` or ` 1234 5678` (one
    /// separator kind, two groups of four digits, nothing alphanumeric after).
    static func groupedMobileEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < scalars.count, scalars[start] == "-" || scalars[start] == " " else { return nil }
        let separator = scalars[start]
        var position = start
        for _ in 0..<2 {
            guard position + 5 <= scalars.count, scalars[position] == separator,
                scalars[(position + 1)..<(position + 5)].allSatisfy(\.isDigit)
            else { return nil }
            position += 5
        }
        guard position == scalars.count || !scalars[position].isAlphanumeric else { return nil }
        return position
    }

    /// Mentions found: (kind, range in the normalised text, value).
    static func scan(_ scalars: [Unicode.Scalar], badgeCues: CueWords) -> [(EntityKind, Range<Int>, String)] {
        var found: [(EntityKind, Range<Int>, String)] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].isDigit, index == 0 || !scalars[index - 1].isAlphanumeric else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count && scalars[end].isDigit { end += 1 }
            let length = end - index
            let followedByLetter = end < scalars.count && scalars[end].isLatinLetter
            if length == 17, end < scalars.count, scalars[end] == "X" || scalars[end] == "x",
                end + 1 == scalars.count || !scalars[end + 1].isAlphanumeric
            {
                let id = Array(scalars[index...end])
                if hasValidChecksum(id) {
                    found.append((.idNumber, index..<(end + 1), scalars.string(index..<(end + 1)).uppercased()))
                }
                index = end + 1
                continue
            }
            if !followedByLetter {
                let digits = scalars.string(index..<end)
                if length == 18, hasValidChecksum(Array(scalars[index..<end])) {
                    found.append((.idNumber, index..<end, digits))
                } else if length == 11, scalars[index] == "1", ("3"..."9").contains(scalars[index + 1]) {
                    found.append((.phone, index..<end, digits))
                } else if (3...4).contains(length), scalars[index] == "0", end + 1 < scalars.count, scalars[end] == "-",
                    scalars[end + 1].isDigit
                {
                    var local = end + 1
                    while local < scalars.count && scalars[local].isDigit { local += 1 }
                    if (7...8).contains(local - end - 1), local == scalars.count || !scalars[local].isAlphanumeric {
                        found.append((.phone, index..<local, scalars.string(index..<local)))
                        index = local
                        continue
                    }
                } else if length == 3, scalars[index] == "1", ("3"..."9").contains(scalars[index + 1]),
                    let groupedEnd = groupedMobileEnd(scalars, from: end)
                {
                    // A mobile number written in groups: 186-5555-1234, 186 5555 1234.
                    found.append((.phone, index..<groupedEnd, scalars.string(index..<groupedEnd)))
                    index = groupedEnd
                    continue
                } else if (7...8).contains(length), cued(scalars, before: index, by: phoneCues) {
                    found.append((.phone, index..<end, digits))
                }
            }
            index = end
        }
        // Badge numbers: a run of letters and digits right after a cue word.
        for position in scalars.indices where badgeCues.starts.contains(scalars[position]) {
            // 身份证号 is an ID number's cue, not a badge's.
            if position >= 2, scalars[position - 2] == "身", scalars[position - 1] == "份" { continue }
            for cue in badgeCues.words where scalars.hasPrefix(cue, at: position) {
                var start = position + cue.unicodeScalars.count
                while start < scalars.count && (scalars[start] == ":" || scalars[start] == " " || scalars[start] == "是")
                {
                    start += 1
                }
                var end = start
                while end < scalars.count && scalars[end].isAlphanumeric { end += 1 }
                let looksLikeID =
                    (end - start == 18 || end - start == 15) && scalars[start..<(end - 1)].allSatisfy(\.isDigit)
                guard (4...20).contains(end - start), !looksLikeID, scalars[start..<end].contains(where: \.isDigit),
                    !found.contains(where: { $0.1.overlaps(start..<end) })
                else { continue }
                found.append((.badge, start..<end, scalars.string(start..<end).uppercased()))
            }
        }
        return found
    }

    /// Whether one of the cue words ends at most 3 characters (colon, space) before `position`.
    private static func cued(_ scalars: [Unicode.Scalar], before position: Int, by cues: [String]) -> Bool {
        for cue in cues {
            let length = cue.unicodeScalars.count
            for gap in 0...3 where position - gap - length >= 0 {
                let between = scalars[(position - gap)..<position]
                guard between.allSatisfy({ $0 == ":" || $0 == " " || $0 == "是" }) else { continue }
                if scalars.hasPrefix(cue, at: position - gap - length) { return true }
            }
        }
        return false
    }
}
