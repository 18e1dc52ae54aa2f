extension String {
    /// The text without leading and trailing white space.
    var trimmed: Substring {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    /// Whether the text is empty or only white space, like `trimmed.isEmpty`.
    var isBlank: Bool {
        if let first = utf8.first, first > 0x20, first < 0x7F { return false }
        return trimmed.isEmpty
    }
}
