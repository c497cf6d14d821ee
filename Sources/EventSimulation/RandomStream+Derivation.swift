// MARK: - Named, replicated streams

extension RandomStream {
    /// Creates the stream for one named source of randomness in one replication.
    ///
    /// The state is a fixed function of the three inputs only, so replications can run on any
    /// number of threads in any order and still give identical results:
    ///
    /// ```swift
    /// var arrivals = RandomStream(masterSeed: 42, replication: 0, stream: "arrivals")
    /// var repairs  = RandomStream(masterSeed: 42, replication: 0, stream: "repairs")
    /// ```
    ///
    /// Derivation (part of the reproducibility contract; changing it changes every result):
    /// 1. `a = splitmix64(masterSeed)` (first output of splitmix64 started at the seed);
    /// 2. `b = splitmix64(a XOR UInt64(bitPattern: replication))`;
    /// 3. `c = b XOR fnv1a64(UTF-8 bytes of stream)`;
    /// 4. the state is the first four outputs of splitmix64 started at `c`.
    ///
    /// Each step is a bijection of its varying input, so distinct replications of one seed
    /// (or distinct name hashes) give distinct states. The name is hashed with FNV-1a,
    /// never with Swift's `Hasher`, which is randomly seeded in every process.
    ///
    /// - Complexity: O(length of `stream`).
    public init(masterSeed: UInt64, replication: Int, stream: String) {
        var first = SplitMix64(state: masterSeed)
        let a = first.next()
        var second = SplitMix64(state: a ^ UInt64(bitPattern: Int64(replication)))
        let b = second.next()
        self.init(seed: b ^ RandomStream.fnv1a64(stream))
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text` (stable across processes,
    /// platforms and Swift versions).
    ///
    /// ```swift
    /// RandomStream.fnv1a64("")   // 0xcbf29ce484222325, the FNV offset basis
    /// RandomStream.fnv1a64("a")  // 0xaf63dc4c8601ec8c
    /// ```
    ///
    /// - Complexity: O(length of `text`).
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

// MARK: - Keyed sub-streams

extension RandomStream {
    /// The base of a named stream in one replication: what ``init(base:key:)`` derives the
    /// stream's sub-streams from (steps 1-3 of ``init(masterSeed:replication:stream:)``).
    public static func base(masterSeed: UInt64, replication: Int, stream: String) -> UInt64 {
        var first = SplitMix64(state: masterSeed)
        var second = SplitMix64(state: first.next() ^ UInt64(bitPattern: Int64(replication)))
        return second.next() ^ fnv1a64(stream)
    }

    /// Sub-stream `key` of the stream with `base`: one stream per entity (a hazard area, a claim on
    /// one of its steps), so that the entity draws the same numbers however many draws other
    /// entities made before it. That keeps common random numbers synchronised between two runs that
    /// differ in what happens in between (more teams, another order).
    ///
    /// ```swift
    /// let base = RandomStream.base(masterSeed: 1, replication: 0, stream: "productivity")
    /// var claim = RandomStream(base: base, key: 42)
    /// ```
    /// Derivation (part of the reproducibility contract): the state is that of
    /// ``init(seed:)`` at `base XOR splitmix64(key)` (first output of splitmix64 started at `key`).
    public init(base: UInt64, key: UInt64) {
        var mix = SplitMix64(state: key)
        self.init(seed: base ^ mix.next())
    }
}
