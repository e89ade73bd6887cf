/// Text escaping for the formats this module writes: HTML, XML, Markdown and CSV.
enum Escaping {
    /// Escapes text for HTML element content and attribute values (`& < > " '`).
    static func html(_ text: String) -> String {
        escape(text, ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    }

    /// Escapes text for XML 1.0 content and attributes, dropping characters XML 1.0 cannot hold (control
    /// characters other than tab, LF and CR; U+FFFE and U+FFFF). A CR is written as `&#13;` so that parsers keep it.
    static func xml(_ text: String) -> String {
        escape(text, ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;", "\r": "&#13;"])
    }

    /// The text with each scalar in `replacements` replaced and characters XML 1.0 cannot hold dropped.
    private static func escape(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] {
                out += replacement
            } else if isXMLCharacter(scalar) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character: `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Escapes text for Markdown inline content: punctuation that starts emphasis, links, code, headings, tables or
    /// HTML is backslash-escaped or written as an entity, and line breaks become spaces. `<` and `&` become
    /// entities, so a renderer that passes HTML through shows `<script>` as text.
    static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!", "~":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\r", "\n": out += " "
            default:
                if isXMLCharacter(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
