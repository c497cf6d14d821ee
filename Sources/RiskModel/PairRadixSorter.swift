// MARK: - PairRadixSorter

/// Sorts (key, index) pairs by key, stably, with a most-significant-digit radix sort in reused
/// buffers: the workhorse of the percentile rank.
///
/// Why MSD with adaptive digits: the keys are IEEE-754 bit patterns of positive doubles, whose low
/// mantissa bits always vary, so a least-significant-digit sort must make a pass for every 11 bits
/// of the key (five or six passes over buffers larger than the caches). Splitting from the top
/// instead, on **offsets from the range's smallest key** scaled to the digit width, makes each level
/// divide the range evenly whatever the scale of the values, and a range is finished as soon as it is
/// small (insertion sort) or constant (ties). A layer of 16 M cells then
/// costs two or three passes per pair, all on cache-sized ranges after the first level.
///
/// ```swift
/// var sorter = PairRadixSorter(capacity: 1_024)
/// sorter.append(keys: keys[...], cells: cells[...])
/// sorter.sort()
/// sorter.keys[0 ..< sorter.count]          // ascending; sorter.cells follow their keys
/// ```
struct PairRadixSorter {
    private(set) var keys: [UInt64]
    private(set) var cells: [UInt32]
    private var spareKeys: [UInt64]
    private var spareCells: [UInt32]
    /// Per recursion level: `wideRadix + 1` bucket boundaries and `wideRadix` write positions.
    private var counts: [Int]
    private(set) var count = 0

    /// Buffers for up to `capacity` pairs (they grow if more are appended).
    init(capacity: Int) {
        keys = [UInt64](repeating: 0, count: capacity)
        cells = [UInt32](repeating: 0, count: capacity)
        spareKeys = keys
        spareCells = cells
        counts = [Int](repeating: 0, count: Self.maximumDepth * Self.levelStride)
    }

    /// Empties the sorter, keeping its buffers.
    mutating func removeAll() { count = 0 }

    /// Makes room for `capacity` pairs in total (the loaded pairs are kept).
    mutating func reserveCapacity(_ capacity: Int) {
        guard keys.count < capacity else { return }
        keys += [UInt64](repeating: 0, count: capacity - keys.count)
        cells += [UInt32](repeating: 0, count: capacity - cells.count)
        spareKeys = [UInt64](repeating: 0, count: capacity)
        spareCells = [UInt32](repeating: 0, count: capacity)
    }

    /// Appends pairs `(keys[i], cells[i])`.
    ///
    /// Why raw copies: this gathers a bucket from every chunk (about a million short slices per
    /// 16 M-cell layer), and `replaceSubrange` spent more on its checks than on copying.
    ///
    /// - Precondition: `keys.count == cells.count`.
    mutating func append(keys newKeys: ArraySlice<UInt64>, cells newCells: ArraySlice<UInt32>) {
        precondition(newKeys.count == newCells.count, "PairRadixSorter.append: keys and cells differ in length")
        let end = count + newKeys.count
        if keys.count < end { reserveCapacity(max(end, 2 * keys.count)) }
        let start = count
        keys.withUnsafeMutableBufferPointer { keys in
            newKeys.withUnsafeBufferPointer { keys.baseAddress.unsafelyUnwrapped.advanced(by: start).update(from: $0.baseAddress.unsafelyUnwrapped, count: $0.count) }
        }
        cells.withUnsafeMutableBufferPointer { cells in
            newCells.withUnsafeBufferPointer { cells.baseAddress.unsafelyUnwrapped.advanced(by: start).update(from: $0.baseAddress.unsafelyUnwrapped, count: $0.count) }
        }
        count = end
    }

    /// Sorts the loaded pairs by key (ascending; stable: equal keys keep their load order).
    ///
    /// - Complexity: O(count · d) for d levels of splitting, d ≤ 8 and in practice 1–3; O(count²)
    ///   only within ranges of at most ``insertionCutoff`` pairs.
    mutating func sort() {
        let n = count
        keys.withUnsafeMutableBufferPointer { keys in
            cells.withUnsafeMutableBufferPointer { cells in
                spareKeys.withUnsafeMutableBufferPointer { spareKeys in
                    spareCells.withUnsafeMutableBufferPointer { spareCells in
                        counts.withUnsafeMutableBufferPointer { counts in
                            let walker = RangeSorter(keys: keys, cells: cells, spareKeys: spareKeys,
                                                     spareCells: spareCells, counts: counts)
                            walker.sort(0, n, level: 0)
                        }
                    }
                }
            }
        }
    }

    // MARK: Tuning

    /// Ranges of at most this many pairs are insertion-sorted.
    static let insertionCutoff = 24
    /// Widest digit: 2048 buckets, whose counters stay in L1.
    static let wideBits = 11
    /// Narrowest digit.
    static let narrowBits = 4
    static let wideRadix = 1 << wideBits

    /// Digit width for a range of `n` pairs: about 16 pairs per bucket, so that clearing and scanning
    /// the counters never outweighs the pairs being split, and the next level is mostly insertion sorts.
    @inline(__always)
    static func digitBits(forCount n: Int) -> Int {
        let log2 = Int.bitWidth - max(1, n).leadingZeroBitCount   // ⌈log₂(n + 1)⌉
        return min(wideBits, max(narrowBits, log2 - 4))
    }

    /// Each level consumes at least ``narrowBits`` of the 64-bit key, or all that still vary.
    static let maximumDepth = 64 / narrowBits + 1
    /// Counters per level: boundaries and write positions.
    static let levelStride = 2 * wideRadix + 1
}

// MARK: - Recursive splitting

extension PairRadixSorter {
    /// The sorter's buffers for the duration of one sort.
    ///
    /// Why raw buffers: a radix pass is a handful of instructions per pair, and array accesses through
    /// stored properties re-check uniqueness and bounds on every write, which made the sort four times
    /// slower. Every index below is formed from `lo ..< hi` (within the loaded count, checked by the
    /// caller) or from bucket starts that partition that range, and the buffers never escape
    /// ``PairRadixSorter/sort()``. The unsafe code of RiskModel is all in this file: this, the
    /// raw copies of ``PairRadixSorter/append(keys:cells:)`` and ``BucketedPairWriter``.
    private struct RangeSorter {
        let keys: UnsafeMutableBufferPointer<UInt64>
        let cells: UnsafeMutableBufferPointer<UInt32>
        let spareKeys: UnsafeMutableBufferPointer<UInt64>
        let spareCells: UnsafeMutableBufferPointer<UInt32>
        /// Per level: `wideRadix + 1` bucket boundaries, then `wideRadix` write positions.
        let counts: UnsafeMutableBufferPointer<Int>

        /// Sorts `lo ..< hi` in place.
        func sort(_ lo: Int, _ hi: Int, level: Int) {
            let n = hi &- lo
            if n <= PairRadixSorter.insertionCutoff {
                insertionSort(lo, hi)
                return
            }
            var smallest = keys[lo], largest = smallest
            for j in (lo &+ 1)..<hi {
                let key = keys[j]
                smallest = min(smallest, key)
                largest = max(largest, key)
            }
            let span = largest &- smallest
            guard span != 0 else { return }   // all keys equal: already in (stable) order
            let spanBits = 64 &- span.leadingZeroBitCount
            let shift = UInt64(max(0, spanBits &- PairRadixSorter.digitBits(forCount: n)))
            let radix = Int(truncatingIfNeeded: span &>> shift) &+ 1
            let starts = counts.baseAddress.unsafelyUnwrapped + level &* PairRadixSorter.levelStride
            let next = starts + (PairRadixSorter.wideRadix &+ 1)
            // Histogram, then exclusive prefix sums: starts[b] = offset of bucket b within the range.
            starts.update(repeating: 0, count: radix &+ 1)
            for j in lo..<hi { starts[1 &+ Int(truncatingIfNeeded: (keys[j] &- smallest) &>> shift)] &+= 1 }
            for b in 0..<radix { starts[b &+ 1] &+= starts[b] }
            for b in 0..<radix { next[b] = starts[b] &+ lo }
            // Stable scatter into the spare buffers, then copy back.
            for j in lo..<hi {
                let key = keys[j]
                let b = Int(truncatingIfNeeded: (key &- smallest) &>> shift)
                let target = next[b]
                next[b] = target &+ 1
                spareKeys[target] = key
                spareCells[target] = cells[j]
            }
            for j in lo..<hi {
                keys[j] = spareKeys[j]
                cells[j] = spareCells[j]
            }
            // Recurse into every bucket that still needs ordering (deeper levels use other counters).
            for b in 0..<radix {
                let start = lo &+ starts[b], end = lo &+ starts[b &+ 1]
                if end &- start > 1 { sort(start, end, level: level &+ 1) }
            }
        }

        /// Stable insertion sort of `lo ..< hi`.
        func insertionSort(_ lo: Int, _ hi: Int) {
            guard hi &- lo > 1 else { return }
            for j in (lo &+ 1)..<hi {
                let key = keys[j], cell = cells[j]
                var i = j
                while i > lo, keys[i &- 1] > key {
                    keys[i] = keys[i &- 1]
                    cells[i] = cells[i &- 1]
                    i &-= 1
                }
                keys[i] = key
                cells[i] = cell
            }
        }
    }
}

// MARK: - Filling bucketed pair buffers without zeroing them

extension PairRadixSorter {
    /// Two new arrays of keys and cells laid out in buckets (bucket `b` is `starts[b] ..< starts[b + 1]`)
    /// that `fill` fills through a ``BucketedPairWriter``.
    ///
    /// Why: `Array(repeating:count:)` zero-fills first, and for the percentile rank of a 16 M-cell
    /// layer that is 192 MB written twice; measured at 4000², skipping it (with the raw copies of
    /// ``append(keys:cells:)``) took the rank of one dense layer from ~0.45 s to ~0.38 s.
    ///
    /// - Precondition: `starts` is non-decreasing from 0, and `fill` appends exactly
    ///   `starts[b + 1] - starts[b]` pairs to every bucket `b`. Both are checked: a pair beyond its
    ///   bucket, or a bucket left short (which would leave slots unset), stops the program.
    static func bucketed(starts: [Int], _ fill: (inout BucketedPairWriter) -> Void) -> (keys: [UInt64], cells: [UInt32]) {
        precondition(starts.first == 0 && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 },
                     "PairRadixSorter.bucketed: bucket starts must rise from 0")
        let count = starts.last ?? 0
        var next = starts
        var cells: [UInt32] = []
        let keys = [UInt64](unsafeUninitializedCapacity: count) { keyBuffer, keyCount in
            cells = [UInt32](unsafeUninitializedCapacity: count) { cellBuffer, cellCount in
                next.withUnsafeMutableBufferPointer { next in
                    starts.withUnsafeBufferPointer { starts in
                        var writer = BucketedPairWriter(keys: keyBuffer, cells: cellBuffer, next: next, starts: starts)
                        fill(&writer)
                    }
                }
                cellCount = count
            }
            keyCount = count
        }
        precondition(zip(next, starts.dropFirst()).allSatisfy { $0 == $1 },
                     "PairRadixSorter.bucketed: a bucket received fewer pairs than counted")
        return (keys, cells)
    }
}

/// Appends pairs to the buckets of the arrays being created by
/// ``PairRadixSorter/bucketed(starts:_:)``; valid only inside its `fill`.
struct BucketedPairWriter {
    private let keys: UnsafeMutableBufferPointer<UInt64>
    private let cells: UnsafeMutableBufferPointer<UInt32>
    /// Next free slot of each bucket.
    private let next: UnsafeMutableBufferPointer<Int>
    /// Bucket boundaries (one more than the buckets).
    private let starts: UnsafeBufferPointer<Int>

    fileprivate init(keys: UnsafeMutableBufferPointer<UInt64>, cells: UnsafeMutableBufferPointer<UInt32>,
                     next: UnsafeMutableBufferPointer<Int>, starts: UnsafeBufferPointer<Int>) {
        self.keys = keys
        self.cells = cells
        self.next = next
        self.starts = starts
    }

    /// Appends (`key`, `cell`) to bucket `bucket`.
    ///
    /// - Precondition: `bucket` is a bucket with room left.
    @inline(__always)
    mutating func append(key: UInt64, cell: UInt32, bucket: Int) {
        precondition(bucket >= 0 && bucket < next.count, "BucketedPairWriter: no bucket \(bucket)")
        let slot = next[bucket]
        precondition(slot < starts[bucket &+ 1], "BucketedPairWriter: bucket \(bucket) is full")
        keys[slot] = key
        cells[slot] = cell
        next[bucket] = slot &+ 1
    }
}
