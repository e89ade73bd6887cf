import Foundation
import TextNormalization

/// Finds dates and times of day, resolving relative dates (昨天, 上周五) against the day a clue was received.
struct DateScanner {
    static let weekdays: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]
    static let relativeDays: [(String, Int)] = [
        ("大前天", -3), ("前天", -2), ("昨天", -1), ("昨晚", -1), ("今天", 0), ("今晚", 0), ("今早", 0), ("当天", 0),
    ]
    static let dayParts = ["凌晨", "早上", "上午", "中午", "下午", "傍晚", "晚上", "夜里"]

    /// (kind, range, value): dates as yyyy-MM-dd when they can be resolved, else as written.
    static let calendar = Calendar(identifier: .gregorian)
    /// The characters a relative date or a time of day can start with.
    static let starts = ScalarSet(
        (relativeDays.map(\.0) + ["上周", "上星期", "这周", "本周", "这星期"] + dayParts).compactMap(\.unicodeScalars.first))

    /// `received` gives the day a clue was received (`EntityExtractor.day(of:)`); it is asked only for a date that
    /// needs it, as the Foundation calendar is costly.
    static func scan(_ scalars: [Unicode.Scalar], received day: () -> DateComponents?)
        -> [(EntityKind, Range<Int>, String)]
    {
        var found: [(EntityKind, Range<Int>, String)] = []
        var index = 0
        let calendar = DateScanner.calendar
        let starts = DateScanner.starts  // read once: a static is checked for initialisation at every read
        lazy var received = day()
        lazy var receivedDate = received.flatMap { calendar.date(from: $0) }
        func iso(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return isoDay(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        while index < scalars.count {
            // 2023年3月5日, 3月5日, 3月5号
            if scalars[index].isDigit, index == 0 || !scalars[index - 1].isAlphanumeric {
                var position = index
                var year: Int?
                var month: Int?
                var day: Int?
                func number() -> Int? {
                    var end = position
                    while end < scalars.count && scalars[end].isDigit { end += 1 }
                    guard end > position, end - position <= 4 else { return nil }
                    let value = Int(scalars.string(position..<end))
                    position = end
                    return value
                }
                if let first = number() {
                    if position < scalars.count && scalars[position] == "年", first >= 2000 {
                        year = first
                        position += 1
                        month = number()
                        guard month != nil, position < scalars.count, scalars[position] == "月" else {
                            index = max(index + 1, position)
                            continue
                        }
                    } else {
                        month = first
                    }
                    if position < scalars.count && scalars[position] == "月", let m = month, (1...12).contains(m) {
                        position += 1
                        let afterMonth = position
                        if let d = number(), (1...31).contains(d), position < scalars.count,
                            scalars[position] == "日" || scalars[position] == "号"
                        {
                            day = d
                            position += 1
                        } else {
                            position = afterMonth
                        }
                        let resolvedYear = year ?? received?.year
                        var value = scalars.string(index..<position)
                        if let resolvedYear, let day {
                            value = isoDay(year: resolvedYear, month: m, day: day)
                        }
                        found.append((.date, index..<position, value))
                        index = position
                        continue
                    }
                }
                // 15:30
                position = index
                if let hour = number(), hour < 24, position + 2 < scalars.count, scalars[position] == ":",
                    scalars[position + 1].isDigit, scalars[position + 2].isDigit,
                    position + 3 == scalars.count || !scalars[position + 3].isDigit
                {
                    found.append((.time, index..<(position + 3), scalars.string(index..<(position + 3))))
                    index = position + 3
                    continue
                }
                while index < scalars.count && scalars[index].isDigit { index += 1 }
                continue
            }
            guard starts.contains(scalars[index]) else {
                index += 1
                continue
            }
            // 昨天, 前天 …
            var matched = false
            for (word, offset) in relativeDays where scalars.hasPrefix(word, at: index) {
                let end = index + word.unicodeScalars.count
                let value =
                    receivedDate.flatMap { calendar.date(byAdding: .day, value: offset, to: $0) }.map(iso) ?? word
                found.append((.date, index..<end, value))
                index = end
                matched = true
                break
            }
            if matched { continue }
            // 上周五, 这周三, 本周一
            for prefix in ["上周", "上星期", "这周", "本周", "这星期"] where scalars.hasPrefix(prefix, at: index) {
                let dayIndex = index + prefix.unicodeScalars.count
                guard dayIndex < scalars.count, let weekday = weekdays[scalars[dayIndex]] else { continue }
                var value = String(scalars.string(index..<(dayIndex + 1)))
                if let receivedDate {
                    let today = (calendar.component(.weekday, from: receivedDate) + 5) % 7 + 1  // Monday = 1
                    let weekOffset = prefix.hasPrefix("上") ? -7 : 0
                    if let date = calendar.date(byAdding: .day, value: weekday - today + weekOffset, to: receivedDate) {
                        value = iso(date)
                    }
                }
                found.append((.date, index..<(dayIndex + 1), value))
                index = dayIndex + 1
                matched = true
                break
            }
            if matched { continue }
            // 下午3点, 晚上8点半
            for part in dayParts where scalars.hasPrefix(part, at: index) {
                var position = index + part.unicodeScalars.count
                let digitsStart = position
                while position < scalars.count && (scalars[position].isDigit || chineseHour(scalars[position])) {
                    position += 1
                }
                guard position > digitsStart, position < scalars.count, scalars[position] == "点" else { continue }
                position += 1
                if position < scalars.count && scalars[position] == "半" { position += 1 }
                found.append((.time, index..<position, scalars.string(index..<position)))
                index = position
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return found
    }

    /// A day as yyyy-MM-dd, as `String(format: "%04d-%02d-%02d", …)` writes it (which costs ten times more).
    static func isoDay(year: Int, month: Int, day: Int) -> String {
        /// A number zero-padded to `width` characters, a minus sign counting as one.
        func padded(_ value: Int, _ width: Int) -> String {
            if value < 0 { return "-" + padded(-value, width - 1) }
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    private static func chineseHour(_ scalar: Unicode.Scalar) -> Bool {
        "一二两三四五六七八九十".unicodeScalars.contains(scalar)
    }
}
