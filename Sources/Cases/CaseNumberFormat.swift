import Foundation

/// The pattern of unified assignment-letter numbers, e.g. `阜交整治交〔{year}〕{serial}号` → `阜交整治交〔2023〕12号`.
public struct CaseNumberFormat: Sendable, Equatable {
    /// The pattern, with `{year}` and `{serial}` placeholders.
    public let pattern: String

    /// Creates a format; the pattern must contain `{serial}`.
    public init(pattern: String) throws(CaseStoreError) {
        guard pattern.contains("{serial}") else {
            throw .invalidInput("the number pattern '\(pattern)' has no {serial} placeholder")
        }
        self.pattern = pattern
    }

    /// The number of the given serial in the given year.
    public func number(year: Int, serial: Int) -> String {
        pattern.replacingOccurrences(of: "{year}", with: String(year))
            .replacingOccurrences(of: "{serial}", with: String(serial))
    }
}
