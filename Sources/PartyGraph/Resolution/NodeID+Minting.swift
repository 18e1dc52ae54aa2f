extension NodeID {
    /// The slug of a name: diacritics folded (`Tô Lâm` → `to-lam`, Vietnamese `đ` → `d`), lowercase ASCII letters and
    /// digits kept, apostrophes dropped (`People’s` → `peoples`), every other run of characters one `-`, none at either end, at most 80 bytes; `unnamed` when
    /// nothing is left (a name in a script without Latin letters).
    public static func slug(of name: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark || scalar == "'" || scalar == "\u{2019}" { continue }
            var folded = scalar
            if scalar == "đ" || scalar == "Đ" { folded = "d" }
            let lower = String(folded).lowercased().unicodeScalars
            if lower.count == 1, let only = lower.first, only.isASCII,
               (only >= "a" && only <= "z") || (only >= "0" && only <= "9") {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(only)
                if slug.utf8.count >= 80 { break }
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "unnamed" : slug
    }

    /// A new, readable id for a node: `kind/slug` of its name (``slug(of:)``), after an optional prefix
    /// (`meeting/2026-02-06-cpp-cpv-summit`); when that id is taken, `-2`, `-3`, … are tried in turn, so the same
    /// names in the same order always give the same ids.
    public static func minted(kind: NodeKind, name: String, prefix: String? = nil, isTaken: (NodeID) -> Bool) -> NodeID {
        let base = kind.rawValue + "/" + (prefix.map { $0 + "-" } ?? "") + slug(of: name)
        var candidate = NodeID(base)
        var suffix = 2
        while isTaken(candidate) {
            candidate = NodeID(base + "-\(suffix)")
            suffix += 1
        }
        return candidate
    }
}
