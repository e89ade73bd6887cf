import Dispatch
import Segmentation

/// One analyzer per worker thread, for analysing batches on every core. Worker `w` uses only `analyzers[w]`, so no
/// analyzer is ever used by two threads at once; results come back in input order.
public final class AnalyzerPool: @unchecked Sendable {
    /// The analyzers, one per worker.
    public let analyzers: [Analyzer]

    /// Creates `workers` analyzers over the same lexicons.
    public init(lexicons: LexiconSet, workers: Int) throws(SegmentationError) {
        var analyzers: [Analyzer] = []
        for _ in 0..<max(1, workers) { analyzers.append(try Analyzer(lexicons: lexicons)) }
        self.analyzers = analyzers
    }

    /// Transforms every item with an analyzer, on as many threads as there are analyzers, keeping the order.
    public func map<Item, Result>(_ items: [Item], _ transform: (Analyzer, Item) -> Result) -> [Result] {
        let workers = min(analyzers.count, items.count)
        if workers <= 1 { return items.map { transform(analyzers[0], $0) } }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let slots = Slots(results)
        let input = Unchecked(items)
        withoutActuallyEscaping(transform) { transform in
            let shared = Unchecked(transform)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < input.value.count {
                    slots.set(index, shared.value(self.analyzers[worker], input.value[index]))
                    index += workers
                }
            }
        }
        return results.map { $0! }
    }
}

/// Result slots, each written by exactly one worker.
private struct Slots<Result>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result?>
    init(_ buffer: UnsafeMutableBufferPointer<Result?>) { self.buffer = buffer }
    func set(_ index: Int, _ value: Result) { buffer[index] = value }
}

/// A value shared with the workers, which only read it.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
