import EventSimulation
import Foundation

// MARK: - EventKernelWorkload

/// The classic "hold" benchmark of a future-event list: keep `liveEvents` pending, and for each of
/// `events` steps pop the earliest and schedule one new event an exponential delay later, so the queue
/// size stays constant and every step does one pop and one push at full depth.
///
/// ```swift
/// let w = EventKernelWorkload(events: 1_000_000, liveEvents: 10_000)
/// let perSecond = Double(w.events) / Stopwatch.best(of: 3) { _ = try w.run() }
/// ```
public struct EventKernelWorkload: Sendable {
    /// Events handled per run.
    public let events: Int
    /// Pending events held throughout.
    public let liveEvents: Int

    /// Creates the workload.
    public init(events: Int = 1_000_000, liveEvents: Int = 10_000) {
        self.events = events
        self.liveEvents = liveEvents
    }

    /// A queue filled with `liveEvents` events (setup, not measured), payload = team number.
    public func makeQueue(seed: UInt64 = 1) throws -> (queue: EventQueue<Int32>, rng: RandomStream) {
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "bench-events")
        var queue = EventQueue<Int32>()
        queue.reserveCapacity(liveEvents + 1)
        for i in 0..<liveEvents {
            _ = try queue.schedule(Int32(truncatingIfNeeded: i), at: -log1p(-uniform(&rng)) * 10)
        }
        return (queue, rng)
    }

    /// Handles `events` events on a prepared queue; returns a checksum of the handled payloads.
    /// - Complexity: O(events · log liveEvents).
    public func run(queue: inout EventQueue<Int32>, rng: inout RandomStream) throws -> Int {
        var checksum = 0
        var handled = 0
        while handled < events, let (_, team) = queue.popNext() {
            checksum &+= Int(team)
            handled += 1
            _ = try queue.schedule(team, after: -log1p(-uniform(&rng)) * 10)
        }
        return checksum
    }
}
