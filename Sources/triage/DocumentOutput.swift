import ArgumentParser
import Foundation

/// Writes a document to a file, or to standard output when no file is given.
func writeDocument(_ data: Data, to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw ValidationError("\(path): cannot be written (\(error.localizedDescription))")
    }
}
