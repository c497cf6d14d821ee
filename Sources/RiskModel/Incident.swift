// MARK: - Incident

/// One recorded mine or explosive-ordnance incident, in plain projected coordinates.
///
/// `date` is a whole number of **days since 1970-01-01 (UTC)**, the same day count the
/// scenario's reference date uses, so ages are exact integer day differences.
///
/// ```swift
/// let incident = Incident(x: 512_340, y: 4_401_870, date: 19_000, casualties: 2, device: "AP blast")
/// ```
public struct Incident: Sendable, Equatable {
    /// Easting in the grid's projected CRS, metres.
    public var x: Double
    /// Northing in the grid's projected CRS, metres.
    public var y: Double
    /// Day of the incident, counted from 1970-01-01 (UTC).
    public var date: Int
    /// Number of people killed or injured (0 when unknown or none).
    public var casualties: Int
    /// Device type, when recorded (e.g. "AP blast", "AT", "UXO").
    public var device: String?

    /// Creates an incident.
    public init(x: Double, y: Double, date: Int, casualties: Int = 0, device: String? = nil) {
        self.x = x
        self.y = y
        self.date = date
        self.casualties = casualties
        self.device = device
    }
}
