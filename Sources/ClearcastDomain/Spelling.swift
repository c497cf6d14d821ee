/// "Did you mean …?" for every place that names a word the user may have mistyped: scenario
/// fields and values, region names, command names.
public enum Spelling {
    /// The allowed word closest to `word` by edit distance, when close enough to be a likely typo.
    ///
    /// - Complexity: O(n · m · k) for k candidates of lengths m against `word` of length n.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        // A third of the word's length (at least 1, at most 3) separates a typo from another word.
        let limit = max(1, min(3, word.count / 3))
        return best.distance <= limit ? best.candidate : nil
    }

    /// Levenshtein distance with one rolling row.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)
                diagonal = row[j]
                row[j] = min(substitution, row[j] + 1, row[j - 1] + 1)
            }
        }
        return row[b.count]
    }
}
