// MARK: - EventHandle

/// Identifies one scheduled event so that it can be cancelled.
///
/// A handle names a storage slot together with the event's unique sequence number; the queue
/// reuses slots, but a sequence number is never reused, so a handle for an event that has
/// already run or been cancelled is recognised as stale (``EventQueue/cancel(_:)`` returns
/// `false`) even after its slot holds another event.
///
/// ```swift
/// var queue = EventQueue<String>()
/// let handle = try queue.schedule("breakdown", at: 12)
/// queue.cancel(handle)   // true
/// queue.cancel(handle)   // false: already cancelled
/// ```
public struct EventHandle: Hashable, Sendable, CustomStringConvertible {
    /// Index of the payload slot inside the queue.
    @usableFromInline let slot: UInt32
    /// The event's insertion sequence number (unique within one queue).
    public let sequence: UInt64

    @inlinable
    init(slot: UInt32, sequence: UInt64) {
        self.slot = slot
        self.sequence = sequence
    }

    public var description: String { "EventHandle(#\(sequence))" }
}
