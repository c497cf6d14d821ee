import ClearcastDomain

// MARK: - Incident

/// One recorded mine or explosive-ordnance incident, in plain projected coordinates.
///
/// `date` is a civil (calendar) date, the type the scenario's reference date uses, so ages are
/// exact whole-day differences.
///
/// ```swift
/// let incident = Incident(x: 512_340, y: 4_401_870, date: try CivilDate(iso: "2022-01-08"), casualties: 2, device: "AP blast")
/// ```
public struct Incident: Sendable, Equatable {
    /// Easting in the grid's projected CRS, metres.
    public var x: Double
    /// Northing in the grid's projected CRS, metres.
    public var y: Double
    /// Day of the incident.
    public var date: CivilDate
    /// Number of people killed or injured (0 when unknown or none).
    public var casualties: Int
    /// Device type, when recorded (e.g. "AP blast", "AT", "UXO").
    public var device: String?

    /// Creates an incident.
    public init(x: Double, y: Double, date: CivilDate, casualties: Int = 0, device: String? = nil) {
        self.x = x
        self.y = y
        self.date = date
        self.casualties = casualties
        self.device = device
    }
}
