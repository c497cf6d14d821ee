// MARK: - TeamUtilisation

/// Use of one team kind, averaged over replications (team-days).
///
/// Available days are office working days (weekday and holiday rules) while a team is fielded;
/// worked days exclude travel, mobilisation, weather loss, stand-downs and seasonal stoppages.
/// Utilisation is measured on the days work was possible: worked over available minus the days
/// weather took (a team busy every workable day shows 100 %, not 1 − weather loss).
public struct TeamUtilisation: Sendable, Equatable, Codable {
    public var meanWorkedDays: Double
    public var meanAvailableDays: Double
    public var meanIdleDays: Double
    public var meanWeatherLostDays: Double
    /// `meanWorkedDays / (meanAvailableDays − meanWeatherLostDays)` (0 when nothing was available).
    public var utilisation: Double

    public init(meanWorkedDays: Double, meanAvailableDays: Double, meanIdleDays: Double, meanWeatherLostDays: Double = 0) {
        self.meanWorkedDays = meanWorkedDays
        self.meanAvailableDays = meanAvailableDays
        self.meanIdleDays = meanIdleDays
        self.meanWeatherLostDays = meanWeatherLostDays
        let workable = meanAvailableDays - meanWeatherLostDays
        utilisation = workable > 0 ? min(meanWorkedDays / workable, 1) : 0
    }
}
