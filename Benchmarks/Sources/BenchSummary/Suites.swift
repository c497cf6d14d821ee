import BenchWorkloads
import EventSimulation
import Foundation
import MallocInterposerSwift
import RiskModel

// MARK: - Suites

/// The measurements behind the summary table. Each returns rows whose ratios use limits measured
/// earlier in the same run (``Suites/dgemmCeiling``), so a slow or busy machine shows up in both.
struct Suites {
    /// Best dgemm GFLOP/s per thread count, filled by ``dgemm(sizes:threads:runs:)``.
    var dgemmCeiling: [Int: (gflops: Double, name: String)] = [:]
    /// Repetitions per timing (the minimum is reported).
    var runs: Int
    /// Progress goes to standard error, the table to standard output.
    func progress(_ text: String) { FileHandle.standardError.write(Data("… \(text)\n".utf8)) }

    // MARK: 1. dgemm

    mutating func dgemm(sizes: [Int], threads: [Int]) throws -> [SummaryRow] {
        var rows: [SummaryRow] = []
        for t in threads {
            BenchEnvironment.setBLASThreads(t)
            for n in sizes {
                progress("dgemm \(n) on \(t) thread(s)")
                let w = DGEMMWorkload(size: n)
                try w.run()  // warm-up: thread pool start, page faults
                let seconds = try Stopwatch.best(of: n >= 4_000 ? min(runs, 2) : runs) { try w.run() }
                let gflops = w.flops / seconds / 1e9
                if gflops > dgemmCeiling[t]?.gflops ?? 0 { dgemmCeiling[t] = (gflops, "dgemm.\(n).t\(t)") }
                rows.append(SummaryRow(name: "dgemm.\(n).t\(t)", value: gflops, unit: "GFLOP/s",
                                       note: String(format: "%.3f s per product", seconds)))
            }
        }
        // Scaling ratio 1 -> 2 threads is a figure of its own.
        if let one = dgemmCeiling[1], let two = dgemmCeiling[2] {
            rows.append(SummaryRow(name: "dgemm.scaling.t1-t2", value: two.gflops, unit: "GFLOP/s",
                                   limit: one.gflops, limitName: one.name, target: .atLeast(1.8)))
        }
        return rows
    }

    // MARK: 2. Risk scoring

    func risk(sizes: [Int], incidentCounts: [Int], threads: Int) throws -> [SummaryRow] {
        BenchEnvironment.setBLASThreads(threads)
        var rows: [SummaryRow] = []
        for n in sizes {
            for count in incidentCounts {
                let tag = "\(n)x\(n).i\(count)"
                // On a shared machine the available speed drifts within minutes, so each product rate is
                // divided by a dgemm ceiling measured right before it (the best of it and the suite's).
                let adjacent = try adjacentCeiling(threads: threads)
                let ceiling = adjacent.gflops >= (dgemmCeiling[threads]?.gflops ?? 0) || dgemmCeiling[threads] == nil
                    ? adjacent : dgemmCeiling[threads]!
                progress("risk score \(tag) on \(threads) thread(s)")
                let inputs = try SyntheticInputs(size: n, incidents: count, settlements: 1_000, hazards: 10_000, seed: 7)
                let w = try RiskScoringWorkload(inputs: inputs)
                // Warm-up first: OpenBLAS allocates its buffer pool once per process, and that
                // one-time cost would otherwise land on whichever size happens to run first.
                _ = try w.run()
                let repeats = max(1, n >= 4_000 ? min(runs, 2) : runs)
                var whole = Double.infinity
                var peak: Int?
                var assessment: PriorityAssessment?
                for i in 0..<repeats {
                    assessment = nil  // let the previous result go before measuring again
                    let seconds = try Stopwatch.time {
                        if i == 0 {
                            let measured = try PeakMemory.measure { try w.run() }
                            peak = measured.peakBytes
                            assessment = measured.result
                        } else {
                            assessment = try w.run()
                        }
                    }
                    whole = min(whole, seconds)
                }
                // The products alone are cheap (under a second at 4000²): best of all `runs`, like the smoothing.
                let products = try (0..<max(1, runs)).map { _ in try w.runProducts() }.min { $0.seconds < $1.seconds }!
                let smoothing = try (0..<max(1, runs)).map { _ in try w.runSmoothing() }.min { $0.seconds < $1.seconds }!
                // Best of `repeats` like the whole score: a single run of it once measured 1.3 s beside a
                // whole score of 1.35 s, because its fresh pages happened to be slow at that moment.
                let composite = try assessment.map { a in try (0..<repeats).map { _ in try w.runComposite(of: a) }.min()! } ?? .nan
                let productRate = products.flops / products.seconds / 1e9
                rows.append(SummaryRow(name: "risk.score.\(tag)", value: whole, unit: "s",
                                       limit: products.seconds, limitName: "its products", target: .below(1.5),
                                       note: String(format: "PriorityScorer.assess; products alone %.3f s, normalisation + composite alone %.3f s",
                                                    products.seconds, composite)))
                rows.append(SummaryRow(name: "risk.products.\(tag)", value: productRate, unit: "GFLOP/s",
                                       limit: ceiling.gflops, limitName: ceiling.name, target: .atLeast(0.7),
                                       note: "density surface + return pressure surface, as the layers report FLOPs"))
                // No target of its own: the first product multiplies only the incidents (memory-bound,
                // few FLOPs), so this rate is the second product's dgemms diluted by it. Its target is
                // the speed ratio to scipy (`make peers`); the products row carries the dgemm target.
                rows.append(SummaryRow(name: "risk.smoothing.\(tag)", value: smoothing.flops / smoothing.seconds / 1e9,
                                       unit: "GFLOP/s", limit: ceiling.gflops, limitName: ceiling.name,
                                       target: nil,
                                       note: String(format: "banded density products only: %.3f s, %.1f GFLOP (sparse first product)",
                                                    smoothing.seconds, smoothing.flops / 1e9)))
                if let peak {
                    rows.append(SummaryRow(name: "risk.peakMemory.\(tag)", value: Double(peak), unit: "bytes",
                                           limit: w.layerBytes, limitName: "4 layers x 8 B x cells",
                                           target: .below(3), note: "VmHWM growth over one PriorityScorer.assess (its result kept) after a warm-up; OpenBLAS buffer pool excluded"))
                }
            }
        }
        return rows
    }

    /// dgemm 2000 on `threads` threads, best of `runs`, measured now.
    func adjacentCeiling(threads: Int) throws -> (gflops: Double, name: String) {
        let w = DGEMMWorkload(size: 2_000)
        try w.run()
        let seconds = try Stopwatch.best(of: runs) { try w.run() }
        return (w.flops / seconds / 1e9, "dgemm.2000.t\(threads) adjacent")
    }

    // MARK: 3. AHP and ranking

    func ranking(hazards: Int) throws -> [SummaryRow] {
        progress("AHP + ranking of \(hazards) hazard areas")
        let inputs = try SyntheticInputs(size: 1_000, incidents: 0, settlements: 0, hazards: hazards, seed: 7)
        let w = try RankingWorkload(inputs: inputs)
        _ = try w.run()
        let seconds = try Stopwatch.best(of: runs) { _ = try w.run() }
        let gather = Stopwatch.best(of: runs) { blackHoleDouble(w.runGather()) }
        return [SummaryRow(name: "ranking.ahp.h\(hazards)", value: seconds, unit: "s", limit: gather,
                           limitName: "gather of footprint cells",
                           note: String(format: "%.0f hazard areas/s", Double(hazards) / seconds))]
    }

    // MARK: 4. Event kernel

    func events(count: Int, live: Int) throws -> [SummaryRow] {
        progress("event kernel: \(count) events, \(live) live")
        BenchEnvironment.setBLASThreads(1)  // the kernel is single-threaded; record that
        let w = EventKernelWorkload(events: count, liveEvents: live)
        var best = Double.infinity
        var allocations: Int?
        for i in 0..<max(2, runs) {
            var (queue, rng) = try w.makeQueue(seed: UInt64(i + 1))
            MallocInterposerSwift.reset()
            MallocInterposerSwift.hook()
            var checksum = 0
            let seconds = try Stopwatch.time { checksum = try w.run(queue: &queue, rng: &rng) }
            MallocInterposerSwift.unhook()
            blackHoleDouble(Double(checksum))
            best = min(best, seconds)
            allocations = MallocInterposerSwift.getStatistics().mallocCount
        }
        var rows = [SummaryRow(name: "events.rate.n\(count).live\(live)", value: Double(count) / best,
                               unit: "events/s", limit: 1e7, limitName: "target 1e7 events/s",
                               target: .atLeast(1))]
        if let allocations, Self.interposerCounts() {
            rows.append(SummaryRow(name: "events.allocations.n\(count).live\(live)",
                                   value: Double(allocations) / Double(count), unit: "mallocs/event",
                                   note: "malloc-interposer counters"))
        }
        return rows
    }

    /// True when the malloc interposer really sees allocations (it does only when loaded before main).
    static func interposerCounts() -> Bool {
        MallocInterposerSwift.reset()
        MallocInterposerSwift.hook()
        // A Swift array of run-time size: LLVM may delete a plain malloc/free pair, never this.
        let probe = [Double](repeating: 1, count: 1 + CommandLine.arguments.count)
        blackHoleDouble(probe.reduce(0, +))
        MallocInterposerSwift.unhook()
        return MallocInterposerSwift.getStatistics().mallocCount > 0
    }
}
