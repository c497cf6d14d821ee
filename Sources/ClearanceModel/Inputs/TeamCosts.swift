import ClearcastDomain

// MARK: - TeamCosts

/// What fielded teams cost, and the yearly budget that may cap how many are fielded.
///
/// ```swift
/// TeamCosts(perTeamDay: [.manual: 630, .mechanical: 5250], standbyShare: 0.5,
///           budgetPerYear: [2021: 40_000_000, 2024: 60_000_000])
/// ```
/// A team is paid for every office working day it is fielded: from its activation (the start,
/// a capacity increase, or retraining) until it is withdrawn, stood down (no eligible work left,
/// see ``ClearanceModel``) or the horizon. A fielded day on which it has no work (idle) costs
/// `standbyShare` of its rate. Money is in one currency, named by the scenario.
public struct TeamCosts: Sendable, Equatable, Codable {
    /// Cost of one team-day, per kind. Every kind the model fields must have one.
    public var perTeamDay: [TeamKind: Double]
    /// Share of the rate paid for an idle fielded day, in [0, 1] (default 1: paid in full).
    public var standbyShare: Double
    /// One-off cost of retraining a team, per target kind (default 0).
    public var retrainingPerTeam: [TeamKind: Double]
    /// Budget for each calendar year from the given year on (the latest entry not after the year
    /// applies); years before the first entry, and an empty table, are not capped. How a budget
    /// caps the teams is described in ``ClearanceModel/budgetCaps(start:horizon:)``.
    public var budgetPerYear: [Int: Double]

    public init(perTeamDay: [TeamKind: Double], standbyShare: Double = 1,
                retrainingPerTeam: [TeamKind: Double] = [:], budgetPerYear: [Int: Double] = [:]) {
        self.perTeamDay = perTeamDay
        self.standbyShare = standbyShare
        self.retrainingPerTeam = retrainingPerTeam
        self.budgetPerYear = budgetPerYear
    }

    /// The budget in force for calendar year `year`, nil when that year is not capped.
    public func budget(forYear year: Int) -> Double? {
        budgetPerYear.filter { $0.key <= year }.max { $0.key < $1.key }?.value
    }

    public func validate(fieldedKinds: Set<TeamKind>) throws {
        var c = IssueCollector()
        for (kind, rate) in perTeamDay.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            c.finite(rate, "perTeamDay.\(kind.rawValue)", atLeast: 0)
        }
        for kind in fieldedKinds.sorted(by: { $0.rawValue < $1.rawValue }) where perTeamDay[kind] == nil {
            c.add("perTeamDay.\(kind.rawValue)", "teams of kind \(kind.rawValue) are fielded but have no cost per team-day; add one (0 if they cost nothing)")
        }
        if !(standbyShare >= 0 && standbyShare <= 1) { c.add("standbyShare", "must be in [0, 1], found \(standbyShare)") }
        for (kind, cost) in retrainingPerTeam.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            c.finite(cost, "retrainingPerTeam.\(kind.rawValue)", atLeast: 0)
        }
        for (year, money) in budgetPerYear.sorted(by: { $0.key < $1.key }) {
            c.finite(money, "budgetPerYear.\(year)", atLeast: 0)
        }
        try c.throwIfAny()
    }
}
