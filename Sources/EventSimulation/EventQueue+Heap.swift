// MARK: - 4-ary heap internals

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
            let parent = (hole &- 1) >> 2
            let parentEntry = heap[parent]
            guard entry.precedes(parentEntry) else { break }
            heap[hole] = parentEntry
            hole = parent
        }
        heap[hole] = entry
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
        var hole = 0
        // Descend while all four children exist; the choice is made without branches.
        while true {
            let first = hole &<< 2 &+ 1
            guard first &+ 3 < count else { break }
            let a = first &+ (heap[first &+ 1].precedes(heap[first]) ? 1 : 0)
            let b = first &+ 2 &+ (heap[first &+ 3].precedes(heap[first &+ 2]) ? 1 : 0)
            let child = heap[b].precedes(heap[a]) ? b : a
            heap[hole] = heap[child]
            hole = child
        }
        let first = hole &<< 2 &+ 1
        if first < count {
            var child = first
            for candidate in (first &+ 1)..<min(first &+ 4, count) where heap[candidate].precedes(heap[child]) {
                child = candidate
            }
            heap[hole] = heap[child]
            hole = child
        }
        // Sift the former last entry up from the leaf hole.
        while hole > 0 {
            let parent = (hole &- 1) >> 2
            let parentEntry = heap[parent]
            guard last.precedes(parentEntry) else { break }
            heap[hole] = parentEntry
            hole = parent
        }
        heap[hole] = last
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
        let sequences = slotSequences
        heap.removeAll { sequences[Int($0.slot)] != $0.sequence }
        staleCount = 0
        guard heap.count > 1 else { return }
        for index in stride(from: (heap.count - 2) / 4, through: 0, by: -1) {
            siftDown(heap[index], from: index)
        }
    }
}
