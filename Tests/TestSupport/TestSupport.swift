import Foundation

/// The repository root, found from this file (Tests/TestSupport/TestSupport.swift).
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The `triage` executable built beside the test bundle (the test targets that run it depend on it).
public let triageExecutable: String = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [besideTests, besideTests.deletingLastPathComponent()] {
        let candidate = folder.appendingPathComponent("triage").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return repositoryRoot + "/.build/debug/triage"
}()

/// A fresh temporary folder.
public func temporaryFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
