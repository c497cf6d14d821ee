import BenchWorkloads
import ClearcastDomain
import Foundation
import LinearAlgebra
import RiskModel

// MARK: - LearnedSuite

/// The numerics of learned risk surfaces (`scoring.learned`) against limits measured in the same run:
/// the logistic fit's Gram work as a rate over dgemm's, the exact distance transform over a plain
/// write-and-read of the grid, and the block bootstrap over the naive cost (one AUC pass per
/// resample and score map, measured).
enum LearnedSuite {
    static func rows(runs: Int, dgemmCeiling: (gflops: Double, name: String), progress: (String) -> Void) throws -> [SummaryRow] {
        var rows: [SummaryRow] = []
        BenchEnvironment.setBLASThreads(2)  // the fit's chunks and the bootstrap run on ParallelWork's width
        progress("learned: ridge logistic fit, 10⁶ cells × 20 features")
        let w = try LearnedRiskWorkload(rows: 1_000_000, features: 20)
        var fit = try w.fit()
        let seconds = try Stopwatch.best(of: max(1, min(runs, 3))) { fit = try w.fit() }
        let rate = w.gramFlops(iterations: fit.iterations) / seconds / 1e9
        rows.append(SummaryRow(name: "learned.glm.1e6x20", value: rate, unit: "GFLOP/s", limit: dgemmCeiling.gflops,
                               limitName: dgemmCeiling.name,
                               note: String(format: "%.2f s per fit, %d Newton iterations, solver %@; Gram FLOPs only (dsyrk on 16,384-row chunks)",
                                            seconds, fit.iterations, fit.solver.rawValue)))

        // With 20 features the Gram is a 20 × 20 rank-k update: memory-bound, not FLOP-bound. Its floor:
        // each Newton step streams the design about three times (linear predictor, scaled rows into
        // dsyrk, Xᵀ(working response)); one daxpy over a design-sized vector into a warm one streams
        // three design-sized arrays (x read, y read and written), so it stands for one step.
        let elements = w.design.elements
        var target = [Double](repeating: 1, count: elements.count)
        try BLAS.axpy(alpha: 1e-9, x: elements, y: &target)  // warm: pages touched, buffers allocated
        let stream = try Stopwatch.best(of: runs) {
            try BLAS.axpy(alpha: 1e-9, x: elements, y: &target)
            blackHoleDouble(target[target.count - 1])
        }
        rows.append(SummaryRow(name: "learned.glm.memory.1e6x20", value: seconds, unit: "s",
                               limit: Double(fit.iterations) * stream, limitName: "3 streams of the design per Newton step",
                               note: String(format: "one daxpy over the 160 MB design (3 streams): %.3f s", stream)))

        progress("learned: exact distance transform, 2000 × 2000 cells")
        let side = 2_000
        var state: UInt64 = 11
        let sources = (0..<40_000).map { _ -> Int in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % (side * side)
        }
        let transform = try Stopwatch.best(of: runs) {
            let d = try DistanceTransform.distances(rows: side, columns: side, cellSize: 100, sourceCells: sources)
            blackHoleDouble(d[d.count / 2])
        }
        // The floor: the transform passes the grid twice (columns, then rows), writing and reading each cell.
        let floor = Stopwatch.best(of: runs) {
            var a = [Double](repeating: 0, count: side * side)
            for i in a.indices { a[i] = Double(i & 1023) }
            var sum = 0.0
            for i in a.indices { sum += a[i] }
            for i in a.indices { a[i] = sum - a[i] }
            blackHoleDouble(a[a.count / 3])
        }
        rows.append(SummaryRow(name: "learned.distance.2000x2000", value: transform, unit: "s", limit: 2 * floor,
                               limitName: "two write+read passes over the grid",
                               note: "Felzenszwalb–Huttenlocher, 40,000 source cells, exact"))

        progress("learned: block bootstrap of an AUC difference, 140,000 cells, 1,000 resamples")
        let cells = 362 * 384
        let model = (0..<cells).map { i -> Double in Double((i &* 2_654_435_761) % 1_000_003) }
        let baseline = (0..<cells).map { i -> Double in Double((i &* 40_503) % 999_983) }
        let incidents = (0..<400).map { ($0 &* 7_919) % cells }
        let blocks = try BlockBootstrap.squareBlocks(rows: 384, columns: 362, size: 20)
        let boot = try Stopwatch.best(of: max(1, min(runs, 3))) {
            let r = try BlockBootstrap.compare(model: model, baselines: [("baseline", baseline)], heldOutIncidentCells: incidents,
                                               blockOfCell: blocks, replicates: 1_000, seed: 1)
            blackHoleDouble(r.rows[0].difference)
        }
        let one = try Stopwatch.best(of: runs) {
            let m = try ValidationMetrics.evaluate(label: "m", scores: model, heldOutIncidentCells: incidents)
            blackHoleDouble(m.rocAUC ?? 0)
        }
        rows.append(SummaryRow(name: "learned.bootstrap.140k.b1000", value: boot, unit: "s", limit: 2 * 1_000 * one,
                               limitName: "1,000 resamples × 2 maps × one ValidationMetrics.evaluate",
                               note: "sort once, then one weighted pass per resample"))
        return rows
    }
}
