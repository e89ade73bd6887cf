/// Why a report could not be made.
///
/// The description names what is wrong (a sub-type number, a section id, a file part), never complaint text.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Sendable, Equatable {
        /// A ledger entry names a sub-type that has no section in the ledger.
        case unknownSubtype(Int)
        /// Two ledger sections share one id.
        case duplicateSection(Int)
        /// The workbook archive could not be written.
        case archive
    }

    /// What kind of problem it is.
    public let kind: Kind
    /// What is wrong, in a sentence.
    public let reason: String

    /// Creates an error.
    public init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}
