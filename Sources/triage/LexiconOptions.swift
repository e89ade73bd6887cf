import ArgumentParser
import Foundation

/// Where the data files live.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicons"), help: "The Lexicons/ folder to load data files from.")
    var directory: String?

    /// The lexicon folder: --lexicons, else $TRIAGE_LEXICONS, else the first Lexicons/ above the working folder or
    /// above the executable.
    func resolve() throws -> String {
        if let directory { return directory }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TRIAGE_LEXICONS"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let starts = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            executable.deletingLastPathComponent(),
        ]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent("Lexicons")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    isDirectory.boolValue
                {
                    return candidate.path
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw ValidationError(
            "no Lexicons/ folder found above the working folder or the executable; give one with --lexicons")
    }
}
