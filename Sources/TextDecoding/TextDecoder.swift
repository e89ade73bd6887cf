import CICUShim

/// Text decoded from bytes, with how its encoding was chosen and what was replaced.
public struct DecodedText: Sendable, Equatable {
    /// How the decoder chose the encoding.
    public enum EncodingSource: Sendable, Equatable {
        /// The caller declared it.
        case declared
        /// A byte order mark said so.
        case byteOrderMark
        /// The bytes were valid UTF-8 (plain ASCII included).
        case validUTF8
        /// ICU's charset detector chose it, with its confidence (0–100).
        case detected(confidence: Int)
    }

    /// The decoded text, without a byte order mark.
    public let text: String
    /// The encoding it was decoded from.
    public let encoding: TextEncoding
    /// How that encoding was chosen.
    public let encodingSource: EncodingSource
    /// How many invalid byte sequences lossy decoding replaced with U+FFFD (always 0 in strict mode).
    public let replacements: Int
}

/// Turns bytes into text through ICU's converters: UTF-8 with or without BOM, UTF-16 with BOM, GB18030 (GBK, GB2312)
/// and anything else ICU converts.
///
/// A declared encoding wins. Without one, a byte order mark decides; then valid UTF-8 is taken as UTF-8; otherwise
/// ICU's charset detector decides, preferring the Chinese encodings this tool's inputs come in (see `decode(_:)`).
public struct TextDecoder: Sendable {
    /// What to do with byte sequences that are invalid in the encoding.
    public enum Mode: Sendable {
        /// Fail with an error naming the byte offset of the first one.
        case strict
        /// Replace each with U+FFFD and count them.
        case lossy
    }

    /// The encoding to use, or `nil` to detect it.
    public var encoding: TextEncoding?
    /// Strict or lossy handling of invalid bytes.
    public var mode: Mode

    /// The largest input accepted in one call.
    public static let maximumInputSize = 1 << 30

    /// Creates a decoder; without an encoding it detects one for each input.
    public init(encoding: TextEncoding? = nil, mode: Mode = .strict) {
        self.encoding = encoding
        self.mode = mode
    }

    /// Decodes bytes to text.
    ///
    /// Detection, when no encoding is declared: a UTF-8 or UTF-16 byte order mark decides; valid UTF-8 is UTF-8; then
    /// ICU's detector's best Chinese candidate (GB18030 or Big5) is taken; failing that, GB18030 when the bytes are
    /// valid GB18030 (single-byte Western encodings accept any bytes, so a detector's guess of one for short Chinese
    /// text is usually wrong); failing that, the detector's best candidate.
    ///
    /// - Throws: `DecodingError` for invalid bytes in strict mode (with the byte offset), an input over
    ///   `maximumInputSize`, or a failed conversion.
    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        guard bytes.count <= TextDecoder.maximumInputSize else { throw DecodingError(.tooLarge(bytes.count)) }
        let bom = TextDecoder.byteOrderMark(of: bytes)
        if let encoding {
            let skip = bom?.encoding == encoding ? bom!.length : 0
            return try convert(bytes, from: encoding, skipping: skip, source: .declared)
        }
        if let bom {
            return try convert(bytes, from: bom.encoding, skipping: bom.length, source: .byteOrderMark)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: .utf8, encodingSource: .validUTF8, replacements: 0)
        }
        let candidates = TextDecoder.detectorCandidates(bytes)
        if let chinese = candidates.first(where: { $0.name == "GB18030" || $0.name == "Big5" }),
            let encoding = try? TextEncoding(named: chinese.name)
        {
            return try convert(bytes, from: encoding, skipping: 0, source: .detected(confidence: chinese.confidence))
        }
        if let decoded = try? TextDecoder(encoding: .gb18030, mode: .strict).decode(bytes) {
            let confidence = candidates.first { $0.name == "GB18030" }?.confidence ?? 0
            return DecodedText(
                text: decoded.text, encoding: .gb18030, encodingSource: .detected(confidence: confidence),
                replacements: 0)
        }
        if let best = candidates.first, let encoding = try? TextEncoding(named: best.name) {
            return try convert(bytes, from: encoding, skipping: 0, source: .detected(confidence: best.confidence))
        }
        // Nothing better: treat it as damaged UTF-8, which strict mode reports with the offset.
        return try convert(bytes, from: .utf8, skipping: 0, source: .detected(confidence: 0))
    }

    private func convert(
        _ bytes: [UInt8], from encoding: TextEncoding, skipping skip: Int, source: DecodedText.EncodingSource
    )
        throws(DecodingError) -> DecodedText
    {
        let body = bytes.count > skip ? Array(bytes[skip...]) : []
        if body.isEmpty {
            return DecodedText(text: "", encoding: encoding, encodingSource: source, replacements: 0)
        }
        if encoding == .utf8, let text = String(validating: body, as: UTF8.self) {
            return DecodedText(text: text, encoding: encoding, encodingSource: source, replacements: 0)
        }
        let capacity = 2 * body.count + 2
        var out = [UInt16](repeating: 0, count: capacity)
        var replacements: Int32 = 0
        var errorOffset: Int32 = -1
        var errorLength: Int32 = 0
        var status: Int32 = 0
        let written = cicu_decode(
            encoding.name, body, Int32(body.count), &out, Int32(capacity), mode == .lossy ? 1 : 0,
            &replacements, &errorOffset, &errorLength, &status)
        if written < 0 {
            if errorOffset >= 0 {
                let start = Int(errorOffset)
                let end = min(body.count, start + max(1, Int(errorLength)))
                throw DecodingError(
                    .invalidBytes(encoding: encoding.name, offset: start + skip, bytes: Array(body[start..<end])))
            }
            throw DecodingError(.conversionFailed(encoding: encoding.name, status: status))
        }
        let text = String(decoding: out[0..<Int(written)], as: UTF16.self)
        return DecodedText(text: text, encoding: encoding, encodingSource: source, replacements: Int(replacements))
    }

    private static func byteOrderMark(of bytes: [UInt8]) -> (encoding: TextEncoding, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return nil
    }

    private static func detectorCandidates(_ bytes: [UInt8]) -> [(name: String, confidence: Int)] {
        let maximum = 8
        var names = [CChar](repeating: 0, count: 32 * maximum)
        var confidences = [Int32](repeating: 0, count: maximum)
        var status: Int32 = 0
        // The detector reads at most a few kilobytes meaningfully; give it a prefix.
        let sample = Array(bytes.prefix(64 * 1024))
        let found = cicu_detect(sample, Int32(sample.count), &names, &confidences, Int32(maximum), &status)
        guard found > 0 else { return [] }
        return (0..<Int(found)).map { index in
            let slice = names[(32 * index)..<(32 * index + 32)].prefix { $0 != 0 }
            let name = String(decoding: slice.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return (name, Int(confidences[index]))
        }
    }
}
