// MARK: - RandomStream

/// A small, fast, seedable pseudo-random number generator: xoshiro256** 1.0
/// (Blackman & Vigna, 2018), seeded through splitmix64.
///
/// Every simulated quantity draws from a `RandomStream` that is derived from
/// `(master seed, replication index, stream name)` (see
/// ``init(masterSeed:replication:stream:)``), so that a replication's results depend only on
/// its inputs and never on which thread ran it or in which order replications finished.
///
/// ```swift
/// var rng = RandomStream(masterSeed: 2024, replication: 7, stream: "breakdowns")
/// let u = rng.nextDouble()                  // in [0, 1), 53 random bits
/// let k = Int.random(in: 0..<10, using: &rng)
/// ```
///
/// The output sequence for a given state is bit-for-bit identical to the reference C
/// implementation at <https://prng.di.unimi.it/xoshiro256starstar.c>.
///
/// - Complexity: O(1) per draw; the state is 32 bytes plus a cached normal deviate.
public struct RandomStream: RandomNumberGenerator, Sendable, Hashable {
    // The four words of xoshiro256** state. Never all zero (the one fixed point of the recurrence).
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Second deviate of the last polar-method pair, kept so that normal sampling costs one
    /// pair per two draws. Part of the state: copies of a stream stay in lockstep.
    @usableFromInline var spareNormal: Double?

    // MARK: Initialisation

    /// Creates a stream whose four state words are the first four outputs of splitmix64
    /// started at `seed` (the seeding recommended by the xoshiro authors).
    ///
    /// splitmix64 is a bijection of its counter, so four consecutive outputs are never all
    /// zero and every 64-bit seed gives a valid, distinct state.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        spareNormal = nil
    }

    /// Creates a stream with an explicit xoshiro256** state, e.g. to reproduce reference
    /// output. Returns `nil` for the all-zero state, which the generator can never leave.
    public init?(state: (UInt64, UInt64, UInt64, UInt64)) {
        guard state.0 | state.1 | state.2 | state.3 != 0 else { return nil }
        (s0, s1, s2, s3) = state
        spareNormal = nil
    }

    /// The current xoshiro256** state words (for diagnostics and reference tests).
    public var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

    // MARK: Drawing

    /// Returns the next 64 random bits (xoshiro256**).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// Returns a uniform deviate in [0, 1) built from the top 53 bits of ``next()``,
    /// so every representable multiple of 2⁻⁵³ in the interval is equally likely.
    @inlinable
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Returns a uniform deviate in the open interval (0, 1): the midpoint of one of the
    /// 2⁵³ cells, so `log(u)` and `1 / u` are always finite.
    @inlinable
    public mutating func nextOpenDouble() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    // MARK: Jumping

    /// Advances the state by 2¹²⁸ draws, as if ``next()`` had been called 2¹²⁸ times.
    ///
    /// Calling `jump()` k times on copies of one stream yields 2¹²⁸ non-overlapping
    /// sub-sequences. Named streams (``init(masterSeed:replication:stream:)``) are usually
    /// more convenient; `jump()` is for callers that need provably disjoint sequences.
    ///
    /// - Complexity: 256 calls of ``next()``.
    public mutating func jump() {
        let polynomial: [UInt64] = [
            0x180e_c6d3_3cfd_0aba, 0xd5a6_1266_f0c9_392c, 0xa958_2618_e03f_c9aa, 0x39ab_dc45_29b1_661c,
        ]
        var j0: UInt64 = 0, j1: UInt64 = 0, j2: UInt64 = 0, j3: UInt64 = 0
        for word in polynomial {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    j0 ^= s0
                    j1 ^= s1
                    j2 ^= s2
                    j3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = (j0, j1, j2, j3)
        spareNormal = nil
    }
}

// MARK: - Helpers

@inlinable @inline(__always)
func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 &- k))
}
