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

    /// Masks every run of digits that could be a phone or ID number (7 digits or more, or 17 digits and an X),
    /// whether or not it was recognised as one: for texts shown to people, where a number with a bad checksum or an
    /// unusual format must not slip through.
    public static func maskDigitRuns(_ text: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            if run.count >= 7 { result += mask(run, keepingFirst: 3, last: 4) } else { result += run }
            run = ""
        }
        for character in text {
            if character.isASCII && (character.isNumber || ((character == "X" || character == "x") && run.count == 17))
            {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    private static func mask(_ text: String, keepingFirst first: Int, last: Int) -> String {
        // ASCII without a carriage return (phone and ID numbers) has one character per byte: masked byte by byte,
        // without breaking the text into Characters.
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            guard bytes.count > first + last else {
                return String(decoding: bytes.prefix(1), as: UTF8.self)
                    + String(repeating: "*", count: max(0, bytes.count - 1))
            }
            return String(decoding: bytes[..<first], as: UTF8.self)
                + String(repeating: "*", count: bytes.count - first - last)
                + String(decoding: bytes[(bytes.count - last)...], as: UTF8.self)
        }
        let characters = Array(text)
        guard characters.count > first + last else {
            return String(characters.prefix(1)) + String(repeating: "*", count: max(0, characters.count - 1))
        }
        return String(characters[..<first]) + String(repeating: "*", count: characters.count - first - last)
            + String(characters[(characters.count - last)...])
    }
}
