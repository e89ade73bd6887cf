import CICUShim

/// A character encoding that ICU has a converter for, named by ICU's canonical converter name.
public struct TextEncoding: Sendable, Hashable, CustomStringConvertible {
    /// ICU's canonical name of the converter, such as `UTF-8` or `GB18030`.
    public let name: String

    private init(canonicalName: String) { self.name = canonicalName }

    /// UTF-8.
    public static let utf8 = TextEncoding(canonicalName: "UTF-8")
    /// UTF-16, little-endian.
    public static let utf16LittleEndian = TextEncoding(canonicalName: "UTF-16LE")
    /// UTF-16, big-endian.
    public static let utf16BigEndian = TextEncoding(canonicalName: "UTF-16BE")
    /// GB18030, which covers GBK and GB2312: the usual encoding of Chinese Excel and CSV exports.
    public static let gb18030 = TextEncoding(canonicalName: "GB18030")

    /// Looks an encoding up by any name or alias ICU knows (`gbk`, `GB2312`, `utf8`, `Big5` …).
    ///
    /// - Throws: `DecodingError` when ICU has no converter of that name.
    public init(named name: String) throws(DecodingError) {
        var canonical = [CChar](repeating: 0, count: 64)
        var status: Int32 = 0
        guard !name.isEmpty, cicu_converter_name(name, &canonical, Int32(canonical.count), &status) == 0 else {
            throw DecodingError(.unknownEncoding(name))
        }
        let found = String(decoding: canonical.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // ICU's GB18030 converter is the right one for GBK and GB2312 text too (a superset of both).
        switch found.uppercased() {
        case "GB18030", "GBK", "WINDOWS-936-2000", "IBM-1386_P100-2001", "IBM-5478_P100-1995", "IBM-1383_P110-1999":
            self.name = TextEncoding.gb18030.name
        default:
            self.name = found
        }
    }

    public var description: String { name }
}

extension TextEncoding {
    /// Encodes text in this encoding (for exports that Excel or WPS should open as GB18030, and for tests).
    /// Characters the encoding cannot represent become its substitution character.
    ///
    /// - Throws: `DecodingError` when ICU's converter fails.
    public func encode(_ text: String) throws(DecodingError) -> [UInt8] {
        let units = Array(text.utf16)
        let capacity = 4 * units.count + 4
        var out = [UInt8](repeating: 0, count: capacity)
        var status: Int32 = 0
        let written = cicu_encode(name, units, Int32(units.count), &out, Int32(capacity), &status)
        guard written >= 0 else { throw DecodingError(.conversionFailed(encoding: name, status: status)) }
        return Array(out[0..<Int(written)])
    }
}
