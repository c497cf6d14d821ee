// MARK: - SchedulingError

/// Why an event could not be scheduled.
///
/// ```swift
/// var queue = EventQueue<Int>()
/// try queue.schedule(1, at: -1)   // throws SchedulingError.timeInPast(time: -1, now: 0)
/// try queue.schedule(1, after: .nan)   // throws SchedulingError.nonFiniteTime(nan)
/// ```
public enum SchedulingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The requested time is earlier than the clock: the clock never goes backwards.
    case timeInPast(time: Double, now: Double)
    /// The requested time (or delay) is NaN or infinite.
    case nonFiniteTime(Double)
    /// The requested delay is negative.
    case negativeDelay(Double)
    /// The queue already holds 2²⁴ pending events, or has scheduled 2⁴⁰ events in its
    /// lifetime (see ``EventQueue/maximumPendingEvents``).
    case capacityExceeded

    public var description: String {
        switch self {
        case let .timeInPast(time, now):
            return "cannot schedule an event at time \(time): the clock is already at \(now)"
        case let .nonFiniteTime(value):
            return "cannot schedule an event at a non-finite time or delay (\(value))"
        case let .negativeDelay(delay):
            return "cannot schedule an event after a negative delay (\(delay)); expected a delay ≥ 0"
        case .capacityExceeded:
            return "event queue capacity exceeded: at most 2^24 pending and 2^40 scheduled events"
        }
    }
}
