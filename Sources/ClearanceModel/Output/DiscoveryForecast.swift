import ClearcastDomain

// MARK: - DiscoveryForecast

/// One discovered area (a ``DiscoveryRule``'s find in one year): when it was found, how much
/// on average, and when and how it was released. It has no polygon, so GIS layers and the ranking
/// leave it out; reports list it as a row (region, type, year).
public struct DiscoveryForecast: Sendable, Equatable, Codable {
    public var id: String
    public var region: String
    public var contamination: ContaminationType
    public var status: HazardStatus
    /// Calendar year of the find, and its day since the start date.
    public var year: Int
    public var day: Int
    /// Mean area found (m², over replications).
    public var meanArea: Double
    /// Release quantiles and mean outcome areas, as for a known area.
    public var release: TaskReleaseForecast

    public init(task: DiscoveredTask, release: TaskReleaseForecast, meanArea: Double) {
        id = task.area.id
        region = task.area.region
        contamination = task.area.contamination
        status = task.area.status
        year = task.year
        day = task.day
        self.meanArea = meanArea
        self.release = release
    }
}
