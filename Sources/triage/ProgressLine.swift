import Foundation
import Intake

/// Progress of a long run on standard error: on a terminal one line rewritten in place (records, rate, time left,
/// rejects) at most four times a second; otherwise a plain line every 10 seconds; nothing when quiet.
final class ProgressLine {
    private let totalBytes: Int
    private let quiet: Bool
    private let terminal = isatty(FileHandle.standardError.fileDescriptor) == 1
    private let started = Date()
    private var lastShown = Date.distantPast
    private var shownLength = 0

    init(totalBytes: Int, quiet: Bool) {
        self.totalBytes = totalBytes
        self.quiet = quiet
    }

    /// Shows the counts after a batch.
    func update(_ summary: IngestSummary, bytes: Int) {
        guard !quiet else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= (terminal ? 0.25 : 10) else { return }
        lastShown = now
        let elapsed = max(0.001, now.timeIntervalSince(started))
        let rate = Double(summary.read) / elapsed
        var line = "\(summary.read) records · \(Int(rate))/s · \(summary.rejected) rejected"
        if totalBytes > 0, bytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            let left = elapsed / fraction - elapsed
            line = "\(Int(fraction * 100))% · " + line + " · \(ProgressLine.duration(left)) left"
            if terminal { line = ProgressLine.bar(fraction) + " " + line }
        }
        show(line)
    }

    /// Prints a message on its own line (a rejected record), keeping the progress line below it.
    func message(_ text: String) {
        if terminal && shownLength > 0 { write("\r" + String(repeating: " ", count: shownLength) + "\r") }
        shownLength = 0
        write(text + "\n")
    }

    /// Ends the progress line.
    func finish() {
        if terminal && shownLength > 0 { write("\n") }
    }

    private func show(_ line: String) {
        if terminal {
            let padding = String(repeating: " ", count: max(0, shownLength - line.count))
            write("\r" + line + padding)
            shownLength = line.count
        } else {
            write("progress: " + line + "\n")
        }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    private static func bar(_ fraction: Double) -> String {
        let width = 20
        let filled = Int(fraction * Double(width))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    private static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let total = Int(seconds.rounded())
        return total >= 3600
            ? "\(total / 3600)h\(total % 3600 / 60)m" : total >= 60 ? "\(total / 60)m\(total % 60)s" : "\(total)s"
    }
}
