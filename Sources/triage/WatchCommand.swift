import ArgumentParser
import Foundation
import Pipeline
import TextDecoding
import Watch

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow incoming posts and alert on high-risk items and incidents heating up (舆情).",
        discussion: """
            Follows PATH as items arrive and writes an alert, one JSON line flushed at once, within a second of an \
            item's arrival when the item is high-risk or when its incident heats up. PATH is a file that grows \
            (followed like tail -F: only appended lines are read, a partial last line waits for its newline, a \
            truncated or replaced file is read again from its start, a file not there yet is waited for), a folder \
            that receives files (each new file is read whole once its size has stayed the same for two polls; names \
            starting with "." or ending in .part or .tmp are ignored), or standard input when PATH is '-' or \
            missing (the watch ends with the input, with exit status 1 if a line could not be read). Files and \
            folders are polled every 150 ms. Without --from-start only what arrives after the start is read.

            Each line is a clue: a JSON object with "text" (and optional "id", "channel", "received_at") or plain \
            text. A line that cannot be read (bad JSON, no "text", undecodable bytes) gets a message on standard \
            error naming the source and line, and the watch goes on.

            Items about the same incident are clustered: an item joins an incident of its county, or any incident \
            when it names no county (an incident that names none takes items of any county), with a SimHash \
            within --distance bits (of 64) of the item's: the SimHash of the \
            incident's first report or of one of its 7 latest distinct ones (a repost commented before and after is \
            often far from the original but near another repost; unrelated texts are about 32 bits apart). The heat \
            of an incident is its number of items within the last --window seconds: quiet, warm, hot and viral at \
            the counts of --levels (3,10,30). Alerts ("kind"): high_risk when a high-risk in-scope item arrives in \
            an incident that had no high_risk alert; heating when the incident's level rises above the level last \
            announced (warm and up, in-scope incidents only unless --out-of-scope); cooling when its window count \
            falls under half the threshold of the level announced (unless --no-cooling). Reposts of one story thus \
            give one high_risk alert and one alert per level crossed, not one per repost. An incident with no item \
            for two windows is forgotten. Times are arrival times.

            An alert carries: kind, time, cluster, size (every item of the incident), window_count, \
            window_seconds, level, previous_level, id, channel and received_at of the item that raised it, and, of \
            the item describing the incident (the high-risk item, else its most serious report): incident_id, \
            in_scope, subtype {id, name}, risk {level, reasons, escalate}, county, unit and excerpt (at most 120 \
            characters); then first_seen and last_seen (ISO 8601, China time). Personal data is always masked.

            With --webhook URL each alert is also POSTed as JSON (Content-Type: application/json, 5 s timeout) in \
            the background; a failed POST is reported on standard error and the watch goes on. Standard error \
            also gets one line when the watch is ready ("watching ...").

            The lexicons are checked for edits every 2 seconds: when a file under the lexicon folder was added, \
            removed or changed, the whole set is loaded again and used for the items that follow ("lexicons \
            reloaded" on standard error); a set that does not load is reported with its file and line and the set \
            in use is kept.
            """
    )

    @Argument(help: "A growing file, a folder that receives files, or '-' for standard input (the default).")
    var path: String?

    @Option(help: "The sliding window of the heat count, in seconds.")
    var window: Double = 3600

    @Option(help: ArgumentHelp("The window counts at which an incident is warm, hot and viral.", valueName: "w,h,v"))
    var levels = "3,10,30"

    @Option(help: "The largest SimHash distance (bits of 64) between reports of one incident.")
    var distance = 12

    @Option(help: ArgumentHelp("Also POST each alert's JSON to this URL.", valueName: "url"))
    var webhook: String?

    @Flag(help: "Read what the file or folder already holds too (default: only what arrives after the start).")
    var fromStart = false

    @Flag(
        help: """
            Place each item at its received_at time (ISO 8601; China time when no zone is given) instead of its \
            arrival, for replaying a day's posts with --from-start; items without one, or older than the last \
            item placed, keep the clock where it is.
            """)
    var eventTime = false

    @Flag(help: "Write a line for every item (kind \"item\" when it raises no alert), for debugging.")
    var all = false

    @Flag(help: "Alert on incidents heating up even when none of their items is in scope.")
    var outOfScope = false

    @Flag(help: "Do not announce incidents cooling down.")
    var noCooling = false

    @Flag(help: "Do not write alerts on standard output (with --webhook).")
    var quiet = false

    @Option(help: "Encoding of lines that are not UTF-8 (GB18030 …); detected when not given.")
    var encoding: String?

    @OptionGroup var lexicons: LexiconOptions

    /// How often files and folders are looked at, in seconds.
    static let pollInterval = 0.15
    /// How often the lexicon folder is checked for edits, in seconds.
    static let lexiconCheckInterval = 2.0

    func validate() throws {
        guard window > 0 else { throw ValidationError("--window: must be a positive number of seconds") }
        guard (0...64).contains(distance) else { throw ValidationError("--distance: must be from 0 to 64") }
        _ = try thresholds()
        _ = try webhookURL()
        if quiet, webhook == nil { throw ValidationError("--quiet: alerts would go nowhere without --webhook") }
    }

    func run() throws {
        unblockStopSignals()
        let library = try lexicons.library()
        var analyzer = try Analyzer(lexicons: library.current)
        var lexiconsCheckedAt = Date()
        let declared = try encoding.map { name in
            do { return try TextEncoding(named: name) } catch { throw ValidationError("--encoding: \(error)") }
        }
        let poster = try webhookURL().map { url in
            Webhook(url: url) { message in WatchCommand.printError(message) }
        }
        var tracker = HeatTracker(
            configuration: HeatTracker.Configuration(
                window: window, thresholds: try thresholds(), maxDistance: distance, reportsCooling: !noCooling,
                includesOutOfScope: outOfScope, reportsEveryItem: all))
        var source = try makeSource(encoding: declared)
        WatchCommand.printError("watching \(describe(source)); window \(Int(window)) s")

        func send(_ alerts: [Alert]) {
            for alert in alerts {
                let line = alert.jsonLine
                if !quiet { FileHandle.standardOutput.write(Data(line + [0x0A])) }
                poster?.post(line)
            }
        }
        var unreadable = 0
        var clock = 0.0
        /// The time an item is observed at: its arrival, or with --event-time its received_at; never going back.
        func observedAt(_ input: ClueInput) -> Double {
            let time =
                eventTime
                ? (input.receivedAt.flatMap(WatchCommand.seconds(of:)) ?? clock) : Date().timeIntervalSince1970
            clock = max(clock, time)
            return clock
        }
        while !source.isFinished {
            if Date().timeIntervalSince(lexiconsCheckedAt) >= WatchCommand.lexiconCheckInterval {
                lexiconsCheckedAt = Date()
                do {
                    if let fresh = try library.reloadIfChanged() {
                        analyzer = try Analyzer(lexicons: fresh)
                        WatchCommand.printError("lexicons reloaded from \(library.directory)")
                    }
                } catch {
                    WatchCommand.printError("lexicons not reloaded, the set in use is kept: \(error)")
                }
            }
            let events = source.poll()
            for event in events {
                switch event {
                case .line(let name, let number, let text):
                    guard !text.allSatisfy(\.isWhitespace) else { continue }
                    do {
                        let input = try ClueInput.parse(line: text[...])
                        let item = WatchedItem(input: input, analyzer: analyzer)
                        send(tracker.observe(item, at: observedAt(input)))
                    } catch {
                        unreadable += 1
                        WatchCommand.printError("\(name):\(number): \(error)")
                    }
                case .problem(let name, let number, let reason):
                    if number != nil { unreadable += 1 }
                    WatchCommand.printError(number.map { "\(name):\($0): \(reason)" } ?? "\(name): \(reason)")
                }
            }
            send(tracker.expire(at: eventTime ? clock : Date().timeIntervalSince1970))
            if events.isEmpty, !source.isFinished { Thread.sleep(forTimeInterval: WatchCommand.pollInterval) }
        }
        poster?.waitForPending(timeout: 10)
        if unreadable > 0 { throw ExitCode(1) }
    }

    private func thresholds() throws -> HeatThresholds {
        let parts = levels.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 3, let warm = parts[0], let hot = parts[1], let viral = parts[2],
            let thresholds = HeatThresholds(warm: warm, hot: hot, viral: viral)
        else {
            throw ValidationError("--levels: '\(levels)' is not three increasing counts w,h,v with w ≥ 2 (as 3,10,30)")
        }
        return thresholds
    }

    private func webhookURL() throws -> URL? {
        guard let webhook else { return nil }
        guard let url = URL(string: webhook), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host != nil
        else {
            throw ValidationError("--webhook: '\(webhook)' is not an http or https URL")
        }
        return url
    }

    private func makeSource(encoding: TextEncoding?) throws -> any LineSource {
        guard let path, path != "-" else { return StreamReader(encoding: encoding) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return FolderWatcher(path: path, fromStart: fromStart, encoding: encoding)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            throw ValidationError("\(path): its folder does not exist")
        }
        return FileFollower(path: path, fromStart: fromStart, encoding: encoding)
    }

    private func describe(_ source: any LineSource) -> String {
        switch source {
        case let folder as FolderWatcher:
            return "folder \(folder.path)" + (fromStart ? " (files already there too)" : "")
        case let file as FileFollower: return "file \(file.path)" + (fromStart ? " from its start" : " from its end")
        default: return "standard input"
        }
    }

    /// Seconds since 1970 of a received_at value: `2023-05-06T10:15:00+08:00`, `2023-05-06 10:15[:00]`, or a date.
    static func seconds(of receivedAt: String) -> Double? {
        let text = receivedAt.trimmingCharacters(in: .whitespaces)
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return date.timeIntervalSince1970 }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        for pattern in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            formatter.dateFormat = pattern
            if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        }
        return nil
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("triage watch: \(message)\n".utf8))
    }
}
