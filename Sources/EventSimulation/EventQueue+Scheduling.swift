// MARK: - Scheduling, cancelling, popping

extension EventQueue {
    /// Schedules `event` to happen at absolute time `time`.
    ///
    /// ```swift
    /// var queue = EventQueue<Int32>()
    /// let handle = try queue.schedule(7, at: 3.0)
    /// ```
    ///
    /// - Returns: A handle for ``cancel(_:)``.
    /// - Throws: ``SchedulingError/nonFiniteTime(_:)`` for NaN or infinite times,
    ///   ``SchedulingError/timeInPast(time:now:)`` if `time < now`.
    /// - Complexity: O(log n); no allocation while capacity suffices.
    @inlinable @discardableResult
    public mutating func schedule(_ event: Event, at time: Double) throws(SchedulingError) -> EventHandle {
        guard time.isFinite else { throw .nonFiniteTime(time) }
        guard time >= now else { throw .timeInPast(time: time, now: now) }
        guard nextSequence < EventQueue.maximumScheduledEvents else { throw .capacityExceeded }
        let sequence = nextSequence
        let slot: UInt32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(slot)] = Slot(sequence: sequence, payload: event)
        } else {
            guard slots.count < EventQueue.maximumPendingEvents else { throw .capacityExceeded }
            slot = UInt32(truncatingIfNeeded: slots.count)
            slots.append(Slot(sequence: sequence, payload: event))
        }
        nextSequence &+= 1
        heap.append(Entry(time: time, sequence: sequence, slot: slot))
        siftUp(from: heap.count - 1)
        return EventHandle(slot: slot, sequence: sequence)
    }

    /// Schedules `event` to happen `delay` time units from ``now``.
    ///
    /// - Throws: ``SchedulingError/negativeDelay(_:)`` for `delay < 0`,
    ///   ``SchedulingError/nonFiniteTime(_:)`` if `delay` or `now + delay` is not finite.
    /// - Complexity: O(log n).
    @inlinable @discardableResult
    public mutating func schedule(_ event: Event, after delay: Double) throws(SchedulingError) -> EventHandle {
        guard delay.isFinite else { throw .nonFiniteTime(delay) }
        guard delay >= 0 else { throw .negativeDelay(delay) }
        return try schedule(event, at: now + delay)
    }

    /// Cancels a pending event.
    ///
    /// - Returns: `true` if the event was pending and is now cancelled; `false` if it had
    ///   already run or been cancelled (cancelling twice is harmless).
    /// - Note: Passing a handle issued by a different queue is a programmer error; it never
    ///   crashes and cancels nothing unless slot and sequence coincide with a pending event.
    /// - Complexity: O(1), plus amortised O(log n) for removing the stale entry later.
    @inlinable @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        guard isPending(handle) else { return false }
        let slot = Int(handle.slot)
        slots[slot] = .free
        freeSlots.append(handle.slot)
        staleCount += 1
        dropStaleTop()
        // Rebuild once stale entries outnumber live ones: O(n) work after ≥ n/2 cancels.
        if staleCount > EventQueue.compactionThreshold, staleCount > heap.count - staleCount {
            compact()
        }
        return true
    }

    /// Removes the earliest pending event, advances ``now`` to its time and returns it.
    ///
    /// Ties in time are broken by scheduling order (first scheduled, first popped).
    ///
    /// - Returns: `nil` (leaving the clock unchanged) if no events are pending.
    /// - Complexity: O(log n) amortised; never allocates.
    @inlinable
    public mutating func popNext() -> (time: Double, event: Event)? {
        guard let top = heap.first else { return nil }
        let slot = Int(top.slot)
        // heap[0] is live by invariant, so its payload is present.
        let occupant = slots[slot]
        slots[slot] = .free
        guard let event = occupant.payload else {
            preconditionFailure("EventQueue invariant violated: top entry has no payload")
        }
        freeSlots.append(top.slot)
        removeTop()
        dropStaleTop()
        clock = top.time
        processed += 1
        return (top.time, event)
    }

    /// Removes every pending event, keeping the clock, the event counter and the storage.
    ///
    /// - Complexity: O(number of slots).
    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
        for slot in slots.indices {
            slots[slot] = .free
            freeSlots.append(UInt32(truncatingIfNeeded: slots.count - 1 - slot))
        }
        staleCount = 0
    }
}
