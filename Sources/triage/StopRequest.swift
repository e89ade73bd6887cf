import Dispatch
import Foundation

/// A request to stop a long run cleanly: set by the first SIGINT or SIGTERM; a second one ends the process at once
/// (what is registered stays registered: every batch is one transaction).
final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var sources: [DispatchSourceSignal] = []

    /// Whether a stop was asked for.
    var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    /// Starts listening for SIGINT and SIGTERM.
    static func onInterrupt() -> StopRequest {
        unblockStopSignals()
        let request = StopRequest()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { request.signalled() }
            source.resume()
            request.sources.append(source)
        }
        return request
    }

    private func signalled() {
        lock.lock()
        let again = requested
        requested = true
        lock.unlock()
        if again { exit(130) }
        FileHandle.standardError.write(
            Data("\nstopping after the current batch (Ctrl-C again to stop at once)\n".utf8))
    }
}

/// Lets SIGTERM, SIGINT and SIGHUP reach the process even when its parent started it with them blocked (a launcher's
/// thread mask is inherited, as test runners' is).
func unblockStopSignals() {
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, signal) }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
}
