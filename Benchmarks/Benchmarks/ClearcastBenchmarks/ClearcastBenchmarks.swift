import Benchmark
import BenchWorkloads
import EventSimulation
import Foundation

// The ordo-one/benchmark harness view of the suite: one benchmark per workload and size, with the
// harness's wall-clock, malloc and peak-memory metrics. The ratios to limits are in BenchSummary
// (`make bench`); this target is for per-benchmark distributions, baselines and regression checks
// (`swift package benchmark`). Names use no spaces or slashes.

let benchmarks: @Sendable () -> Void = {
    let sizes = (ProcessInfo.processInfo.environment["CLEARCAST_BENCH_SIZES"] ?? "1000")
        .split(separator: ",").compactMap { Int($0) }
    let memory: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResidentDelta]
    Benchmark.defaultConfiguration = .init(metrics: memory, timeUnits: .milliseconds, warmupIterations: 1,
                                           scalingFactor: .one, maxDuration: .seconds(20), maxIterations: 5)

    // MARK: 1. dgemm ceiling, 1 and 2 threads
    for threads in [1, 2] {
        for n in sizes + [2_000] where n <= 4_000 {
            Benchmark("dgemm.\(n).t\(threads)",
                      configuration: .init(metrics: [.wallClock, .cpuTotal], maxIterations: n >= 4_000 ? 2 : 5)) { benchmark, workload in
                BenchEnvironment.setBLASThreads(threads)
                benchmark.startMeasurement()
                blackHole(try workload.run())
            } setup: {
                DGEMMWorkload(size: n)
            }
        }
    }

    // MARK: 2. Risk scoring
    for n in sizes {
        for incidents in [10_000, 100_000] {
            Benchmark("risk.score.\(n)x\(n).i\(incidents)",
                      configuration: .init(maxIterations: n >= 4_000 ? 2 : 5)) { benchmark, workload in
                BenchEnvironment.setBLASThreads(2)
                benchmark.startMeasurement()
                blackHole(try workload.run().ranking.count)
            } setup: {
                try RiskScoringWorkload(inputs: SyntheticInputs(size: n, incidents: incidents, settlements: 1_000,
                                                                hazards: 10_000, seed: 7))
            }
        }
    }

    // MARK: 3. AHP and ranking
    Benchmark("ranking.ahp.h10000") { benchmark, workload in
        blackHole(try workload.run())
    } setup: {
        try RankingWorkload(inputs: SyntheticInputs(size: 1_000, incidents: 0, settlements: 0, hazards: 10_000, seed: 7))
    }

    // MARK: 4. Event kernel: 10^6 events, 10^4 live (events/s = 10^6 / wall clock; mallocs per event = count / 10^6)
    Benchmark("events.hold.n1000000.live10000",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
                                   maxIterations: 10)) { benchmark in
        let w = EventKernelWorkload(events: 1_000_000, liveEvents: 10_000)
        var (queue, rng) = try w.makeQueue()
        benchmark.startMeasurement()
        blackHole(try w.run(queue: &queue, rng: &rng))
        benchmark.stopMeasurement()
    }
}
