// MARK: - WorkingDays

/// The working days of one calendar (one region, or the office calendar) over the horizon,
/// indexed so that "when does the m-th working day from day s fall?" is O(1).
///
/// `prefix[d]` counts working days in `[0, d)`; `list[k]` is the k-th working day;
/// `listSum[k]` is `list[0] + … + list[k-1]` (for exact civilian-risk integrals).
struct WorkingDays: Sendable {
    let horizon: Int
    let prefix: [Int32]
    let list: [Int32]
    let listSum: [Double]

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
        var sums = [Double](repeating: 0, count: list.count + 1)
        for k in 0..<list.count { sums[k + 1] = sums[k] + Double(list[k]) }
        self.prefix = prefix
        self.list = list
        self.listSum = sums
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

    /// Sum of `(horizon − (d + 1))` over the first `k` working days from `start`: the time each
    /// day's release spends released before the horizon (releases happen at the end of the day).
    @inline(__always)
    func releasedDaysSum(first k: Int, from start: Int) -> Double {
        guard k > 0 else { return 0 }
        let k0 = Int(prefix[min(max(start, 0), horizon)])
        let sumDays = listSum[k0 + k] - listSum[k0]
        return Double(k) * Double(horizon - 1) - sumDays
    }
}
