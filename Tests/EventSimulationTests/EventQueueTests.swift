import Testing
@testable import EventSimulation

@Suite("EventQueue")
struct EventQueueTests {
    // MARK: Ordering

    @Test func popsInTimeOrderWithFIFOTies() throws {
        var queue = EventQueue<String>()
        try queue.schedule("c1", at: 3)
        try queue.schedule("a", at: 1)
        try queue.schedule("c2", at: 3)
        try queue.schedule("b", at: 2)
        try queue.schedule("c3", at: 3)
        try queue.schedule("z", at: 0)
        var order: [String] = []
        var times: [Double] = []
        while let (time, event) = queue.popNext() {
            order.append(event)
            times.append(time)
            #expect(queue.now == time)
        }
        #expect(order == ["z", "a", "b", "c1", "c2", "c3"])
        #expect(times == [0, 1, 2, 3, 3, 3])
        #expect(queue.eventsProcessed == 6)
        let none = queue.popNext()
        #expect(none == nil)
        #expect(queue.now == 3)  // popping an empty queue leaves the clock alone
    }

    @Test func manySimultaneousEventsStayFIFO() throws {
        // Many ties across several heap levels, interleaved with other times.
        var queue = EventQueue<Int>()
        for index in 0..<500 { try queue.schedule(index, at: Double(index % 3)) }
        var popped: [Int] = []
        while let (_, event) = queue.popNext() { popped.append(event) }
        let expected = (0..<500).filter { $0 % 3 == 0 } + (0..<500).filter { $0 % 3 == 1 }
            + (0..<500).filter { $0 % 3 == 2 }
        #expect(popped == expected)
    }

    @Test func scheduleAfterIsRelativeToTheClock() throws {
        var queue = EventQueue<Int>(start: 10)
        try queue.schedule(1, after: 2.5)
        #expect(queue.peekTime == 12.5)
        _ = queue.popNext()
        try queue.schedule(2, after: 0)  // zero delay: same time, after anything already there
        let popped = queue.popNext()
        #expect(popped?.time == 12.5 && popped?.event == 2)
    }

    // MARK: Errors

    @Test func schedulingInThePastOrAtNonFiniteTimesThrows() throws {
        var queue = EventQueue<Int>()
        try queue.schedule(0, at: 5)
        _ = queue.popNext()
        #expect(throws: SchedulingError.timeInPast(time: 4.999, now: 5)) { try queue.schedule(1, at: 4.999) }
        #expect(throws: SchedulingError.negativeDelay(-1)) { try queue.schedule(1, after: -1) }
        #expect(throws: SchedulingError.nonFiniteTime(.infinity)) { try queue.schedule(1, at: .infinity) }
        #expect(throws: SchedulingError.nonFiniteTime(.infinity)) { try queue.schedule(1, after: .infinity) }
        #expect(throws: SchedulingError.self) { try queue.schedule(1, at: .nan) }
        #expect(queue.isEmpty && queue.count == 0)
        #expect(SchedulingError.timeInPast(time: 4, now: 5).description
            == "cannot schedule an event at time 4.0: the clock is already at 5.0")
    }

    // MARK: Cancellation

    @Test func cancelRemovesExactlyTheRightEvent() throws {
        var queue = EventQueue<String>()
        let a = try queue.schedule("a", at: 1)
        let b = try queue.schedule("b", at: 1)
        let c = try queue.schedule("c", at: 1)
        let cancelled = queue.cancel(b)
        let cancelledAgain = queue.cancel(b)  // second cancel is a no-op
        #expect(cancelled && !cancelledAgain)
        #expect(queue.count == 2 && !queue.isPending(b) && queue.isPending(a) && queue.isPending(c))
        // The freed slot is reused; the stale handle must not cancel the new occupant.
        let d = try queue.schedule("d", at: 0.5)
        #expect(d.slot == b.slot)
        let staleCancel = queue.cancel(b)
        #expect(!staleCancel)
        #expect(queue.count == 3)
        var popped: [String] = []
        while let (_, event) = queue.popNext() { popped.append(event) }
        #expect(popped == ["d", "a", "c"])
        let lateCancel = queue.cancel(a)  // already ran
        #expect(!lateCancel)
    }

    @Test func cancellingTheNextEventUpdatesPeekTime() throws {
        var queue = EventQueue<Int>()
        let first = try queue.schedule(1, at: 1)
        try queue.schedule(2, at: 2)
        #expect(queue.peekTime == 1)
        queue.cancel(first)
        #expect(queue.peekTime == 2)
        let popped = queue.popNext()
        #expect(popped?.time == 2 && popped?.event == 2)
        #expect(queue.peekTime == nil && queue.isEmpty)
    }

    @Test func heavyCancellationCompactsWithoutChangingOrder() throws {
        var queue = EventQueue<Int>()
        var handles: [EventHandle] = []
        for index in 0..<1000 { handles.append(try queue.schedule(index, at: Double(1000 - index % 37))) }
        for index in stride(from: 0, to: 1000, by: 1) where index % 10 != 0 { queue.cancel(handles[index]) }
        #expect(queue.count == 100)
        #expect(queue.heap.count < 2 * 100 + 40)  // compaction ran: stale ≤ live (+ threshold)
        var popped: [Int] = []
        while let (_, event) = queue.popNext() { popped.append(event) }
        let expected = (0..<100).map { $0 * 10 }.sorted { (1000 - $0 % 37, $0) < (1000 - $1 % 37, $1) }
        #expect(popped == expected)
    }

    @Test func removeAllEmptiesButKeepsClock() throws {
        var queue = EventQueue<Int>()
        let handle = try queue.schedule(1, at: 3)
        try queue.schedule(2, at: 4)
        _ = queue.popNext()
        queue.removeAll()
        #expect(queue.isEmpty && queue.now == 3 && !queue.isPending(handle))
        try queue.schedule(5, at: 3.5)
        let popped = queue.popNext()
        #expect(popped?.time == 3.5 && popped?.event == 5)
    }

    // MARK: Running

    @Test func runUntilStopsAtTheTimeAndKeepsLaterEvents() throws {
        var queue = EventQueue<Int>()
        for time in [1.0, 2, 3, 4, 5] { try queue.schedule(Int(time), at: time) }
        var seen: [Int] = []
        queue.run(until: 3) { queue, _, event in
            seen.append(event)
            if event == 1 { _ = try? queue.schedule(10, at: 2.5) }  // handled in this run
            if event == 2 { _ = try? queue.schedule(20, at: 3.5) }  // after the horizon: kept
        }
        #expect(seen == [1, 2, 10, 3])
        #expect(queue.now == 3)
        #expect(queue.count == 3 && queue.peekTime == 3.5)
        queue.run(until: 3.2) { _, _, _ in Issue.record("no event is due before 3.2") }
        #expect(queue.now == 3.2)  // clock advanced to the horizon
        queue.run(until: 1) { _, _, _ in Issue.record("running to the past handles nothing") }
        #expect(queue.now == 3.2)  // and never goes back
    }

    @Test func runWhileAndUntilEmpty() throws {
        var queue = EventQueue<Int>()
        for index in 0..<10 { try queue.schedule(index, at: Double(index)) }
        var total = 0
        queue.run(while: { _ in total < 10 }) { _, _, event in total += event }
        #expect(total == 10 && queue.eventsProcessed == 5)  // 0+1+2+3+4
        var rest: [Int] = []
        queue.runUntilEmpty { _, _, event in rest.append(event) }
        #expect(rest == [5, 6, 7, 8, 9] && queue.isEmpty && queue.now == 9)
    }

    @Test func runWhileConditionSeesTheQueue() throws {
        var queue = EventQueue<Int>()
        for index in 0..<10 { try queue.schedule(index, at: Double(index) * 0.5) }
        var seen: [Int] = []
        queue.run(while: { ($0.peekTime ?? .infinity) < 2 }) { _, _, event in seen.append(event) }
        #expect(seen == [0, 1, 2, 3] && queue.now == 1.5 && queue.peekTime == 2)
    }

    @Test func handlerErrorsPropagate() throws {
        struct Stop: Error {}
        var queue = EventQueue<Int>()
        for index in 0..<5 { try queue.schedule(index, at: Double(index)) }
        #expect(throws: Stop.self) {
            try queue.runUntilEmpty { _, _, event throws(Stop) in if event == 2 { throw Stop() } }
        }
        #expect(queue.now == 2 && queue.count == 2)
    }

    @Test func clockNeverGoesBackwardsUnderRandomLoad() throws {
        var rng = RandomStream(seed: 77)
        var queue = EventQueue<Int>()
        for index in 0..<200 { try queue.schedule(index, at: rng.nextDouble() * 10) }
        var previous = queue.now
        try queue.run(until: 1_000) { queue, time, event in
            #expect(time >= previous && queue.now == time)
            previous = time
            if event < 5_000 { try queue.schedule(event + 200, after: rng.nextDouble() * 3) }
        }
        #expect(queue.eventsProcessed == 5_000 + 200)
    }

    // MARK: Allocation

    @Test(arguments: [5, 1_000])
    func noStorageGrowthOnceCapacityIsReserved(capacity: Int) throws {
        var rng = RandomStream(seed: 3)
        var queue = EventQueue<Int32>()
        queue.reserveCapacity(capacity)
        var handles: [EventHandle] = []
        for index in 0..<capacity { handles.append(try queue.schedule(Int32(index), at: rng.nextDouble())) }
        let capacities = (queue.heap.capacity, queue.slots.capacity, queue.freeSlots.capacity)
        for step in 0..<20_000 {
            // Bursts of cancellation (half the steps of some phases) stress the stale entries.
            let cancelRate = (step / 1_000) % 2 == 0 ? 4 : 2
            if step % cancelRate == 0 {
                queue.cancel(handles[Int.random(in: 0..<handles.count, using: &rng)])
            }
            if queue.count >= capacity { _ = queue.popNext() }
            handles[step % handles.count] = try queue.schedule(Int32(step), after: rng.nextDouble())
            #expect(queue.count <= capacity)
        }
        #expect(queue.heap.capacity == capacities.0)
        #expect(queue.slots.capacity == capacities.1)
        #expect(queue.freeSlots.capacity == capacities.2)
    }
}
