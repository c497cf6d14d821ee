// MARK: - SplitMix64

/// SplitMix64 (Steele, Lea & Flood 2014), RiskModel's one small generator (the fold shuffle of
/// spatial cross-validation and the block bootstrap): RiskModel sits below EventSimulation's random
/// streams and must not import them. The bootstrap takes one generator per replicate, seeded from
/// (seed, replicate index), so a replicate draws the same blocks whichever thread runs it.
///
/// ```swift
/// var g = SplitMix64(seed: 7, stream: 3)
/// g.index(below: 10)   // the same value on every run and platform
/// var folds = SplitMix64(state: 42)   // the plain sequence from state 42 (EventSimulation's too)
/// ```
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// The plain SplitMix64 sequence that starts from `state`.
    init(state: UInt64) {
        self.state = state
    }

    /// The generator of stream `stream` (e.g. the replicate index) under `seed`.
    init(seed: UInt64, stream: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform index in `0 ..< bound` by Lemire's multiply-high (bias below bound / 2⁶⁴, far under
    /// what any bootstrap could see), written out so the draws never depend on the standard library's
    /// choice of algorithm. `bound` must be > 0.
    mutating func index(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// SplitMix64's finaliser (a bijection of 64-bit words with good avalanche).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
