// MARK: - Binary heap internals

extension EventQueue {
    /// Whether a heap entry still refers to the event occupying its slot.
    @inlinable @inline(__always)
    func isLive(_ entry: Entry) -> Bool {
        slotSequences[Int(entry.slot)] == entry.sequence
    }

    /// Moves the entry at `index` up until its parent precedes it (hole technique: one
    /// write per level instead of a swap).
    ///
    /// - Complexity: O(log n).
    @inlinable
    mutating func siftUp(from index: Int) {
        let entry = heap[index]
        var hole = index
        while hole > 0 {
            let parent = (hole - 1) >> 1
            let parentEntry = heap[parent]
            guard entry.precedes(parentEntry) else { break }
            heap[hole] = parentEntry
            hole = parent
        }
        heap[hole] = entry
    }

    /// Places `entry` at `index` and moves it down until both children follow it.
    ///
    /// - Complexity: O(log n).
    @inlinable
    mutating func siftDown(_ entry: Entry, from index: Int) {
        let count = heap.count
        var hole = index
        while true {
            var child = 2 &* hole &+ 1
            guard child < count else { break }
            let right = child &+ 1
            if right < count, heap[right].precedes(heap[child]) {
                child = right
            }
            let childEntry = heap[child]
            guard childEntry.precedes(entry) else { break }
            heap[hole] = childEntry
            hole = child
        }
        heap[hole] = entry
    }

    /// Removes the entry at index 0.
    ///
    /// - Complexity: O(log n).
    @inlinable
    mutating func removeTop() {
        let last = heap.removeLast()
        if !heap.isEmpty {
            siftDown(last, from: 0)
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
    mutating func compact() {
        let sequences = slotSequences
        heap.removeAll { sequences[Int($0.slot)] != $0.sequence }
        staleCount = 0
        guard heap.count > 1 else { return }
        for index in stride(from: (heap.count - 2) / 2, through: 0, by: -1) {
            siftDown(heap[index], from: index)
        }
    }
}
