import Scenarios
import Testing

/// `--shard K/N` blocks: contiguous, in order, covering every item once, sizes within one of each
/// other (checked against a naive assignment of items to shards).
@Suite("Shard blocks")
struct ShardTests {
    @Test func blocksPartitionTheItems() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let total = Int.random(in: 1...5_000, using: &generator)
            let n = Int.random(in: 1...min(total, 300), using: &generator)
            let ranges = try (1...n).map { try Shard(index: $0, count: n).range(of: total, items: "replications") }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == total)
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
            let sizes = ranges.map(\.count)
            #expect(sizes.max()! - sizes.min()! <= 1 && sizes.min()! >= 1)
            // Naive reference: item i belongs to the shard k with ⌊(k−1)·total/N⌋ ≤ i < ⌊k·total/N⌋.
            let i = Int.random(in: 0..<total, using: &generator)
            let k = (1...n).first { (($0 - 1) * total / n) <= i && i < ($0 * total / n) }!
            #expect(ranges[k - 1].contains(i))
        }
    }

    @Test func parsingAndLimits() throws {
        #expect(try Shard(parsing: "3/10") == Shard(index: 3, count: 10))
        #expect(try Shard(parsing: "1/1").range(of: 7, items: "x") == 0..<7)
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/3", "1/3/4", ""] {
            #expect(throws: ShardError.self, "\(bad)") { try Shard(parsing: bad) }
        }
        let error = #expect(throws: ShardError.self) { try Shard(index: 2, count: 8).range(of: 6, items: "replications") }
        #expect(error?.description.contains("8 shards for 6 replications") == true)
    }
}
