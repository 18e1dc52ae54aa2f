extension String {
    /// A field name as words for messages: `meeting_kind` → `meeting kind`.
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
