import _TestSupport
import Foundation
import Testing
@testable import EventSimulation

@Suite("RandomStream")
struct RandomStreamTests {
    // MARK: Reference outputs

    /// First outputs of the reference C implementation (xoshiro256starstar.c, Blackman & Vigna)
    /// for the state {1, 2, 3, 4}, obtained by compiling that code with gcc 12 and printing
    /// `next()` eight times.
    @Test func matchesReferenceImplementation() throws {
        var rng = try #require(RandomStream(state: (1, 2, 3, 4)))
        let expected: [UInt64] = [
            0x0000_0000_0000_2d00, 0x0000_0000_0000_0000, 0x0000_0000_5a00_7080, 0x10e0_0000_0000_9d80,
            0x10e0_b61c_e100_9d80, 0x0870_021c_e143_ad00, 0xe071_c3c2_e143_f089, 0x75a1_690e_f7a2_0380,
        ]
        #expect((0..<8).map { _ in rng.next() } == expected)
    }

    /// The reference `jump()` applied to the state {1, 2, 3, 4} (same C program).
    @Test func jumpMatchesReferenceImplementation() throws {
        var rng = try #require(RandomStream(state: (1, 2, 3, 4)))
        rng.jump()
        let state = rng.state
        #expect(state.0 == 0x8c7a_1539_56b5_f3d1)
        #expect(state.1 == 0x701f_1a71_3401_d85e)
        #expect(state.2 == 0x6527_f66a_6546_9085)
        #expect(state.3 == 0x8386_b786_c440_8050)
        #expect(rng.next() == 0xbbd2_f312_2984_43d8)
    }

    /// splitmix64 from 0 (reference splitmix64.c) and seeding through it (seed 42).
    @Test func splitMixSeeding() {
        var mixer = SplitMix64(state: 0)
        #expect((0..<4).map { _ in mixer.next() }
            == [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f, 0xf88b_b8a8_724c_81ec])
        var rng = RandomStream(seed: 42)
        #expect((0..<4).map { _ in rng.next() }
            == [0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1, 0xecb8_ad47_03b3_60a1])
    }

    /// Published FNV-1a 64 test vectors (Fowler/Noll/Vo reference test suite).
    @Test func fnv1aTestVectors() {
        #expect(RandomStream.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(RandomStream.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(RandomStream.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func allZeroStateIsRejected() {
        #expect(RandomStream(state: (0, 0, 0, 0)) == nil)
    }

    // MARK: Reproducibility and independence

    @Test func sameInputsGiveSameSequence() {
        var a = RandomStream(masterSeed: 99, replication: 3, stream: "team-breakdowns")
        var b = RandomStream(masterSeed: 99, replication: 3, stream: "team-breakdowns")
        for _ in 0..<1000 { #expect(a.next() == b.next()) }
        // Sampling through distributions (including the cached normal) stays in lockstep too.
        let normal = Distribution.normal(mean: 0, sd: 1)
        for _ in 0..<101 { #expect(normal.sample(using: &a) == normal.sample(using: &b)) }
    }

    @Test func derivationIsPinned() {
        // Pins the documented derivation so that an accidental change (which would change
        // every simulation result) is caught: recompute it by hand from the primitives.
        var first = SplitMix64(state: 7)
        var second = SplitMix64(state: first.next() ^ UInt64(bitPattern: 5))
        let seed = second.next() ^ RandomStream.fnv1a64("survey")
        #expect(RandomStream(masterSeed: 7, replication: 5, stream: "survey") == RandomStream(seed: seed))
    }

    @Test func distinctInputsGiveDistinctStreams() {
        let base = RandomStream(masterSeed: 1, replication: 0, stream: "a")
        let variants = [
            RandomStream(masterSeed: 2, replication: 0, stream: "a"),
            RandomStream(masterSeed: 1, replication: 1, stream: "a"),
            RandomStream(masterSeed: 1, replication: -1, stream: "a"),
            RandomStream(masterSeed: 1, replication: 0, stream: "b"),
            RandomStream(masterSeed: 1, replication: 0, stream: "a "),
        ]
        for variant in variants { #expect(variant != base) }
    }

    @Test(arguments: [
        ("arrivals", 0, "arrivals", 1),
        ("arrivals", 0, "repairs", 0),
        ("x", 17, "y", 17),
        ("stream", 0, "streamA", 0),
    ])
    func streamsAreUncorrelated(nameA: String, repA: Int, nameB: String, repB: Int) {
        let n = 100_000
        var a = RandomStream(masterSeed: 2024, replication: repA, stream: nameA)
        var b = RandomStream(masterSeed: 2024, replication: repB, stream: nameB)
        let x = (0..<n).map { _ in a.nextDouble() }
        let y = (0..<n).map { _ in b.nextDouble() }
        // Under independence the sample correlation has sd 1/sqrt(n).
        #expect(abs(correlation(x, y)) < 4 / Double(n).squareRoot())
        // Lag-1 autocorrelation within a stream, same bound.
        #expect(abs(correlation(Array(x.dropLast()), Array(x.dropFirst()))) < 4 / Double(n).squareRoot())
    }

    /// A small event-driven replication whose result depends on every draw.
    private static func replicate(seed: UInt64, replication: Int) -> Double {
        var arrivals = RandomStream(masterSeed: seed, replication: replication, stream: "arrivals")
        var service = RandomStream(masterSeed: seed, replication: replication, stream: "service")
        var queue = EventQueue<Bool>()
        _ = try? queue.schedule(true, at: 0)
        var busyUntil = 0.0, totalWait = 0.0
        queue.run(until: 200) { queue, time, isArrival in
            guard isArrival else { return }
            let start = max(time, busyUntil)
            totalWait += start - time
            busyUntil = start + Distribution.gamma(shape: 2, scale: 0.4).sample(using: &service)
            _ = try? queue.schedule(true, after: Distribution.exponential(mean: 1).sample(using: &arrivals))
        }
        return totalWait
    }

    @Test func replicationsAreIndependentOfThreadScheduling() async {
        let sequential = (0..<16).map { Self.replicate(seed: 5, replication: $0) }
        let concurrent = await withTaskGroup(of: (Int, Double).self) { group in
            for replication in (0..<16).reversed() {
                group.addTask { (replication, Self.replicate(seed: 5, replication: replication)) }
            }
            var results = [Double](repeating: .nan, count: 16)
            for await (replication, value) in group { results[replication] = value }
            return results
        }
        #expect(concurrent == sequential)
        #expect(Set(sequential).count == 16)  // replications really differ
    }

    // MARK: Uniform deviates

    @Test func nextDoubleIsUniformOnUnitInterval() {
        let n = 100_000
        var rng = RandomStream(seed: 5)
        let u = (0..<n).map { _ in rng.nextDouble() }
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        let (mean, variance) = naiveMoments(u)
        #expect(abs(mean - 0.5) < Tolerance.mean(variance: 1.0 / 12, n: n))
        #expect(abs(variance - 1.0 / 12) < Tolerance.variance(variance: 1.0 / 12, excessKurtosis: -1.2, n: n))
        #expect(ksDistance(u, cdf: { $0 }) < ksCritical(n: n))
    }

    @Test func nextDoubleUsesTop53Bits() throws {
        // State {1,2,3,4}: outputs 0x2d00 (>> 11 = 5), 0, 0x5a00_7080, 0x10e0_0000_0000_9d80, …
        var rng = try #require(RandomStream(state: (1, 2, 3, 4)))
        #expect(rng.nextDouble() == 5 * 0x1.0p-53)
        #expect(rng.nextDouble() == 0)
        #expect(rng.nextDouble() == Double(0x5a00_7080 >> 11) * 0x1.0p-53)
        #expect(rng.nextOpenDouble() == (Double(0x10e0_0000_0000_9d80 >> 11) + 0.5) * 0x1.0p-53)
        var high = try #require(RandomStream(state: (1, 2, 3, 4)))
        for _ in 0..<6 { _ = high.next() }
        // 0xe071c3c2e143f089 has its top bit set: the deviate is ≥ 0.5 and < 1.
        let value = high.nextDouble()
        #expect(value >= 0.5 && value < 1)
    }

    @Test func integerRangesViaStandardLibrary() {
        var rng = RandomStream(seed: 11)
        var counts = [Int](repeating: 0, count: 6)
        let n = 60_000
        for _ in 0..<n { counts[Int.random(in: 0..<6, using: &rng)] += 1 }
        let tolerance = Tolerance.proportion(p: 1.0 / 6, n: n)
        for count in counts { #expect(abs(Double(count) / Double(n) - 1.0 / 6) < tolerance) }
    }
}
