import Foundation

/// Name normalisation for loose matching.
extension String {
    /// The text in Unicode NFC, the form names are stored in.
    var nfc: String { utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping }

    /// A key for loose matching: diacritics, case and spacing removed (`Tô Lâm` → `tolam`, `Việt Nam` → `vietnam`).
    ///
    /// Vietnamese `đ` folds to `d`; punctuation and the typographic apostrophe are dropped, so
    /// `Cambodian People’s Party` matches `cambodian peoples party`.
    var matchingKey: String {
        // ASCII text (most names in event data) has no marks to strip: keep letters and digits, lowercased.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return unicodeMatchingKey
    }

    /// ``matchingKey`` by Unicode properties, for any text (the ASCII fast path is tested against it).
    var unicodeMatchingKey: String {
        let stripped = decomposedStringWithCanonicalMapping
        var key = String.UnicodeScalarView()
        for scalar in stripped.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "đ", "Đ": key.append("d")
            case _ where scalar.properties.isAlphabetic || scalar.properties.numericType != nil:
                for lower in String(scalar).lowercased().unicodeScalars { key.append(lower) }
            default: continue
            }
        }
        return String(key)
    }
}

extension String {
    /// The text as an error message quotes it: whole when short, else its start and its length, so that a
    /// runaway value (a 10 MB id) gives a message a person can read.
    var shownInMessage: String {
        let limit = 80
        guard count > limit else { return self }
        return String(prefix(60)) + "… (\(count) characters)"
    }
}
