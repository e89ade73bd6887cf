import Foundation

/// Writes lines to standard output through one buffered handle.
final class OutputWriter {
    private var buffer = Data()
    private let encoder: JSONEncoder

    /// Creates a writer; `snakeCaseKeys` writes `reportCount` as `report_count` (the store's records).
    init(snakeCaseKeys: Bool = false) {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
    }

    deinit { flush() }

    /// Writes a line of text.
    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Writes a value as one line of JSON.
    func writeJSON(_ value: some Encodable) throws {
        buffer.append(try encoder.encode(value))
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Writes a line of bytes (already encoded JSON, say).
    func write(bytes line: [UInt8]) {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Writes out what is buffered.
    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
