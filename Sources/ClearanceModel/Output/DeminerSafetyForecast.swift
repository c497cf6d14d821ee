// MARK: - DeminerSafetyForecast

/// Deminer accidents and casualties over the horizon.
public struct DeminerSafetyForecast: Sendable, Equatable, Codable {
    public var accidents: QuantileSummary
    public var casualties: QuantileSummary

    public init(accidents: QuantileSummary, casualties: QuantileSummary) {
        self.accidents = accidents
        self.casualties = casualties
    }
}
