import Testing
@testable import EventSimulation

/// The obvious implementation: an array kept sorted by (time, sequence), cancellation by
/// linear search. Slow but evidently correct.
private struct ReferenceQueue {
    struct Item { let time: Double; let sequence: Int; let event: Int }
    var items: [Item] = []
    var now = 0.0
    var nextSequence = 0

    mutating func schedule(_ event: Int, at time: Double) -> Int {
        let item = Item(time: time, sequence: nextSequence, event: event)
        nextSequence += 1
        let index = items.firstIndex { ($0.time, $0.sequence) > (time, item.sequence) } ?? items.count
        items.insert(item, at: index)
        return item.sequence
    }

    mutating func cancel(_ sequence: Int) -> Bool {
        guard let index = items.firstIndex(where: { $0.sequence == sequence }) else { return false }
        items.remove(at: index)
        return true
    }

    mutating func popNext() -> (time: Double, event: Int)? {
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        now = item.time
        return (item.time, item.event)
    }
}

@Suite("EventQueue against a reference model")
struct EventQueuePropertyTests {
    /// Random interleavings of schedule / cancel / pop, with many exact ties (delays on a
    /// coarse grid), bursts of cancellation (to trigger compaction) and cancels of stale
    /// handles. Every observable must agree with the reference after every operation.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func matchesReferenceModel(seed: UInt64) throws {
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "queue-property")
        var queue = EventQueue<Int>()
        var reference = ReferenceQueue()
        var handles: [(handle: EventHandle, sequence: Int)] = []
        var nextEvent = 0
        for step in 0..<4_000 {
            // Phases shift the mix so the queue grows, churns and drains.
            let phase = (step / 500) % 4
            let (scheduleWeight, cancelWeight) = [(0.7, 0.1), (0.4, 0.4), (0.3, 0.1), (0.45, 0.1)][phase]
            let roll = rng.nextDouble()
            if roll < scheduleWeight {
                let delay = rng.nextDouble() < 0.5 ? Double(Int.random(in: 0..<4, using: &rng)) : rng.nextDouble() * 5
                let time = queue.now + delay
                let handle = try queue.schedule(nextEvent, at: time)
                let sequence = reference.schedule(nextEvent, at: time)
                #expect(handle.sequence == UInt64(sequence))
                handles.append((handle, sequence))
                nextEvent += 1
            } else if roll < scheduleWeight + cancelWeight, !handles.isEmpty {
                let pick = handles[Int.random(in: 0..<handles.count, using: &rng)]
                let cancelled = queue.cancel(pick.handle)
                #expect(cancelled == reference.cancel(pick.sequence))
            } else {
                let actual = queue.popNext()
                let expected = reference.popNext()
                #expect(actual?.time == expected?.time && actual?.event == expected?.event, "step \(step)")
            }
            #expect(queue.count == reference.items.count)
            #expect(queue.peekTime == reference.items.first?.time)
            #expect(queue.now == reference.now)
            #expect(queue.heap.count - queue.count <= max(32, queue.count) + 1)  // stale entries bounded
        }
        while let expected = reference.popNext() {
            let actual = queue.popNext()
            #expect(actual?.time == expected.time && actual?.event == expected.event)
        }
        let none = queue.popNext()
        #expect(queue.isEmpty && none == nil)
    }
}
