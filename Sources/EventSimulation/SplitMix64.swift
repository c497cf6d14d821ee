// MARK: - SplitMix64

/// The splitmix64 generator (Steele, Lea & Flood, 2014; reference code by Vigna),
/// used here to expand seeds into ``RandomStream`` states and to mix seed material.
///
/// Each output is a strong 64-bit mix (a bijection) of a counter advanced by the golden
/// ratio constant, so nearby seeds give unrelated outputs.
///
/// ```swift
/// var mixer = SplitMix64(state: 0)
/// mixer.next()   // 0xe220a8397b1dcdaf, as in the reference C code
/// ```
///
/// - Complexity: O(1) per draw.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The counter; advanced by 0x9e3779b97f4a7c15 on every draw.
    public var state: UInt64

    /// Creates a generator whose first draw mixes `state + 0x9e3779b97f4a7c15`.
    public init(state: UInt64) {
        self.state = state
    }

    /// The same as `init(state:)`: a seed is the starting counter (the usual spelling in tests).
    public init(seed: UInt64) {
        self.init(state: seed)
    }

    /// Returns the next 64-bit output.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return SplitMix64.mix(state)
    }

    /// The splitmix64 output function (a bijection on 64-bit words).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
