// MARK: - Percentile rank by radix sort

extension LayerNormalization {
    /// Writes the percentile rank of every value into `output[offset + i · stride]` (zeros stay 0,
    /// a positive `v` gets `(count of positive values <= v) / (count of positive values)`).
    ///
    /// Why not a comparison sort: sorting an index array with a closure reading `values[$0]` makes
    /// ~n log n random reads, which at 16 M cells took seconds per layer. Here the keys are the
    /// IEEE-754 bit patterns of the positive values (for non-negative doubles the `UInt64` order is
    /// the numeric order, and equal doubles have equal patterns, so ties are exact):
    ///
    /// 1. one pass histograms the top `bucketBits` bits of the **varying** part of the key (the shift
    ///    comes from the highest bit in which the smallest and largest positive value differ, so
    ///    values of one magnitude still spread over many buckets);
    /// 2. a stable scatter writes the cell indices in bucket order (4 bytes per positive cell);
    /// 3. each bucket is gathered as (key, index) pairs into a small reused scratch, sorted by an
    ///    LSD radix sort on 11-bit digits of the bits below the bucket digit (passes whose digit is constant are skipped) and scored.
    ///    Equal keys always share a bucket, so a tie block never straddles two buckets and its score
    ///    is `(bucket start + end of the block in the bucket) / m`, exactly as with one global sort.
    ///
    /// The scratch therefore stays near cache size for spread-out values and never exceeds
    /// 4 bytes per positive cell plus 24 bytes per cell of the largest bucket.
    ///
    /// - Precondition: every value finite and >= 0 (validated by the caller); `output` large enough.
    /// - Complexity: O(n) time: one histogram pass, one scatter, and at most 6 linear passes per bucket.
    static func percentileRank(_ values: [Double], into output: inout [Double], offset: Int = 0, stride: Int = 1) {
        for i in values.indices where !(values[i] > 0) { output[offset + i * stride] = 0 }
        guard values.count <= Int(UInt32.max) else {
            // Beyond 2³² cells the 4-byte indices overflow; fall back to the comparison sort.
            comparisonPercentileRank(values, into: &output, offset: offset, stride: stride)
            return
        }
        percentileRankOfPositives(values) { cells, scores in
            for (cell, score) in zip(cells, scores) { output[offset + Int(cell) * stride] = score }
        }
    }

    /// The scores of the positive cells only, handed to `emit` one bucket at a time as (cell
    /// indices, scores) in sorted order; zero cells are never emitted (callers pre-fill zeros).
    ///
    /// Why a callback: the caller decides where the scores go (a column of the stacked composite
    /// buffer, under a lock when layers run in parallel) without a full-size temporary per layer.
    ///
    /// - Precondition: values finite and >= 0, `values.count <= UInt32.max`.
    /// - Complexity: as ``percentileRank(_:into:offset:stride:)``.
    static func percentileRankOfPositives(
        _ values: [Double], emit: (_ cells: ArraySlice<UInt32>, _ scores: ArraySlice<Double>) -> Void
    ) {
        precondition(values.count <= Int(UInt32.max), "percentileRankOfPositives indexes cells with UInt32")
        let n = values.count
        // Positive count and key range (bit patterns of positive doubles, compared as integers).
        var m = 0
        var minKey = UInt64.max, maxKey = UInt64.min
        for v in values where v > 0 {
            let key = v.bitPattern
            m += 1
            minKey = min(minKey, key)
            maxKey = max(maxKey, key)
        }
        guard m > 0 else { return }
        let total = Double(m)

        // Bucket digit: the `bucketBits` bits just below the highest differing bit of the range.
        let varying = minKey ^ maxKey
        let highBit = varying == 0 ? 0 : 64 - varying.leadingZeroBitCount
        let shift = max(0, highBit - bucketBits)
        let bucketCount = 1 << min(bucketBits, highBit)
        let mask = UInt64(bucketCount - 1)

        var starts = [Int](repeating: 0, count: bucketCount + 1)
        for v in values where v > 0 { starts[Int((v.bitPattern >> UInt64(shift)) & mask) + 1] += 1 }
        var largest = 0
        for b in 0..<bucketCount {
            largest = max(largest, starts[b + 1])
            starts[b + 1] += starts[b]
        }
        // Stable scatter of the indices into bucket order.
        var order = [UInt32](repeating: 0, count: m)
        var next = starts
        for i in 0..<n where values[i] > 0 {
            let b = Int((values[i].bitPattern >> UInt64(shift)) & mask)
            order[next[b]] = UInt32(truncatingIfNeeded: i)
            next[b] += 1
        }

        var sorter = PairRadixSorter(capacity: largest)
        var scores = [Double](repeating: 0, count: largest)
        for b in 0..<bucketCount {
            let (lo, hi) = (starts[b], starts[b + 1])
            guard hi > lo else { continue }
            sorter.load(order[lo..<hi], values: values)
            sorter.sort(varyingBits: shift)
            // Assign scores tie block by tie block; `lo + end` positive cells are <= the block's value.
            let count = hi - lo
            var start = 0
            while start < count {
                let key = sorter.keys[start]
                var end = start + 1
                while end < count, sorter.keys[end] == key { end += 1 }
                let score = Double(lo + end) / total
                for k in start..<end { scores[k] = score }
                start = end
            }
            emit(sorter.indices[0..<count], scores[0..<count])
        }
    }

    /// Width of the bucket digit: 4096 buckets keep the scatter's write streams in cache.
    static let bucketBits = 12

    /// The reference implementation (index sort with a comparison closure), kept for grids of more
    /// than 2³² cells and for tests.
    ///
    /// - Complexity: O(n log n).
    static func comparisonPercentileRank(_ values: [Double], into output: inout [Double], offset: Int = 0, stride: Int = 1) {
        let positive = values.indices.filter { values[$0] > 0 }.sorted {
            values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1)
        }
        for i in values.indices where !(values[i] > 0) { output[offset + i * stride] = 0 }
        let m = Double(positive.count)
        var start = 0
        while start < positive.count {
            var end = start + 1
            while end < positive.count, values[positive[end]] == values[positive[start]] { end += 1 }
            let score = Double(end) / m
            for k in start..<end { output[offset + positive[k] * stride] = score }
            start = end
        }
    }
}

// MARK: - PairRadixSorter

/// LSD radix sort of (key, index) pairs on 11-bit digits in reused buffers, sorting by key only
/// (stable, so equal keys keep their load order).
struct PairRadixSorter {
    private(set) var keys: [UInt64]
    private(set) var indices: [UInt32]
    private var spareKeys: [UInt64]
    private var spareIndices: [UInt32]
    private var counts: [Int]
    private(set) var count = 0

    /// Buffers for up to `capacity` pairs (they grow if a larger load comes).
    init(capacity: Int) {
        keys = [UInt64](repeating: 0, count: capacity)
        indices = [UInt32](repeating: 0, count: capacity)
        spareKeys = keys
        spareIndices = indices
        counts = [Int](repeating: 0, count: 6 * Self.radix)
    }

    /// Loads the pairs `(values[i].bitPattern, i)` for the indices in `cells`.
    mutating func load(_ cells: ArraySlice<UInt32>, values: [Double]) {
        count = cells.count
        if keys.count < count {
            keys = [UInt64](repeating: 0, count: count)
            indices = [UInt32](repeating: 0, count: count)
            spareKeys = keys
            spareIndices = indices
        }
        var j = 0
        for i in cells {
            keys[j] = values[Int(i)].bitPattern
            indices[j] = i
            j += 1
        }
    }

    /// Sorts the loaded pairs by key (ascending; stable), looking only at the key bits below
    /// `varyingBits` (the caller guarantees the bits above are equal in every loaded key).
    ///
    /// - Complexity: O(count · ⌈varyingBits / 11⌉) (11-bit digits; passes whose digit is the same in
    ///   every key are skipped); insertion sort below 32 pairs.
    mutating func sort(varyingBits: Int = 64) {
        let n = count
        if n < 32 {
            insertionSort()
            return
        }
        let digits = (min(64, varyingBits) + Self.digitBits - 1) / Self.digitBits
        // Work on uniquely owned locals: mutating the stored arrays element by element would
        // re-check their uniqueness on every write.
        var keys = self.keys, indices = self.indices
        var spareKeys = self.spareKeys, spareIndices = self.spareIndices
        var counts = self.counts
        self.keys = []; self.indices = []; self.spareKeys = []; self.spareIndices = []; self.counts = []
        let radix = Self.radix, digitMask = UInt64(radix - 1)
        for i in 0..<(digits * radix) { counts[i] = 0 }
        for j in 0..<n {
            let key = keys[j]
            for d in 0..<digits { counts[d &* radix &+ Int((key >> UInt64(d &* Self.digitBits)) & digitMask)] += 1 }
        }
        for d in 0..<digits {
            let base = d * radix, shift = UInt64(d * Self.digitBits)
            // A digit shared by every key does not reorder anything: skip its pass.
            if counts[base + Int((keys[0] >> shift) & digitMask)] == n { continue }
            var running = 0
            for b in 0..<radix {
                let c = counts[base + b]
                counts[base + b] = running
                running += c
            }
            for j in 0..<n {
                let key = keys[j]
                let slot = base &+ Int((key >> shift) & digitMask)
                let target = counts[slot]
                counts[slot] = target &+ 1
                spareKeys[target] = key
                spareIndices[target] = indices[j]
            }
            swap(&keys, &spareKeys)
            swap(&indices, &spareIndices)
        }
        self.keys = keys; self.indices = indices
        self.spareKeys = spareKeys; self.spareIndices = spareIndices
        self.counts = counts
    }

    /// Bits per radix digit: 2048 counters per pass stay in L1, and 63-bit keys need at most 6 passes.
    static let digitBits = 11
    static let radix = 1 << digitBits

    private mutating func insertionSort() {
        guard count > 1 else { return }
        for j in 1..<count {
            let key = keys[j], index = indices[j]
            var i = j
            while i > 0, keys[i - 1] > key {
                keys[i] = keys[i - 1]
                indices[i] = indices[i - 1]
                i -= 1
            }
            keys[i] = key
            indices[i] = index
        }
    }
}
