import ClearcastDomain

// MARK: - Yearly commitment

extension ClearanceModel {
    /// The most a calendar year of the horizon commits to paying its teams: for each year, every
    /// group's largest planned count that year times its kind's rate for every office working day
    /// of the year, scaled to a whole year for a partial first or last year; the largest over years.
    /// This is what a yearly budget must cover to field the teams (the rule ``TeamCosts/budgetPerYear``
    /// applies), not what is spent once teams stand down.
    ///
    /// - Complexity: O(horizon days + groups × years × plan entries).
    public func peakYearlyCommitment(perTeamDay: [TeamKind: Double]) -> Double {
        let h = horizonDays, ends = yearEndDays
        guard h > 0, !ends.isEmpty else { return 0 }
        let office = WorkingDays(horizon: h) { calendar.isOfficeDay(startDate.adding(days: $0)) }
        let plans = teams.map { CompiledModel.capacitySchedule($0, start: startDate, horizon: h) }
        var peak = 0.0
        for y in ends.indices {
            let lo = y == 0 ? 0 : ends[y - 1], hi = ends[y]
            let year = startDate.adding(days: lo).year
            let scale = (CivilDate.isLeap(year) ? 366.0 : 365.0) / Double(hi - lo)
            let days = Double(office.count(from: lo, to: hi))
            var money = 0.0
            for (g, team) in teams.enumerated() {
                money += Double(CompiledTeams.maxCount(plans[g], from: lo, to: hi)) * (perTeamDay[team.kind] ?? 0) * days
            }
            peak = max(peak, money * scale)
        }
        return peak
    }
}
