/// The name of a model feature ("w:路政" for a word, "b:罚款" for a pair of Han characters), hashed and compared by
/// its UTF-8 bytes.
///
/// Feature names come from normalised text, so equal names have equal bytes; `String`'s own hashing and comparison
/// would normalise non-ASCII text again on every lookup, and the models look up every feature of every clue.
public struct FeatureName: Hashable, Comparable, Sendable {
    /// The name as text.
    public let text: String

    /// Names a feature.
    public init(_ text: String) {
        self.text = text
    }

    public static func == (lhs: FeatureName, rhs: FeatureName) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    /// Orders names as their texts are ordered (the order of a saved model's rows).
    public static func < (lhs: FeatureName, rhs: FeatureName) -> Bool {
        lhs.text < rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
