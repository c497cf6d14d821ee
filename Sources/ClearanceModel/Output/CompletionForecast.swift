import ClearcastDomain

// MARK: - CompletionForecast

/// When a set of tasks (all, one class, one region) is finished, over replications.
///
/// Quantiles are observed completion days: `Q(p)` is the `⌈p·R⌉`-th smallest of the `R`
/// replications, counting replications unfinished at the horizon as later than any day; a
/// quantile that falls on an unfinished replication is nil ("not within the horizon").
/// ``meanDay`` is nil unless every replication finished. Dates are ISO `YYYY-MM-DD`.
public struct CompletionForecast: Sendable, Equatable, Codable {
    public var replications: Int
    public var completedReplications: Int
    public var p10Day: Int?
    public var p50Day: Int?
    public var p90Day: Int?
    public var meanDay: Double?
    public var p10Date: String?
    public var p50Date: String?
    public var p90Date: String?
    public var meanDate: String?
    /// Mean / P50 in years after the start date (365.2425-day years), for "done in X years".
    public var meanYears: Double?
    public var p50Years: Double?

    /// - Parameter days: completion day per replication (nil = unfinished), in replication order.
    public init(days: [Int?], start: CivilDate) {
        let finished = days.compactMap { $0 }.sorted()
        let r = days.count
        replications = r
        completedReplications = finished.count
        func q(_ p: Double) -> Int? {
            guard r > 0 else { return nil }
            let k = max(Int((p * Double(r)).rounded(.up)) - 1, 0)
            return k < finished.count ? finished[k] : nil
        }
        p10Day = q(0.1)
        p50Day = q(0.5)
        p90Day = q(0.9)
        if r > 0 && finished.count == r {
            // Summed in replication order so the result does not depend on thread count.
            meanDay = days.reduce(0.0) { $0 + Double($1 ?? 0) } / Double(r)
        }
        let date: (Int?) -> String? = { $0.map { start.adding(days: $0).description } }
        p10Date = date(p10Day)
        p50Date = date(p50Day)
        p90Date = date(p90Day)
        meanDate = date(meanDay.map { Int($0.rounded(.down)) })
        meanYears = meanDay.map { $0 / 365.2425 }
        p50Years = p50Day.map { Double($0) / 365.2425 }
    }
}
