/// NFC for the loader's hot path: the same answer as ``nfc``, but without Foundation for the common case
/// (ASCII, already-composed text).
extension String {
    /// The text in NFC, like ``nfc``, but returns `self` without calling Foundation when a quick check proves
    /// the text is already NFC: every scalar is ASCII, Latin-1, Latin Extended-A/B, precomposed Latin Extended
    /// Additional (Vietnamese letters) or common punctuation (U+2010–U+2027), all of which are NFC_QC=Yes with
    /// canonical combining class 0 (UAX #15 quick check).
    var loaderNFC: String {
        isQuickNFC ? self : nfc
    }

    /// Whether the quick check above proves the text is in NFC.
    var isQuickNFC: Bool {
        let ascii = utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count, bytes[index] < 0x80 { index += 1 }
            return index == bytes.count
        }
        if ascii == true { return true }
        for scalar in unicodeScalars {
            let value = scalar.value
            if value < 0x300 || (0x1E00..<0x1F00).contains(value) || (0x2010...0x2027).contains(value) { continue }
            return false
        }
        return true
    }
}
