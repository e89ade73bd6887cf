import CICUShim

/// ICU's word break iterator for one thread.
///
/// ICU break iterators are not thread-safe and do not copy their text, so each `WordBreaker` belongs to one
/// `Segmenter`, which belongs to one task at a time; the text is only read during `boundaries(of:)`.
final class WordBreaker {
    private let handle: OpaquePointer
    private var boundaryBuffer: [Int32] = []
    private var statusBuffer: [Int32] = []

    init(locale: String) throws(SegmentationError) {
        var status: Int32 = 0
        guard let handle = cicu_word_breaker_open(locale, &status) else {
            throw SegmentationError(code: .breakIteratorUnavailable(locale: locale, status: status))
        }
        self.handle = handle
    }

    deinit { cicu_word_breaker_close(handle) }

    /// The word boundaries of a UTF-16 text after position 0 (the last is the text's length), each with ICU's rule
    /// status for the word that ends there.
    func boundaries(of units: [UInt16]) -> (ends: ArraySlice<Int32>, statuses: ArraySlice<Int32>) {
        let count = units.count
        if boundaryBuffer.count < count {
            boundaryBuffer = [Int32](repeating: 0, count: count)
            statusBuffer = [Int32](repeating: 0, count: count)
        }
        var status: Int32 = 0
        let found = cicu_word_breaker_boundaries(handle, units, Int32(count), &boundaryBuffer, &statusBuffer, &status)
        let n = max(0, Int(found))
        return (boundaryBuffer[0..<n], statusBuffer[0..<n])
    }
}
