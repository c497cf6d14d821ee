// MARK: - TeamUtilisation

/// Use of one team kind, averaged over replications (team-days).
///
/// Available days are office working days (weekday and holiday rules) while a team is fielded;
/// worked days exclude travel, mobilisation, weather loss, stand-downs and seasonal stoppages.
public struct TeamUtilisation: Sendable, Equatable, Codable {
    public var meanWorkedDays: Double
    public var meanAvailableDays: Double
    public var meanIdleDays: Double
    /// `meanWorkedDays / meanAvailableDays` (0 when nothing was available).
    public var utilisation: Double

    public init(meanWorkedDays: Double, meanAvailableDays: Double, meanIdleDays: Double) {
        self.meanWorkedDays = meanWorkedDays
        self.meanAvailableDays = meanAvailableDays
        self.meanIdleDays = meanIdleDays
        utilisation = meanAvailableDays > 0 ? meanWorkedDays / meanAvailableDays : 0
    }
}
