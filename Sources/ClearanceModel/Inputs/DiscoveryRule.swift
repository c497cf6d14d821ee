import ClearcastDomain
import EventSimulation

// MARK: - DiscoveryRule

/// Hazardous land not yet in the inventory that is found during the forecast: every calendar year
/// from ``fromYear`` to ``toYear``, one new area of ``contamination`` in ``region``, its size drawn
/// from ``areaPerYear`` (m²) in each replication (stream `"discovery"`, so no other draw changes).
///
/// A year's discovery enters the work queue on 1 July of that year (the mean arrival of reports
/// spread evenly over the year), or on the start date when that is later; discoveries due after
/// the horizon are dropped. See ``ClearanceModel/discoveredTasks`` for how it is worked.
///
/// ```swift
/// DiscoveryRule(region: "Lachin", contamination: .antiPersonnel,
///               areaPerYear: .uniform(min: 1e6, max: 5e6), fromYear: 2025, toYear: 2030)
/// ```
public struct DiscoveryRule: Sendable, Equatable, Codable {
    public var region: String
    public var contamination: ContaminationType
    /// Evidence class of the found land (suspected by default: found land starts with NTS).
    public var status: HazardStatus
    /// Terrain key for productivity look-up, and density class.
    public var terrain: String
    public var density: DensityClass
    /// Area found in one year, m²; samples below 0 count as 0.
    public var areaPerYear: Distribution
    public var fromYear: Int
    public var toYear: Int

    public init(region: String, contamination: ContaminationType, status: HazardStatus = .suspected,
                terrain: String = "open", density: DensityClass = .medium,
                areaPerYear: Distribution, fromYear: Int, toYear: Int) {
        self.region = region
        self.contamination = contamination
        self.status = status
        self.terrain = terrain
        self.density = density
        self.areaPerYear = areaPerYear
        self.fromYear = fromYear
        self.toYear = toYear
    }

    /// Checks field ranges; issue paths are relative (e.g. `toYear`).
    public func validate() throws {
        var c = IssueCollector()
        if !(1900...2200).contains(fromYear) { c.add("fromYear", "must be a year in 1900...2200, found \(fromYear)") }
        if toYear < fromYear { c.add("toYear", "must be ≥ fromYear (\(fromYear)), found \(toYear)") }
        c.distribution(areaPerYear, "areaPerYear")
        try c.throwIfAny()
    }
}

// MARK: - Discovered tasks

/// A latent task: the hazard area one rule finds in one year.
public struct DiscoveredTask: Sendable, Equatable {
    /// The rule's index in ``ClearanceModel/discoveries``, and the calendar year.
    public var rule: Int
    public var year: Int
    /// Day (since the start date) the area enters the work queue.
    public var day: Int
    /// The task as worked; its ``HazardArea/area`` is the rule's mean (a replication draws its own).
    public var area: HazardArea
}

extension ClearanceModel {
    /// One latent task per rule and year whose discovery day falls within the horizon, in rule
    /// then year order. Id `discovered-<rule>-<year>` (rule numbered from 1). A discovered area has
    /// no polygon: it sits at the mean location of the region's known areas (of all areas when
    /// the region has none) for travel, has no ranking score (benefit 0), and carries no civilian
    /// exposure (the exposure model covers the known inventory only).
    public var discoveredTasks: [DiscoveredTask] {
        guard !discoveries.isEmpty else { return [] }
        let h = horizonDays
        var out: [DiscoveredTask] = []
        for (r, rule) in discoveries.enumerated() where rule.fromYear <= rule.toYear {
            let inRegion = tasks.filter { $0.region == rule.region }
            let near = inRegion.isEmpty ? tasks : inRegion
            let n = Double(max(near.count, 1))
            let x = near.reduce(0.0) { $0 + $1.x } / n, y = near.reduce(0.0) { $0 + $1.y } / n
            for year in rule.fromYear...min(rule.toYear, startDate.year + Self.maximumHorizonYears) {
                let day = max(0, startDate.days(to: CivilDate(year: year, month: 7, day: 1)))
                guard day < h else { continue }
                var task = HazardArea(id: "discovered-\(r + 1)-\(year)", name: "found \(year) in \(rule.region)",
                                      area: max(rule.areaPerYear.mean, 0), contamination: rule.contamination,
                                      density: rule.density, status: rule.status, terrain: rule.terrain, region: rule.region,
                                      x: x, y: y, priorityBenefit: 0, rank: Int(Int32.max), civilianExposure: 0)
                task.lastSurvey = startDate.adding(days: day)
                out.append(DiscoveredTask(rule: r, year: year, day: day, area: task))
            }
        }
        return out
    }
}
