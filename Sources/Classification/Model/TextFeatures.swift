import Segmentation
import TextNormalization

/// The features the statistical model reads: the words of a text and the pairs of adjacent Han characters, each
/// counted once per text, with where in the normalised text they occur (for evidence). Training reads them by name;
/// `NaiveBayesModel.predict(normalized:tokens:)` finds the same features by their characters.
public struct TextFeatures: Sendable {
    /// Feature → its first range in the normalised text.
    public let ranges: [FeatureName: Range<Int>]

    /// The features of a segmented text. Spaces, punctuation and numbers are left out.
    public init(normalized: NormalizedText, tokens: [Token]) {
        var ranges: [FeatureName: Range<Int>] = [:]
        let table = CharacterTable.shared
        for token in tokens where token.kind == .han || token.kind == .latin {
            let key = FeatureName("w:" + token.text(in: normalized))
            if ranges[key] == nil { ranges[key] = token.range }
        }
        let scalars = normalized.scalars
        if scalars.count >= 2 {
            for index in 0..<(scalars.count - 1) where table.isHan(scalars[index]) && table.isHan(scalars[index + 1]) {
                var key = "b:"
                key.unicodeScalars.append(scalars[index])
                key.unicodeScalars.append(scalars[index + 1])
                if ranges[FeatureName(key)] == nil { ranges[FeatureName(key)] = index..<(index + 2) }
            }
        }
        self.ranges = ranges
    }

    /// The first range of the named feature in the normalised text, if the text has it.
    public func range(of name: String) -> Range<Int>? {
        ranges[FeatureName(name)]
    }
}
