@testable import ClearanceModel
import EventSimulation
import Testing

/// The two-level bitset against a plain `Set<Int>` under random inserts and removals.
@Test func taskBitsetMatchesNaiveSet() {
    var rng = RandomStream(masterSeed: 5, replication: 0, stream: "bitset")
    for size in [1, 63, 64, 65, 4_097, 5_000] {
        var bits = TaskBitset(count: size), mask = TaskBitset(count: size)
        var set = Set<Int>(), maskSet = Set<Int>()
        for i in 0..<size where rng.nextDouble() < 0.5 {
            mask.insert(i)
            maskSet.insert(i)
        }
        for _ in 0..<3_000 {
            let i = Int(rng.nextDouble() * Double(size))
            if rng.nextDouble() < 0.55 {
                bits.insert(i)
                set.insert(i)
            } else {
                bits.remove(i)
                set.remove(i)
            }
            let start = Int(rng.nextDouble() * Double(size))
            #expect(bits.first(from: start) == set.filter { $0 >= start }.min())
            #expect(bits.first(and: mask) == set.intersection(maskSet).min())
            #expect(bits.contains(i) == set.contains(i))
        }
        var visited: [Int] = []
        bits.forEach(and: mask) { visited.append($0) }
        #expect(visited == set.intersection(maskSet).sorted())
        #expect(bits.isEmpty == set.isEmpty)
    }
}
