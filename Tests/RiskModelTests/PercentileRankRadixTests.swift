import _TestSupport
import EventSimulation
import Foundation
import Testing
import LinearAlgebra
@testable import RiskModel

/// The radix-sort percentile rank against the comparison-sort reference and a naive count.
@Suite("Percentile rank (radix sort)")
struct PercentileRankRadixTests {
    /// Random layer mixing zeros, ties, tiny (normal) values, huge values and one-magnitude clusters.
    static func layer(count: Int, using rng: inout SeededGenerator) -> [Double] {
        let ties: [Double] = [0.5, 1, 3.25, 1e-300, 1e300, Double.leastNormalMagnitude, Double.greatestFiniteMagnitude]
        return (0..<count).map { _ in
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: return 0
            case 1: return ties.randomElement(using: &rng) ?? 1
            case 2: return Double.random(in: 1...1.0001, using: &rng)                // one bucket-sized range
            case 3: return Double.random(in: 1e-300...1e-290, using: &rng)           // tiny, not denormal
            case 4: return Double.random(in: 0...1e308, using: &rng)                 // huge
            default: return Double.random(in: 0...10, using: &rng)
            }
        }
    }

    static func radix(_ values: [Double]) -> [Double] {
        LayerNormalization.percentileRank(values)
    }

    static func reference(_ values: [Double]) -> [Double] {
        LayerNormalization.comparisonPercentileRank(values)
    }

    @Test func matchesComparisonSortOnRandomLayers() {
        var rng = SeededGenerator(seed: 7)
        // Sizes below and above the insertion-sort cut-off and with many buckets.
        // 600 000 cells make three chunks, so the parallel scatter and bucket groups are exercised.
        for count in [0, 1, 2, 31, 33, 257, 5_000, 40_000, 600_000] {
            let values = Self.layer(count: count, using: &rng)
            #expect(Self.radix(values) == Self.reference(values), "count \(count)")
        }
    }

    /// Heavy-tailed layers like real density and pressure surfaces: most cells in a few binades, the
    /// rest spread over dozens (the bucket digit must not depend on where a power of two falls), and
    /// keys spanning all 64 bits in the pair sorter.
    @Test func matchesComparisonSortOnSkewedLayers() {
        var rng = SeededGenerator(seed: 23)
        for sigma in [0.5, 5, 40] {
            let values = (0..<300_000).map { _ in
                // Log-normal via Box-Muller; clamp to the finite positive doubles.
                let u = Double.random(in: Double.ulpOfOne...1, using: &rng), v = Double.random(in: 0..<1, using: &rng)
                let z = (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
                return min(Double.greatestFiniteMagnitude, max(Double.leastNormalMagnitude, Foundation.exp(sigma * z)))
            }
            #expect(Self.radix(values) == Self.reference(values), "sigma \(sigma)")
        }
        let keys: [UInt64] = [UInt64.max, 1, 0, UInt64.max - 1, 1 << 63, (1 << 63) - 1] + (0..<100).map { UInt64($0) << 57 }
        let cells = (0..<UInt32(keys.count)).map { $0 }
        var sorter = PairRadixSorter(capacity: keys.count)
        sorter.append(keys: keys[...], cells: cells[...])
        sorter.sort()
        #expect(Array(sorter.keys.prefix(sorter.count)) == keys.sorted())
    }

    @Test func matchesNaiveCountAndKeepsTiesEqual() {
        var rng = SeededGenerator(seed: 11)
        let values = Self.layer(count: 400, using: &rng)
        #expect(Self.radix(values) == LayerNormalizationTests.naivePercentile(values))
    }

    @Test func narrowRangesAndSingleValues() {
        // All positive values equal (no varying bit), and values differing only in the last bits.
        #expect(Self.radix([0, 2, 2, 0, 2]) == [0, 1, 1, 0, 1])
        let base = 1.0
        let close = (0..<100).map { base + Double($0 % 7) * base.ulp }
        #expect(Self.radix(close) == Self.reference(close))
        var rng = SeededGenerator(seed: 3)
        let wide = (0..<10_000).map { _ in Double.random(in: 1...2, using: &rng) }.map { $0 * 1e-3 }
        #expect(Self.radix(wide) == Self.reference(wide))
    }

    @Test func columnOutputLeavesOtherColumnsAlone() {
        let values: [Double] = [0, 5, 1, 5, 100]
        let out = Matrix.filledByColumns(rows: values.count, columns: 3) { column in
            if column.column == 1 {
                LayerNormalization.writePercentileRank(values, to: column)
            } else {
                for row in 0..<values.count { column.write(9, row: row) }
            }
        }
        #expect(out.column(1) == [0, 0.75, 0.25, 0.75, 1])
        #expect(out.column(0) == [9, 9, 9, 9, 9] && out.column(2) == [9, 9, 9, 9, 9])
    }

    @Test func pairSorterSortsStablyByKey() {
        var rng = SeededGenerator(seed: 5)
        // Few distinct keys (long tie runs), and keys differing only in low bits (deep recursion).
        for spread in [50, 1 << 20] {
            let keys = (0..<3_000).map { _ in UInt64(Int.random(in: 1...spread, using: &rng)) &* 3 }
            let cells = (0..<UInt32(keys.count)).map { $0 }
            var sorter = PairRadixSorter(capacity: 10)   // grows on append
            sorter.append(keys: keys[..<1_000], cells: cells[..<1_000])
            sorter.append(keys: keys[1_000...], cells: cells[1_000...])
            sorter.sort()
            let expected = cells.sorted { (keys[Int($0)], $0) < (keys[Int($1)], $1) }
            #expect(Array(sorter.cells.prefix(sorter.count)) == expected, "spread \(spread)")
            #expect(Array(sorter.keys.prefix(sorter.count)) == expected.map { keys[Int($0)] })
            sorter.removeAll()
            #expect(sorter.count == 0)
        }
    }

    @Test func bucketedPairsMatchAStablePartition() {
        var rng = SeededGenerator(seed: 11)
        for bucketCount in [1, 7, 300] {
            // Random bucket per pair, some buckets empty; the naive reference is a stable partition.
            let pairs = (0..<2_000).map { i in
                (bucket: Int.random(in: 0..<bucketCount, using: &rng) / 2 * 2, key: rng.next(), cell: UInt32(i))
            }
            var starts = [Int](repeating: 0, count: bucketCount + 1)
            for pair in pairs { starts[pair.bucket + 1] += 1 }
            for b in 0..<bucketCount { starts[b + 1] += starts[b] }
            let (keys, cells) = PairRadixSorter.bucketed(starts: starts) { writer in
                for pair in pairs { writer.append(key: pair.key, cell: pair.cell, bucket: pair.bucket) }
            }
            let expected = (0..<bucketCount).flatMap { b in pairs.filter { $0.bucket == b } }
            #expect(keys == expected.map(\.key), "\(bucketCount) buckets")
            #expect(cells == expected.map(\.cell), "\(bucketCount) buckets")
        }
        let (noKeys, noCells) = PairRadixSorter.bucketed(starts: [0]) { _ in }
        #expect(noKeys.isEmpty && noCells.isEmpty)
    }

    @Test func bucketedPairsStopOnOverfullOrShortBuckets() async {
        // One pair too many for bucket 0, and a bucket left short (its slot would stay unset).
        await #expect(processExitsWith: .failure) {
            _ = PairRadixSorter.bucketed(starts: [0, 1, 2]) { writer in
                writer.append(key: 1, cell: 0, bucket: 0)
                writer.append(key: 2, cell: 1, bucket: 0)
            }
        }
        await #expect(processExitsWith: .failure) {
            _ = PairRadixSorter.bucketed(starts: [0, 1, 2]) { writer in writer.append(key: 1, cell: 0, bucket: 1) }
        }
        await #expect(processExitsWith: .failure) {
            _ = PairRadixSorter.bucketed(starts: [0, 2, 1]) { _ in }
        }
    }

    @Test func parallelStackingEqualsNormalisingEachLayer() throws {
        var rng = SeededGenerator(seed: 19)
        let cells = 3_000
        let layers = [Self.layer(count: cells, using: &rng), [Double](repeating: 0, count: cells),
                      Self.layer(count: cells, using: &rng), Self.layer(count: cells, using: &rng)]
        let weights = try FactorWeights(names: ["a", "b", "c", "d"], values: [0.4, 0.1, 0.3, 0.2])
        for methods in [[LayerNormalization.Method](repeating: .percentileRank, count: 4),
                        [.maxScaling, .percentileRank, .maxScaling, .percentileRank]] {
            let fast = try CompositeScore(rawLayers: layers, methods: methods, weights: weights)
            let normalized = try zip(layers, methods).map { try LayerNormalization.normalize($0, method: $1, layer: "x") }
            let reference = try CompositeScore(normalizedLayers: normalized, weights: weights)
            #expect(fast.layers == reference.layers)
            #expect(fast.scores == reference.scores)
        }
    }
}
