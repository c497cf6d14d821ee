// MARK: - TaskBitset

/// A fixed-size set of small integers (policy positions or unit numbers) as 64-bit words, with
/// a second level marking the non-empty words.
///
/// Finding the first member visits only non-empty words (found through the summary bits), so
/// choosing the most urgent available task among 5,000 costs a handful of word tests instead of
/// a sort or heap update, even when the set is sparse.
struct TaskBitset {
    private(set) var words: [UInt64]
    /// Bit `w` is set when `words[w] != 0`.
    private var summary: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
        summary = Array(repeating: 0, count: (words.count + 63) / 64)
    }

    @inline(__always)
    mutating func insert(_ i: Int) {
        let w = i >> 6
        words[w] |= 1 << UInt64(i & 63)
        summary[w >> 6] |= 1 << UInt64(w & 63)
    }

    @inline(__always)
    mutating func remove(_ i: Int) {
        let w = i >> 6
        words[w] &= ~(1 << UInt64(i & 63))
        if words[w] == 0 { summary[w >> 6] &= ~(1 << UInt64(w & 63)) }
    }

    @inline(__always)
    func contains(_ i: Int) -> Bool {
        words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    var isEmpty: Bool { first(from: 0) == nil }

    /// Smallest member ≥ `start`, or nil.
    ///
    /// - Complexity: O(words / 64 + 1).
    func first(from start: Int) -> Int? {
        var w = start >> 6
        guard w < words.count else { return nil }
        let v = words[w] & (~0 << UInt64(start & 63))
        if v != 0 { return w << 6 | v.trailingZeroBitCount }
        w += 1
        guard let next = nextNonEmptyWord(from: w) else { return nil }
        return next << 6 | words[next].trailingZeroBitCount
    }

    /// Smallest member that is also in `mask`, or nil.
    ///
    /// - Complexity: O(non-empty words scanned).
    func first(and mask: TaskBitset) -> Int? {
        var w = 0
        while let next = nextNonEmptyWord(from: w) {
            let v = words[next] & mask.words[next]
            if v != 0 { return next << 6 | v.trailingZeroBitCount }
            w = next + 1
        }
        return nil
    }

    /// Calls `body` with every member that is also in `mask`, in increasing order.
    func forEach(and mask: TaskBitset, _ body: (Int) -> Void) {
        var w = 0
        while let next = nextNonEmptyWord(from: w) {
            var v = words[next] & mask.words[next]
            while v != 0 {
                body(next << 6 | v.trailingZeroBitCount)
                v &= v - 1
            }
            w = next + 1
        }
    }

    /// Index of the first non-empty word ≥ `w`, from the summary bits.
    @inline(__always)
    private func nextNonEmptyWord(from w: Int) -> Int? {
        var s = w >> 6
        guard s < summary.count else { return nil }
        var bits = summary[s] & (~0 << UInt64(w & 63))
        while true {
            if bits != 0 { return s << 6 | bits.trailingZeroBitCount }
            s += 1
            guard s < summary.count else { return nil }
            bits = summary[s]
        }
    }
}
