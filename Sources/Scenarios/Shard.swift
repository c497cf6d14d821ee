/// Shard `index` of `count` (`--shard K/N`, K from 1): a contiguous block of a run's work items
/// (replications, or a sensitivity design's points), the blocks as even as whole items allow.
///
/// Contiguous blocks keep every shard's items in the order the unsharded run takes them, so the
/// merge only concatenates them; block K of N is `⌊(K−1)·total/N⌋ ..< ⌊K·total/N⌋`.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// Refuses K outside 1...N and N outside 1...100000.
    public init(index: Int, count: Int) throws {
        guard (1...100_000).contains(count) else {
            throw ShardError("a shard count from 1 to 100000, found \(count)")
        }
        guard (1...count).contains(index) else {
            throw ShardError("K from 1 to N (\(count)), found \(index)")
        }
        self.index = index
        self.count = count
    }

    /// Reads `K/N`, e.g. `3/10`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw ShardError("K/N with whole numbers, e.g. 3/10, found '\(text)'")
        }
        try self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The items of this shard among `total`.
    ///
    /// - Throws: ``ShardError`` when there are more shards than items (a shard would have nothing to do).
    public func range(of total: Int, items: String) throws -> Range<Int> {
        guard count <= total else {
            throw ShardError("at most one shard per item: \(count) shards for \(total) \(items); use --shard K/\(max(total, 1)) or fewer shards")
        }
        return Self.bounds(index, count, total)
    }

    static func bounds(_ k: Int, _ n: Int, _ total: Int) -> Range<Int> {
        // Multiplied in 128 bits' worth of care: total ≤ 10^6 and n ≤ 10^5, so the product fits an Int.
        ((k - 1) * total / n)..<(k * total / n)
    }
}

/// A `--shard` that cannot be used; the message says what was expected.
public struct ShardError: Error, CustomStringConvertible, Sendable {
    public var expected: String
    public init(_ expected: String) { self.expected = expected }
    public var description: String { "--shard: expected \(expected)" }
}
