extension String {
    /// The text on one line (each run of white space, line breaks included, as one space), cut to `limit`
    /// characters with an ellipsis as the last: for lists, ledgers and alerts.
    public func oneLineExcerpt(limit: Int) -> String {
        var line = ""
        var pendingSpace = false
        for character in self {
            if character.isWhitespace {
                pendingSpace = !line.isEmpty
                continue
            }
            if pendingSpace { line.append(" ") }
            pendingSpace = false
            line.append(character)
        }
        guard line.count > limit else { return line }
        return String(line.prefix(max(0, limit - 1))) + "…"
    }
}
