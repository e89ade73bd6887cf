/// Masks personal data: complainants are whistle-blowers and must be protected. Every output masks phone numbers, ID
/// numbers and names unless a caller allowed to see them asks.
public enum PersonalData {
    /// A phone number with its middle replaced: 13812345678 → 138****5678, 0558-2567371 → 055*****7371.
    public static func maskPhone(_ phone: String) -> String {
        mask(phone, keepingFirst: 3, last: 4)
    }

    /// An ID number with all but its first and last four characters replaced: 3412**********1234.
    public static func maskIDNumber(_ id: String) -> String {
        mask(id, keepingFirst: 4, last: 4)
    }

    /// A name with all but its surname replaced: 张伟 → 张*, 李女士 → 李**; a two-character surname is kept whole.
    public static func maskName(_ name: String, surnameLength: Int = 1) -> String {
        let characters = Array(name)
        guard characters.count > surnameLength else { return String(repeating: "*", count: characters.count) }
        return String(characters[..<surnameLength]) + String(repeating: "*", count: characters.count - surnameLength)
    }

    /// The masked form of a mention's text, by its kind (the text itself for other kinds).
    public static func masked(_ text: String, kind: EntityKind) -> String {
        switch kind {
        case .phone: return maskPhone(text)
        case .idNumber: return maskIDNumber(text)
        case .name: return maskName(text)
        default: return text
        }
    }

    /// Replaces every personal-data mention inside a text with its masked form. `mentions` carry offsets into
    /// `scalars` (the original text).
    public static func maskText(_ scalars: [Unicode.Scalar], mentions: [EntityMention]) -> String {
        var result = String.UnicodeScalarView()
        var position = 0
        for mention in mentions.filter(\.kind.isPersonalData).sorted(by: { $0.start < $1.start })
        where mention.start >= position {
            result.append(contentsOf: scalars[position..<mention.start])
            var original = String.UnicodeScalarView()
            original.append(contentsOf: scalars[mention.start..<mention.end])
            result.append(contentsOf: masked(String(original), kind: mention.kind).unicodeScalars)
            position = mention.end
        }
        result.append(contentsOf: scalars[position...])
        return String(result)
    }

    private static func mask(_ text: String, keepingFirst first: Int, last: Int) -> String {
        let characters = Array(text)
        guard characters.count > first + last else {
            return String(characters.prefix(1)) + String(repeating: "*", count: max(0, characters.count - 1))
        }
        return String(characters[..<first]) + String(repeating: "*", count: characters.count - first - last)
            + String(characters[(characters.count - last)...])
    }
}
