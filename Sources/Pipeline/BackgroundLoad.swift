import Dispatch
import LexiconFormat
import Synchronization

/// Work started on another thread at once, whose result is collected later: loading lexicon files on a second core
/// while this thread loads others.
final class BackgroundLoad<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, LexiconError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws(LexiconError) -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let outcome: Result<Value, LexiconError>
            do throws(LexiconError) { outcome = .success(try work()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
    }

    /// Waits for the work to finish and returns its value, or throws its error.
    func value() throws(LexiconError) -> Value {
        done.wait()
        done.signal()  // later calls return at once
        return try result.withLock { $0! }.get()
    }
}
