// MARK: - Tie blocks

extension ValidationMetrics {
    /// Cells sharing one score, summarised.
    struct TieBlock {
        /// Number of cells.
        var cells: Int
        /// Cells with >= 1 incident.
        var positiveCells: Int
        /// Incidents in the block.
        var incidents: Int
        /// Cells without incidents.
        var negatives: Int { cells - positiveCells }
    }

    /// Blocks of equal score, highest score first.
    ///
    /// - Complexity: O(n log n).
    static func tieBlocks(scores: [Double], counts: [Int]) -> [TieBlock] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var blocks: [TieBlock] = []
        var start = 0
        while start < order.count {
            var block = TieBlock(cells: 0, positiveCells: 0, incidents: 0)
            var end = start
            while end < order.count, scores[order[end]] == scores[order[start]] {
                let c = counts[order[end]]
                block.cells += 1
                block.incidents += c
                if c > 0 { block.positiveCells += 1 }
                end += 1
            }
            blocks.append(block)
            start = end
        }
        return blocks
    }

    // MARK: Hit rate

    /// Incidents captured by the top `budget` cells, taking the straddling tie block fractionally.
    static func captured(blocks: [TieBlock], budget: Double) -> Double {
        var used = 0.0
        var hits = 0.0
        for block in blocks {
            let size = Double(block.cells)
            if used + size <= budget {
                used += size
                hits += Double(block.incidents)
            } else {
                hits += Double(block.incidents) * max(0, budget - used) / size
                break
            }
        }
        return hits
    }

    // MARK: ROC AUC

    /// Cell AUC and count-weighted AUC: P(score of a positive > score of a negative), ties ½.
    ///
    /// Walking the blocks from the lowest score up, every positive in a block beats the negatives of
    /// all lower blocks and ties with the negatives of its own block.
    static func areaUnderCurve(blocks: [TieBlock]) -> (cell: Double?, weighted: Double?) {
        let positives = blocks.reduce(0) { $0 + $1.positiveCells }
        let negatives = blocks.reduce(0) { $0 + $1.negatives }
        let incidents = blocks.reduce(0) { $0 + $1.incidents }
        guard positives > 0, negatives > 0 else { return (nil, nil) }
        var negativesBelow = 0.0
        var cellWins = 0.0
        var weightedWins = 0.0
        for block in blocks.reversed() {
            let beaten = negativesBelow + 0.5 * Double(block.negatives)
            cellWins += Double(block.positiveCells) * beaten
            weightedWins += Double(block.incidents) * beaten
            negativesBelow += Double(block.negatives)
        }
        return (cellWins / (Double(positives) * Double(negatives)),
                weightedWins / (Double(incidents) * Double(negatives)))
    }
}
