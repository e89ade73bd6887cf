import ArgumentParser
import Foundation
import Intake
import TextDecoding

/// The options of the commands that read clues in bulk (`classify`, `ingest`): inputs, format, encoding, CSV columns.
struct ClueSourceOptions: ParsableArguments {
    @Argument(help: "Files or folders to read; standard input when none is given or for '-'.")
    var inputs: [String] = []

    @Option(help: "The input format: jsonl, csv or text (default: from each file's name and first character).")
    var format: String?

    @Option(help: "Encoding of the input (UTF-8, GB18030, …); detected per input when not given.")
    var encoding: String?

    @Option(
        name: .customLong("column"),
        help: ArgumentHelp(
            "A CSV column for a field: text=HEADER, id=HEADER, channel=HEADER, received_at=HEADER.",
            valueName: "field=header"))
    var columns: [String] = []

    /// Checks --format, --encoding and --column before any lexicon is loaded or store opened.
    func validate() throws {
        _ = try inputFormat()
        _ = try declaredEncoding()
        _ = try columnOverrides()
    }

    /// One input to read: its path (`-` for standard input) and the name messages use.
    struct Source {
        let path: String
        var name: String { path == "-" ? "<stdin>" : path }
    }

    /// Files as given, folders as the input files under them in name order; standard input when none is given.
    func sources() throws -> [Source] {
        var files: [Source] = []
        for path in inputs.isEmpty ? ["-"] : inputs {
            var isDirectory: ObjCBool = false
            guard path == "-" || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(Source(path: path))
                continue
            }
            let walker = FileManager.default.enumerator(
                at: URL(fileURLWithPath: path), includingPropertiesForKeys: nil)
            var found: [String] = []
            while let url = walker?.nextObject() as? URL {
                if ["jsonl", "json", "ndjson", "csv", "txt"].contains(url.pathExtension.lowercased()),
                    !url.hasDirectoryPath
                {
                    found.append(url.path)
                }
            }
            files += found.sorted().map(Source.init)
        }
        return files
    }

    /// A stream over one source, with the format, encoding and columns given.
    func stream(_ source: Source) throws -> ClueStream {
        let handle = source.path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: source.path)
        guard let handle else {
            throw ValidationError("\(source.path): cannot be read (no such file, or not readable)")
        }
        return ClueStream(
            name: source.name, handle: handle, format: try inputFormat(), encoding: try declaredEncoding(),
            columns: try columnOverrides())
    }

    /// The size of a source in bytes (0 for standard input), for progress.
    func size(of source: Source) -> Int {
        guard source.path != "-" else { return 0 }
        return ((try? FileManager.default.attributesOfItem(atPath: source.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    private func inputFormat() throws -> InputFormat? {
        try format.map { value in
            guard let parsed = InputFormat(rawValue: value) else {
                throw ValidationError("--format: '\(value)' is not jsonl, csv or text")
            }
            return parsed
        }
    }

    private func declaredEncoding() throws -> TextEncoding? {
        try encoding.map { name in try TextEncoding(named: name) }
    }

    private func columnOverrides() throws -> [String: String] {
        var overrides: [String: String] = [:]
        for column in columns {
            let parts = column.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["text", "id", "channel", "received_at"].contains(parts[0]), !parts[1].isEmpty
            else {
                throw ValidationError(
                    "--column: '\(column)' is not field=header (fields: text, id, channel, received_at)")
            }
            overrides[parts[0]] = parts[1]
        }
        return overrides
    }
}
