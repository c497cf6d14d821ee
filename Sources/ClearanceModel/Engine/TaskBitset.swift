// MARK: - TaskBitset

/// A fixed-size set of small integers (policy positions or unit numbers) as 64-bit words.
///
/// Finding the first member is a scan for the first non-zero word, so choosing the most urgent
/// available task among 5,000 costs at most ~80 word tests instead of a sort or heap update.
struct TaskBitset {
    private(set) var words: [UInt64]
    /// No word before this index is non-zero (a hint that keeps scans short as work is consumed).
    private var lowWord = 0

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
        lowWord = words.count
    }

    @inline(__always)
    mutating func insert(_ i: Int) {
        words[i >> 6] |= 1 << UInt64(i & 63)
        if i >> 6 < lowWord { lowWord = i >> 6 }
    }

    @inline(__always)
    mutating func remove(_ i: Int) {
        words[i >> 6] &= ~(1 << UInt64(i & 63))
    }

    @inline(__always)
    func contains(_ i: Int) -> Bool {
        words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    var isEmpty: Bool { first() == nil }

    /// Smallest member, or nil.
    ///
    /// - Complexity: O(words after the low-water mark).
    func first() -> Int? {
        var w = lowWord
        while w < words.count {
            let v = words[w]
            if v != 0 { return w << 6 | v.trailingZeroBitCount }
            w += 1
        }
        return nil
    }

    /// Smallest member ≥ `start`, or nil.
    func first(from start: Int) -> Int? {
        var w = start >> 6
        guard w < words.count else { return nil }
        var v = words[w] & (~0 << UInt64(start & 63))
        while true {
            if v != 0 { return w << 6 | v.trailingZeroBitCount }
            w += 1
            guard w < words.count else { return nil }
            v = words[w]
        }
    }

    /// Smallest member that is also in `mask`, or nil.
    mutating func first(and mask: TaskBitset) -> Int? {
        while lowWord < words.count && words[lowWord] == 0 { lowWord += 1 }
        var w = lowWord
        while w < words.count {
            let v = words[w] & mask.words[w]
            if v != 0 { return w << 6 | v.trailingZeroBitCount }
            w += 1
        }
        return nil
    }

    /// Calls `body` with every member that is also in `mask`, in increasing order.
    mutating func forEach(and mask: TaskBitset, _ body: (Int) -> Void) {
        while lowWord < words.count && words[lowWord] == 0 { lowWord += 1 }
        var w = lowWord
        while w < words.count {
            var v = words[w] & mask.words[w]
            while v != 0 {
                body(w << 6 | v.trailingZeroBitCount)
                v &= v - 1
            }
            w += 1
        }
    }
}
