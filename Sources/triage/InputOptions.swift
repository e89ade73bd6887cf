import ArgumentParser
import Foundation
import TextDecoding

/// The options every command that reads clues shares: files (or standard input) and how to decode them.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files to read; standard input when none is given or for '-'.")
    var files: [String] = []

    @Option(help: "Encoding of the input (UTF-8, UTF-16LE, GB18030, GBK, Big5 …); detected when not given.")
    var encoding: String?

    @Flag(help: "Replace invalid byte sequences with U+FFFD (and count them) instead of stopping with an error.")
    var lossy = false

    /// One input: where it came from and its decoded text.
    struct Input {
        let name: String
        let decoded: DecodedText
    }

    /// Reads and decodes every input in order.
    func readInputs() throws -> [Input] {
        let declared: TextEncoding? = try encoding.map { name throws(DecodingError) in try TextEncoding(named: name) }
        let decoder = TextDecoder(encoding: declared, mode: lossy ? .lossy : .strict)
        let sources = files.isEmpty ? ["-"] : files
        return try sources.map { source in
            let bytes: [UInt8]
            if source == "-" {
                bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            } else {
                guard let data = FileManager.default.contents(atPath: source) else {
                    throw ValidationError("\(source): cannot be read (no such file, or not readable)")
                }
                bytes = Array(data)
            }
            let name = source == "-" ? "<stdin>" : source
            do {
                let decoded = try decoder.decode(bytes)
                if decoded.replacements > 0 {
                    FileHandle.standardError.write(
                        Data("\(name): replaced \(decoded.replacements) invalid byte sequence(s) with U+FFFD\n".utf8))
                }
                return Input(name: name, decoded: decoded)
            } catch {
                throw ValidationError("\(name): \(error)")
            }
        }
    }
}

extension InputOptions.Input {
    /// The input's lines, without line terminators.
    var lines: [Substring] {
        // Split on the UTF-8 bytes: splitting the String itself walks grapheme clusters, which is much slower.
        let text = decoded.text
        var lines: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        while index != text.utf8.endIndex {
            if text.utf8[index] == 0x0A {
                var end = index
                if end > start, text.utf8[text.utf8.index(before: end)] == 0x0D { end = text.utf8.index(before: end) }
                lines.append(text[start..<end])
                start = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        if start != text.utf8.endIndex { lines.append(text[start...]) }
        return lines
    }
}
