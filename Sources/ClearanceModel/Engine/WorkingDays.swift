// MARK: - WorkingDays

/// The working days of one calendar (one region, or the office calendar) over the horizon,
/// indexed so that "when does the m-th working day from day s fall?" is O(1).
///
/// `prefix[d]` counts working days in `[0, d)`; `list[k]` is the k-th working day (civilian-risk
/// integrals sum over it, see ``CivilianExposure``).
struct WorkingDays: Sendable {
    let horizon: Int
    let prefix: [Int32]
    let list: [Int32]

    /// - Complexity: O(horizon).
    init(horizon: Int, isWorking: (Int) -> Bool) {
        self.horizon = horizon
        var prefix = [Int32](repeating: 0, count: horizon + 1)
        var list: [Int32] = []
        list.reserveCapacity(horizon)
        for d in 0..<horizon {
            if isWorking(d) { list.append(Int32(d)) }
            prefix[d + 1] = Int32(list.count)
        }
        self.prefix = prefix
        self.list = list
    }

    /// Working days in `[a, b)`, with both ends clamped to `[0, horizon]`.
    @inline(__always)
    func count(from a: Int, to b: Int) -> Int {
        let lo = min(max(a, 0), horizon), hi = min(max(b, 0), horizon)
        return hi > lo ? Int(prefix[hi] - prefix[lo]) : 0
    }

    /// The day on which the `m`-th working day counted from day `start` (inclusive) falls,
    /// or nil when it is beyond the horizon. `m ≥ 1`.
    @inline(__always)
    func dayOfWorkingDay(_ m: Int, from start: Int) -> Int? {
        guard start < horizon else { return nil }
        let k = Int(prefix[max(start, 0)]) + m - 1
        return k < list.count ? Int(list[k]) : nil
    }
}
