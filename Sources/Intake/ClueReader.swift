import Pipeline

/// How an input file holds its clues.
public enum InputFormat: String, Sendable, CaseIterable {
    /// One JSON object a line (`text`, and optionally `id`, `channel`, `received_at`).
    case jsonl
    /// A CSV export with a header row (the usual work-order headers are recognised).
    case csv
    /// One clue a line, plain text.
    case text

    /// The format a file's name and first characters suggest: `.csv` is CSV, `.jsonl`/`.json` or a first line
    /// starting with `{` is JSON Lines, anything else plain text.
    public static func guess(name: String, text: String) -> InputFormat {
        let lower = name.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") { return .jsonl }
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        return first == "{" ? .jsonl : .text
    }
}

/// A record that could not be read, kept whole for the rejects file.
public struct RejectedRecord: Sendable, Equatable {
    /// The input's name.
    public let source: String
    /// The line the record starts on.
    public let line: Int
    /// Why it was rejected.
    public let reason: String
    /// The record's bytes as they were in the input (which may not be valid text).
    public let rawBytes: [UInt8]

    /// The record as text, when its bytes are valid UTF-8.
    public var raw: String? { String(validating: rawBytes, as: UTF8.self) }

    /// Creates a rejected record.
    public init(source: String, line: Int, reason: String, rawBytes: [UInt8]) {
        self.source = source
        self.line = line
        self.reason = reason
        self.rawBytes = rawBytes
    }
}

/// One record read from an input: a clue with the line it starts on, or a reject.
public enum ReadRecord: Sendable, Equatable {
    case clue(ClueInput, line: Int)
    case rejected(RejectedRecord)

    /// The line the record starts on.
    public var line: Int {
        switch self {
        case .clue(_, let line): line
        case .rejected(let rejected): rejected.line
        }
    }
}

/// Which CSV columns hold the clue's fields.
public struct ColumnMapping: Sendable, Equatable {
    public var text: Int
    public var id: Int?
    public var channel: Int?
    public var receivedAt: Int?

    /// Header names recognised for each field, in order of preference (work-order exports from 12345/12328).
    public static let knownHeaders: [(field: String, names: [String])] = [
        ("text", ["诉求内容", "来电内容", "反映内容", "工单内容", "问题描述", "诉求", "内容", "text"]),
        ("id", ["工单编号", "工单号", "编号", "id"]),
        ("channel", ["受理渠道", "来源渠道", "渠道", "来源", "channel"]),
        ("received_at", ["受理时间", "来电时间", "登记时间", "时间", "received_at"]),
    ]

    /// Finds the columns in a header row. `overrides` maps a field (`text`, `id`, `channel`, `received_at`) to a
    /// header name given by the user (`--column text=诉求内容`); nil when no text column is found.
    public static func detect(header: [String], overrides: [String: String] = [:]) -> ColumnMapping? {
        let names = header.map { $0.trimmingWhiteSpace() }
        func column(_ field: String, _ candidates: [String]) -> Int? {
            if let name = overrides[field] { return names.firstIndex(of: name) }
            for candidate in candidates {
                if let index = names.firstIndex(where: { $0.lowercased() == candidate }) { return index }
            }
            return nil
        }
        var found: [String: Int] = [:]
        for (field, candidates) in knownHeaders { found[field] = column(field, candidates) }
        guard let text = found["text"] else { return nil }
        return ColumnMapping(text: text, id: found["id"], channel: found["channel"], receivedAt: found["received_at"])
    }
}

/// Reads the clues of a whole decoded input at once (tests, small inputs); `ClueStream` reads files in batches.
public enum ClueReader {
    /// The longest text accepted for one clue, in Unicode scalars (a hotline transcript is a few thousand).
    public static let maximumTextLength = 100_000

    /// Reads every record of an input; a record that cannot be read becomes a reject and reading goes on.
    ///
    /// - Throws: `IntakeError` when a CSV input has no recognisable text column (nothing in it can be read).
    public static func read(
        name: String, text: String, format: InputFormat, columns overrides: [String: String] = [:]
    ) throws(IntakeError) -> [ReadRecord] {
        let stream = ClueStream(
            name: name, bytes: Array(text.utf8), format: format, encoding: .utf8, columns: overrides)
        var records: [ReadRecord] = []
        while true {
            let batch = try stream.next(maximum: 4096)
            if batch.isEmpty { return records }
            records += batch
        }
    }

    /// Why a clue's text cannot be registered, if it cannot.
    static func problem(with text: String) -> String? {
        if text.allSatisfy(\.isWhitespace) { return "the clue has no text" }
        // A text of no more UTF-8 bytes than the limit has no more scalars either: they are counted only beyond it.
        guard text.utf8.count > maximumTextLength else { return nil }
        let length = text.unicodeScalars.count
        if length > maximumTextLength {
            return "the text is \(length) characters long; the limit is \(maximumTextLength)"
        }
        return nil
    }
}

/// An input that cannot be read at all.
public struct IntakeError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
