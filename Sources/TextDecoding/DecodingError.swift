import CICUShim

/// Why bytes could not be turned into text.
///
/// The description names the reason and the byte offset; it never contains the text itself.
public struct DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Code: Sendable, Equatable {
        case unknownEncoding(String)
        case invalidBytes(encoding: String, offset: Int, bytes: [UInt8])
        case tooLarge(Int)
        case conversionFailed(encoding: String, status: Int32)
    }

    let code: Code

    init(_ code: Code) { self.code = code }

    /// The byte offset of the first invalid byte sequence, when that is the reason.
    public var byteOffset: Int? {
        if case .invalidBytes(_, let offset, _) = code { return offset }
        return nil
    }

    /// Whether the input held bytes that are not valid in the encoding.
    public var isInvalidBytes: Bool { byteOffset != nil }

    public var description: String {
        switch code {
        case .unknownEncoding(let name):
            return "unknown encoding '\(name)' (ICU has no converter of that name)"
        case .invalidBytes(let encoding, let offset, let bytes):
            let hex = bytes.map { String($0, radix: 16, uppercase: true) }.map { $0.count == 1 ? "0" + $0 : $0 }
            let shown = hex.isEmpty ? "" : " (bytes \(hex.joined(separator: " ")))"
            return "invalid \(encoding) byte sequence at byte offset \(offset)\(shown)"
        case .tooLarge(let count):
            return "input of \(count) bytes is larger than the 1 GiB a single record may have"
        case .conversionFailed(let encoding, let status):
            return "ICU could not convert from \(encoding): \(String(cString: cicu_status_name(status)))"
        }
    }
}
