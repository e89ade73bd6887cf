import Classification
import Dispatch
import Foundation
import LexiconFormat

/// Work started on another thread at once, whose result is collected later: loading lexicon files on a second core
/// while this thread loads others.
final class BackgroundLoad<Value: Sendable>: @unchecked Sendable {
    // `outcome` is written once by the worker before `done` is signalled, and read only after waiting on `done`.
    private var outcome: Result<Value, LexiconError>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws(LexiconError) -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            do throws(LexiconError) { outcome = .success(try work()) } catch { outcome = .failure(error) }
            done.signal()
        }
    }

    /// Waits for the work to finish and returns its value, or throws its error. Call it once.
    func value() throws(LexiconError) -> Value {
        done.wait()
        return try outcome!.get()
    }
}

extension BackgroundLoad where Value == NaiveBayesModel? {
    /// Loads the model file at `path`, or gives `nil` when there is no such file.
    static func optionalModel(at path: String) -> BackgroundLoad {
        BackgroundLoad { () throws(LexiconError) -> NaiveBayesModel? in
            FileManager.default.fileExists(atPath: path) ? try NaiveBayesModel.load(path: path) : nil
        }
    }
}
