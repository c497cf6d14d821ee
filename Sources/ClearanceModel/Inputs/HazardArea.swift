import ClearcastDomain
// MARK: - HazardArea

/// One hazard area (a "task" of the clearance plan), in plain values.
///
/// ```swift
/// let area = HazardArea(id: "HA-0042", name: "North ridge", area: 25_000,
///                       contamination: .antiPersonnel, density: .medium, status: .suspected,
///                       terrain: "vegetated", region: "Highlands", x: 512_300, y: 4_120_800,
///                       priorityBenefit: 0.8, rank: 3, civilianExposure: 1)
/// ```
public struct HazardArea: Sendable, Hashable, Codable {
    /// Unique identifier (used to join results back to GIS features).
    public var id: String
    public var name: String
    /// Recorded area in m².
    public var area: Double
    public var contamination: ContaminationType
    public var density: DensityClass
    public var status: HazardStatus
    /// Terrain key used to look up productivity (e.g. "open", "vegetated", "mountain").
    public var terrain: String
    /// Administrative region: drives seasonal stoppages, region policies and per-region results.
    public var region: String
    /// Location in projected metres (any planar CRS; only distances are used).
    public var x: Double
    public var y: Double
    /// Risk score per m² from the ranking; higher means more urgent.
    public var priorityBenefit: Double
    /// Rank from the ranking (1 = most urgent); ties in benefit are broken by rank.
    public var rank: Int
    /// Relative civilian exposure multiplier (land use and the like; 1 = typical). See
    /// ``CivilianRiskModel``: never derived from the priority score.
    public var civilianExposure: Double
    /// People expected back near the area once returns are complete, weighted by distance
    /// (the settlements' displaced × return share × distance decay); scaled over time by
    /// ``CivilianRiskModel/returnSchedule``.
    public var returnees: Double
    /// Evidence strength recorded by survey (nil: not recorded); selects survey shares given per
    /// strength (``LandReleaseParameters/nonTechnicalSurveyCancelShareByEvidence``).
    public var evidence: EvidenceStrength? = nil
    /// Date of the area's last survey (nil: the simulation's start date); its age when NTS
    /// finishes raises the cancellation share (``LandReleaseParameters/cancelShareRisePerYear``).
    public var lastSurvey: CivilDate? = nil

    public init(
        id: String, name: String = "", area: Double, contamination: ContaminationType,
        density: DensityClass = .medium, status: HazardStatus, terrain: String = "open",
        region: String = "", x: Double = 0, y: Double = 0, priorityBenefit: Double = 0,
        rank: Int = 0, civilianExposure: Double = 1, returnees: Double = 0
    ) {
        self.id = id
        self.name = name
        self.area = area
        self.contamination = contamination
        self.density = density
        self.status = status
        self.terrain = terrain
        self.region = region
        self.x = x
        self.y = y
        self.priorityBenefit = priorityBenefit
        self.rank = rank
        self.civilianExposure = civilianExposure
        self.returnees = returnees
    }

    /// Checks field ranges; issue paths are relative (e.g. `area`).
    public func validate() throws {
        var c = IssueCollector()
        if id.isEmpty { c.add("id", "must not be empty") }
        c.finite(area, "area", atLeast: 0)
        c.finite(x, "x")
        c.finite(y, "y")
        c.finite(priorityBenefit, "priorityBenefit", atLeast: 0)
        c.finite(civilianExposure, "civilianExposure", atLeast: 0)
        c.finite(returnees, "returnees", atLeast: 0)
        try c.throwIfAny()
    }
}
