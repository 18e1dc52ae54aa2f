/// Levenshtein distance between two strings by Unicode scalar, for did-you-mean suggestions.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs.unicodeScalars), right = Array(rhs.unicodeScalars)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
        current[0] = i
        for j in 1...right.count {
            let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[right.count]
}

/// The candidates closest to `word`, nearest first, within a distance that scales with its length.
func nearest(to word: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
    let length = word.unicodeScalars.count
    let threshold = max(2, length / 3)
    // The distance is at least the difference in length: skip what cannot be near without computing it (a
    // 10-million-character id is refused in milliseconds, not compared with every id).
    let ranked = candidates.lazy.filter { abs($0.unicodeScalars.count - length) <= threshold }
        .map { ($0, editDistance(word, $0)) }.filter { $0.1 <= threshold }
    return ranked.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
}
