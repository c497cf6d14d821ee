import ParallelWork

// MARK: - Resampling

extension BlockBootstrap {
    /// Per-block totals, so a resample's totals cost O(blocks), not O(cells).
    struct BlockSums: Sendable {
        var cells: [Double]
        var positives: [Double]
        var incidents: [Double]

        init(blockOfCell: [Int], counts: [Int], blockCount: Int) {
            cells = [Double](repeating: 0, count: blockCount)
            positives = cells
            incidents = cells
            for (block, count) in zip(blockOfCell, counts) {
                cells[block] += 1
                if count > 0 { positives[block] += 1 }
                incidents[block] += Double(count)
            }
        }

        /// Weighted totals: (positive cells, negative cells, incidents, area).
        func totals(weights: [Double]) -> Totals {
            var t = Totals()
            for b in weights.indices where weights[b] != 0 {
                t.positives += weights[b] * positives[b]
                t.area += weights[b] * cells[b]
                t.incidents += weights[b] * incidents[b]
            }
            t.negatives = t.area - t.positives
            return t
        }
    }

    /// Weighted totals of one resample.
    struct Totals: Sendable {
        var positives = 0.0, negatives = 0.0, incidents = 0.0, area = 0.0
    }

    /// The cells of one score vector sorted once by score, descending, cut into tie groups: each
    /// resample then walks this order with its block multiplicities as weights (a weighted
    /// Mann–Whitney), so no resample sorts.
    ///
    /// - Complexity: O(n log n) to build.
    struct SortedCells: Sendable {
        /// Block of the cell at each sorted position.
        let block: [Int32]
        /// Incidents (or the positive indicator) of the cell at each sorted position.
        let count: [Int32]
        /// Exclusive end position of each tie group, in sorted order.
        let groupEnd: [Int]

        init(scores: [Double], blockOfCell: [Int], counts: [Int]) {
            let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            block = order.map { Int32(truncatingIfNeeded: blockOfCell[$0]) }
            count = order.map { Int32(truncatingIfNeeded: counts[$0]) }
            var ends: [Int] = []
            for k in order.indices.dropFirst() where scores[order[k]] != scores[order[k - 1]] { ends.append(k) }
            if !order.isEmpty { ends.append(order.count) }
            groupEnd = ends
        }

        /// Cell AUC, count-weighted AUC and the hit rate at each fraction when every cell counts
        /// `weights[its block]` times: exactly the metrics of the dataset with each block's cells
        /// duplicated that many times (ties ½, straddling tie groups taken fractionally). NaN where
        /// undefined (no positive or no negative weight; no incident weight).
        ///
        /// - Complexity: O(n + groups · fractions).
        func metrics(weights: [Double], totals: Totals, fractions: [Double]) -> [Double] {
            var result = [Double](repeating: .nan, count: 2 + fractions.count)
            var hits = [Double](repeating: 0, count: fractions.count)
            let budgets = fractions.map { $0 * totals.area }
            var positivesAbove = 0.0, incidentsAbove = 0.0, cellWins = 0.0, weightedWins = 0.0, used = 0.0
            var start = 0
            for end in groupEnd {
                var wp = 0.0, wn = 0.0, wc = 0.0
                for k in start..<end {
                    let w = weights[Int(block[k])]
                    let c = count[k]
                    if c > 0 {
                        wp += w
                        wc += w * Double(c)
                    } else {
                        wn += w
                    }
                }
                start = end
                // Each negative here loses to every positive above and ties with those in its group.
                cellWins += wn * (positivesAbove + 0.5 * wp)
                weightedWins += wn * (incidentsAbove + 0.5 * wc)
                positivesAbove += wp
                incidentsAbove += wc
                let area = wp + wn
                guard area > 0 else { continue }
                for f in budgets.indices where used < budgets[f] {
                    hits[f] += used + area <= budgets[f] ? wc : wc * (budgets[f] - used) / area
                }
                used += area
            }
            if totals.positives > 0, totals.negatives > 0 {
                result[0] = cellWins / (totals.positives * totals.negatives)
                result[1] = weightedWins / (totals.incidents * totals.negatives)
            }
            if totals.incidents > 0 {
                for f in fractions.indices { result[2 + f] = hits[f] / totals.incidents }
            }
            return result
        }
    }

    /// Replicates cut into pieces of this many; the cut depends only on the replicate count.
    static let replicatesPerPiece = 16

    /// Metric values of every vector in every replicate: `values[r][v]` is
    /// ``SortedCells/metrics(weights:totals:fractions:)`` of vector `v` in replicate `r`.
    ///
    /// Replicate `r` draws `blockCount` blocks with replacement from its own generator
    /// (`seed`, `r`), so the result is bit-identical for any number of threads.
    ///
    /// - Complexity: O(R · (blocks + vectors · (n + groups · fractions))).
    static func replicateValues(vectors: [SortedCells], sums: BlockSums, blockCount: Int, replicates: Int,
                                seed: UInt64, fractions: [Double]) -> [[[Double]]] {
        let pieces = (replicates + replicatesPerPiece - 1) / replicatesPerPiece
        let perPiece = ParallelWork.map(pieces) { piece -> [[[Double]]] in
            let range = (piece * replicatesPerPiece)..<min(replicates, (piece + 1) * replicatesPerPiece)
            var weights = [Double](repeating: 0, count: blockCount)
            return range.map { r in
                var generator = SplitMix64(seed: seed, stream: UInt64(r))
                for b in weights.indices { weights[b] = 0 }
                for _ in 0..<blockCount { weights[generator.index(below: blockCount)] += 1 }
                let totals = sums.totals(weights: weights)
                return vectors.map { $0.metrics(weights: weights, totals: totals, fractions: fractions) }
            }
        }
        return perPiece.flatMap { $0 }
    }

    /// The `p` quantile of sorted values, linearly interpolated between order statistics (Hyndman &
    /// Fan type 7, R's and NumPy's default).
    static func quantile(sorted values: [Double], _ p: Double) -> Double {
        let h = Double(values.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        return values[lower] + (h - Double(lower)) * (values[upper] - values[lower])
    }
}
