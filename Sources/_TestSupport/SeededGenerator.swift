import EventSimulation

// MARK: - SeededGenerator

/// The random number generator of every test that draws random inputs: EventSimulation's
/// ``SplitMix64``, wrapped so that tests need only `import _TestSupport` (members of a module are
/// visible only where it is imported). A fixed seed gives the same inputs on every run and every
/// platform, so a failure found once is found again.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let x = Double.random(in: -1...1, using: &rng)   // the same x on every run
/// ```
///
/// It draws exactly what `SplitMix64(seed:)` draws; `init(seed:)` and `init(state:)` are the same
/// (the seed is the starting counter).
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    /// The generator that draws.
    public var base: SplitMix64

    /// A generator whose draws are those of `SplitMix64(seed: seed)`.
    public init(seed: UInt64) {
        base = SplitMix64(seed: seed)
    }

    /// The same as ``init(seed:)``.
    public init(state: UInt64) {
        self.init(seed: state)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        base.next()
    }
}
