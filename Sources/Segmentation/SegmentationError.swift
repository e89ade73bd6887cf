import CICUShim

/// Why a segmenter could not be made.
public struct SegmentationError: Error, Sendable, CustomStringConvertible {
    enum Code: Sendable {
        case breakIteratorUnavailable(locale: String, status: Int32)
    }

    let code: Code

    public var description: String {
        switch code {
        case .breakIteratorUnavailable(let locale, let status):
            return "ICU could not open a word break iterator for '\(locale)': "
                + String(cString: cicu_status_name(status))
        }
    }
}
