import ClearanceModel

// MARK: - Team scaling

extension ClearanceModel {
    /// The model with the named team groups' counts, and every count in their capacity plans,
    /// multiplied by `factor` and rounded to whole teams (half away from zero).
    ///
    /// ```swift
    /// let doubled = model.scalingTeams(["mech", "manual"], by: 2)
    /// ```
    /// A group of 3 teams scaled by 1.5 fields 5 (4.5 rounded); scaled by 0.1 it fields 0.
    public func scalingTeams(_ groups: Set<String>, by factor: Double) -> ClearanceModel {
        var scaled = self
        for g in scaled.teams.indices where groups.contains(scaled.teams[g].id) {
            scaled.teams[g].count = Self.wholeTeams(scaled.teams[g].count, factor)
            for c in scaled.teams[g].capacityPlan.indices {
                scaled.teams[g].capacityPlan[c].count = Self.wholeTeams(scaled.teams[g].capacityPlan[c].count, factor)
            }
        }
        return scaled
    }

    static func wholeTeams(_ count: Int, _ factor: Double) -> Int {
        Int((Double(count) * factor).rounded(.toNearestOrAwayFromZero))
    }
}
