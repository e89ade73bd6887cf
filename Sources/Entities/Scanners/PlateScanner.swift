import TextNormalization

/// Finds vehicle plates: a province character, a letter, then five characters (six for new-energy plates, which have
/// D or F first or last), or four and 挂 for trailers. Separators (·, -, space, .) after the letter are allowed.
struct PlateScanner {
    static let provinces = ScalarSet("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼".unicodeScalars)
    static let separators: Set<Unicode.Scalar> = ["·", "•", "-", " ", "."]
    static let suffixes: Set<Unicode.Scalar> = ["挂", "学", "警", "领", "港", "澳"]

    static func scan(_ scalars: [Unicode.Scalar]) -> [(EntityKind, Range<Int>, String)] {
        var found: [(EntityKind, Range<Int>, String)] = []
        var index = 0
        while index + 2 < scalars.count {
            guard provinces.contains(scalars[index]), scalars[index + 1].isLatinLetter else {
                index += 1
                continue
            }
            var position = index + 2
            if position < scalars.count && separators.contains(scalars[position]) { position += 1 }
            let bodyStart = position
            while position < scalars.count && scalars[position].isAlphanumeric { position += 1 }
            let body = Array(scalars[bodyStart..<position]).map {
                Unicode.Scalar($0.value >= 97 ? $0.value - 32 : $0.value)!
            }
            var end = position
            var suffix = ""
            if end < scalars.count, suffixes.contains(scalars[end]) {
                suffix = String(scalars[end])
                end += 1
            }
            let newEnergy =
                body.count == 6 && (body.first == "D" || body.first == "F" || body.last == "D" || body.last == "F")
            let valid =
                body.contains(where: \.isDigit)
                && ((body.count == 5 && (suffix.isEmpty || suffix != "挂")) || newEnergy
                    || (body.count == 4 && suffix == "挂"))
            if valid {
                var value = String(scalars[index]) + String(scalars[index + 1]).uppercased()
                value += String(String.UnicodeScalarView(body)) + suffix
                found.append((.plate, index..<end, value))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }
}
