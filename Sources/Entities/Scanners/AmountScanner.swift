/// Finds sums of money and normalises them to yuan: 2000元, 1.5万元, 两千块, 三万多, 一千五, 3000块钱, 5千.
struct AmountScanner {
    /// The value of a Chinese digit (零 … 九, 两), nil for anything else. A switch, not a dictionary: it is asked for
    /// every character of every clue, and hashing a character cost more than the rest of the scan.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// The value of a Chinese unit (十, 百, 千, 万, 亿), nil for anything else.
    static func unitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 10
        case "百": 100
        case "千": 1000
        case "万": 10_000
        case "亿": 100_000_000
        default: nil
        }
    }
    static let currency: [String] = ["块钱", "元钱", "元", "块"]

    /// A candidate sum: its range in the normalised text and its value in yuan.
    struct Candidate {
        let range: Range<Int>
        let yuan: Double
        /// Whether a currency word (元, 块) ends it.
        let hasCurrency: Bool
    }

    static func scan(_ scalars: [Unicode.Scalar]) -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        while index < scalars.count {
            if scalars[index].isDigit, index == 0 || !(scalars[index - 1].isAlphanumeric || scalars[index - 1] == ".") {
                if let candidate = arabic(scalars, from: index) {
                    found.append(candidate)
                    index = candidate.range.upperBound
                    continue
                }
                while index < scalars.count && (scalars[index].isAlphanumeric || scalars[index] == ".") { index += 1 }
                continue
            }
            if digitValue(scalars[index]) != nil || scalars[index] == "十",
                let candidate = chinese(scalars, from: index)
            {
                found.append(candidate)
                index = candidate.range.upperBound
                continue
            }
            index += 1
        }
        return found
    }

    /// 2000元, 1.5万, 3,000 块钱, 5千元.
    private static func arabic(_ scalars: [Unicode.Scalar], from start: Int) -> Candidate? {
        var end = start
        var text = ""
        while end < scalars.count && (scalars[end].isDigit || scalars[end] == "." || scalars[end] == ",") {
            if scalars[end] != "," { text.unicodeScalars.append(scalars[end]) }
            end += 1
        }
        guard var value = Double(text), end - start <= 12 else { return nil }
        if end < scalars.count, let unit = unitValue(scalars[end]), unit >= 1000 {
            value *= Double(unit)
            end += 1
            if end < scalars.count && scalars[end] == "多" { end += 1 }
        }
        let afterNumber = end
        end = currencyEnd(scalars, from: end) ?? end
        // A bare number (罚款2000) is a candidate too; the extractor wants a money word right before it.
        return Candidate(range: start..<end, yuan: value, hasCurrency: end > afterNumber)
    }

    /// 两千块, 三万多, 一千五, 五百元, 十万.
    private static func chinese(_ scalars: [Unicode.Scalar], from start: Int) -> Candidate? {
        var end = start
        while end < scalars.count && (digitValue(scalars[end]) != nil || unitValue(scalars[end]) != nil) {
            end += 1
        }
        let numeral = Array(scalars[start..<end])
        guard numeral.contains(where: { unitValue($0) != nil }) || numeral.count >= 1 else { return nil }
        guard let value = parseChinese(numeral) else { return nil }
        var stop = end
        if stop < scalars.count && (scalars[stop] == "多" || scalars[stop] == "来") { stop += 1 }
        let currencyStop = currencyEnd(scalars, from: stop)
        // Without 元/块, only a numeral with a unit (三万多, 一千五) is a candidate; a bare 三 is not.
        guard currencyStop != nil || numeral.contains(where: { unitValue($0) != nil }) else { return nil }
        guard value >= 1 else { return nil }
        return Candidate(range: start..<(currencyStop ?? stop), yuan: value, hasCurrency: currencyStop != nil)
    }

    private static func currencyEnd(_ scalars: [Unicode.Scalar], from position: Int) -> Int? {
        for word in currency where scalars.hasPrefix(word, at: position) { return position + word.unicodeScalars.count }
        return nil
    }

    /// The value of a Chinese numeral, with the colloquial trailing digit (一千五 = 1500, 两万五 = 25000).
    static func parseChinese(_ numeral: [Unicode.Scalar]) -> Double? {
        var total = 0.0
        var section = 0.0
        var digit: Double?
        var lastUnit = 1.0
        for scalar in numeral {
            if let value = digitValue(scalar) {
                if digit != nil { return nil }  // 三五: not a number we read
                digit = Double(value)
            } else if let unit = unitValue(scalar) {
                let unitValue = Double(unit)
                if unit >= 10_000 {
                    section += digit ?? 0
                    total = (total + max(section, section == 0 && digit == nil ? 1 : 0)) * unitValue
                    section = 0
                } else {
                    section += (digit ?? 1) * unitValue
                }
                digit = nil
                lastUnit = unitValue
            }
        }
        if let digit {
            // 一千五: a digit after a unit is a tenth of that unit; a lone digit is itself.
            section += lastUnit > 1 ? digit * lastUnit / 10 : digit
        }
        let value = total + section
        return value > 0 ? value : nil
    }
}
