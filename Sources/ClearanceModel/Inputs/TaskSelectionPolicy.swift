// MARK: - TaskSelectionPolicy

/// How a free team chooses its next task step among those it is eligible for.
///
/// Only steps the team's kind may do, whose task is not being worked by another team and whose
/// region is not in a seasonal stoppage are candidates. A task step is worked by one team at a
/// time (no splitting). Ties are broken by input order.
public enum TaskSelectionPolicy: Sendable, Hashable, Codable {
    /// Highest ``HazardArea/priorityBenefit`` first, then lowest rank.
    case riskPriority
    /// Most civilian risk removed per team-day first (``TaskEffort/casualtiesPerYearPerTeamDay``:
    /// the exposure model's casualties a year over the expected team-days of the fielded mix),
    /// then lowest rank. Areas no fielded team can release come last.
    case riskPerEffort
    /// Closest task to the team's current location (straight-line distance).
    case nearestFirst
    /// Largest recorded area first.
    case largestFirst
    /// Smallest recorded area first.
    case smallestFirst
    /// Input order.
    case asListed
    /// Regions in the given order (unlisted regions last), risk priority within a region.
    case regionSequence([String])
}
