// MARK: - Running

extension EventQueue {
    /// Pops and handles every event with time ≤ `time`, then sets the clock to `time`.
    ///
    /// The handler receives the queue itself, so it can schedule and cancel events; events it
    /// schedules at or before `time` are handled in the same run. Later events stay queued.
    /// If `time` is earlier than ``now`` nothing happens (the clock never goes backwards).
    ///
    /// ```swift
    /// try queue.run(until: 365) { queue, time, event in
    ///     try model.handle(event, at: time, queue: &queue)
    /// }
    /// ```
    ///
    /// - Throws: Whatever the handler throws; the event being handled has then already been
    ///   removed and the clock stands at its time.
    /// - Complexity: O(k log n) for k handled events.
    @inlinable
    public mutating func run<Failure: Error>(
        until time: Double,
        _ handler: (inout EventQueue, Double, Event) throws(Failure) -> Void
    ) throws(Failure) {
        while let next = peekTime, next <= time, let (eventTime, event) = popNext() {
            try handler(&self, eventTime, event)
        }
        if time > clock, time.isFinite {
            clock = time
        }
    }

    /// Pops and handles events until none are pending.
    ///
    /// - Warning: Loops forever if every handled event schedules another one; use
    ///   ``run(until:_:)`` or ``run(while:_:)`` for self-perpetuating models.
    /// - Complexity: O(k log n) for k handled events.
    @inlinable
    public mutating func runUntilEmpty<Failure: Error>(
        _ handler: (inout EventQueue, Double, Event) throws(Failure) -> Void
    ) throws(Failure) {
        while let (eventTime, event) = popNext() {
            try handler(&self, eventTime, event)
        }
    }

    /// Pops and handles events while `condition` holds, checking it before each event.
    ///
    /// The condition sees the queue before the next event is popped (so it can inspect
    /// ``peekTime``, ``now``, ``eventsProcessed``), and may also read the caller's model state.
    ///
    /// ```swift
    /// queue.run(while: { _ in remainingArea > 0 }) { queue, time, event in … }
    /// ```
    ///
    /// - Complexity: O(k log n) for k handled events, plus k + 1 condition calls.
    @inlinable
    public mutating func run<Failure: Error>(
        while condition: (EventQueue) throws(Failure) -> Bool,
        _ handler: (inout EventQueue, Double, Event) throws(Failure) -> Void
    ) throws(Failure) {
        while !isEmpty, try condition(self), let (eventTime, event) = popNext() {
            try handler(&self, eventTime, event)
        }
    }
}
