/// A refused or failed case-store operation.
///
/// Like postgres-nio's errors: a struct over a private code, so callers can compare kinds, and a description that
/// names the operation, the case or letter and the reason, never a clue's text or a complainant's data.
public struct CaseStoreError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Code: Sendable, Equatable {
        case notFound
        case refused
        case invalidInput
        case storage
    }

    private let code: Code
    /// What went wrong, in a sentence.
    public let reason: String

    private init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// A case, letter or unit that does not exist.
    public static func notFound(_ what: String) -> CaseStoreError {
        CaseStoreError(.notFound, "\(what) does not exist")
    }
    /// A workflow step that is not allowed, with the reason.
    public static func refused(_ reason: String) -> CaseStoreError { CaseStoreError(.refused, reason) }
    /// An argument the store cannot use.
    public static func invalidInput(_ reason: String) -> CaseStoreError { CaseStoreError(.invalidInput, reason) }
    /// The database failed (cannot open, locked too long, disk full, corrupt).
    public static func storage(_ reason: String) -> CaseStoreError { CaseStoreError(.storage, reason) }

    /// Whether this is a refused workflow step.
    public var isRefusal: Bool { code == .refused }
    /// Whether this says something does not exist.
    public var isNotFound: Bool { code == .notFound }

    public var description: String { reason }

    public static func == (lhs: CaseStoreError, rhs: CaseStoreError) -> Bool { lhs.code == rhs.code }
}
