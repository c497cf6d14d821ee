// MARK: - 4-ary heap internals

extension EventQueue {
    /// Whether a heap entry still refers to the event occupying its slot.
    @inlinable @inline(__always)
    func isLive(_ entry: Entry) -> Bool {
        slots[Int(entry.slot)].sequence == entry.sequence
    }

    /// Moves the entry at `index` up until its parent precedes it (hole technique: one
    /// write per level instead of a swap).
    ///
    /// - Complexity: O(log n).
    @inlinable
    mutating func siftUp(from index: Int) {
        precondition(index >= 0 && index < heap.count, "EventQueue.siftUp index out of range")
        heap.withUnsafeMutableBufferPointer { buffer in
            Self.siftUp(buffer.baseAddress.unsafelyUnwrapped, from: index)
        }
    }

    /// Places `entry` at `index` and moves it down until all its children follow it
    /// (used by ``compact()``'s heap construction).
    ///
    /// - Complexity: O(log n).
    @inlinable
    mutating func siftDown(_ entry: Entry, from index: Int) {
        let count = heap.count
        var hole = index
        while true {
            let first = hole &<< 2 &+ 1
            guard first < count else { break }
            var child = first
            for candidate in (first &+ 1)..<min(first &+ 4, count) where heap[candidate].precedes(heap[child]) {
                child = candidate
            }
            let childEntry = heap[child]
            guard childEntry.precedes(entry) else { break }
            heap[hole] = childEntry
            hole = child
        }
        heap[hole] = entry
    }

    /// Removes the entry at index 0 (Floyd's bottom-up deletion).
    ///
    /// The hole left at the root is first moved down along the path of smaller children to a
    /// leaf, with three branch-free comparisons per level, and the former last entry is then sifted up from
    /// there. Because that entry came from the bottom it almost always belongs near the bottom,
    /// so this saves the comparison against it at every level of the descent.
    ///
    /// - Complexity: O(log n).
    @inlinable
    mutating func removeTop() {
        let last = heap.removeLast()
        let count = heap.count
        guard count > 0 else { return }
        heap.withUnsafeMutableBufferPointer { buffer in
            Self.removeTop(buffer.baseAddress.unsafelyUnwrapped, count: count, refill: last)
        }
    }

    /// Restores the invariant that the top entry, if any, is live.
    ///
    /// - Complexity: O(k log n) for k stale entries at the top (amortised against cancels).
    @inlinable
    mutating func dropStaleTop() {
        while staleCount > 0, let top = heap.first, !isLive(top) {
            removeTop()
            staleCount -= 1
        }
    }

    /// Drops every stale entry and rebuilds the heap bottom-up (Floyd).
    ///
    /// The order `(time, sequence)` is total, so the rebuilt heap pops in exactly the same
    /// order as before: compaction never changes results.
    ///
    /// - Complexity: O(n); no allocation.
    @usableFromInline
    mutating func compact() {
        let slots = self.slots
        heap.removeAll { slots[Int($0.slot)].sequence != $0.sequence }
        staleCount = 0
        guard heap.count > 1 else { return }
        for index in stride(from: (heap.count - 2) / 4, through: 0, by: -1) {
            siftDown(heap[index], from: index)
        }
    }
}

// MARK: - Unchecked heap walks

/// The two hot loops of the queue, on the heap's raw storage.
///
/// Why unchecked: at 10⁴ pending events a pop walks ~7 levels with three comparisons each, and the
/// array bounds and uniqueness checks on every read and write cost about a fifth of the kernel's
/// time (measured with the hold benchmark in `Benchmarks/`). The callers above check the only
/// inputs these walks trust (`index < count`, `count` = the heap's size), every index the loops
/// form stays below `count` by construction (children are visited only when `first + 3 < count`
/// or `candidate < count`; parents are smaller than their children), and the pointer never outlives
/// `withUnsafeMutableBufferPointer`. This is the only unsafe code in EventSimulation.
extension EventQueue {
    /// Moves `base[index]` up until its parent precedes it (hole technique: one write per level).
    ///
    /// - Precondition: `0 <= index <` the number of initialised entries at `base`.
    /// - Complexity: O(log n).
    @inlinable @inline(__always)
    static func siftUp(_ base: UnsafeMutablePointer<Entry>, from index: Int) {
        siftUp(base, placing: base[index], at: index)
    }

    /// Places `entry` in the hole at `index`, first moving the hole up while `entry` precedes the
    /// hole's parent.
    ///
    /// - Precondition: `0 <= index <` the number of initialised entries at `base`.
    /// - Complexity: O(log n).
    @inlinable @inline(__always)
    static func siftUp(_ base: UnsafeMutablePointer<Entry>, placing entry: Entry, at index: Int) {
        var hole = index
        while hole > 0 {
            let parent = (hole &- 1) &>> 2
            let parentEntry = base[parent]
            guard entry.precedes(parentEntry) else { break }
            base[hole] = parentEntry
            hole = parent
        }
        base[hole] = entry
    }

    /// Floyd's bottom-up deletion of `base[0]` from a heap of `count` entries, filling the hole
    /// with `refill` (the former last entry, already removed from the array).
    ///
    /// - Precondition: `count >= 1` initialised entries at `base`.
    /// - Complexity: O(log n).
    @inlinable @inline(__always)
    static func removeTop(_ base: UnsafeMutablePointer<Entry>, count: Int, refill last: Entry) {
        var hole = 0
        // Descend while all four children exist; the choice is made without branches.
        while true {
            let first = hole &<< 2 &+ 1
            guard first &+ 3 < count else { break }
            let a = first &+ (base[first &+ 1].precedes(base[first]) ? 1 : 0)
            let b = first &+ 2 &+ (base[first &+ 3].precedes(base[first &+ 2]) ? 1 : 0)
            let child = base[b].precedes(base[a]) ? b : a
            base[hole] = base[child]
            hole = child
        }
        let first = hole &<< 2 &+ 1
        if first < count {
            var child = first
            var candidate = first &+ 1
            let end = min(first &+ 4, count)
            while candidate < end {
                if base[candidate].precedes(base[child]) { child = candidate }
                candidate &+= 1
            }
            base[hole] = base[child]
            hole = child
        }
        // Sift the former last entry up from the leaf hole.
        siftUp(base, placing: last, at: hole)
    }
}
