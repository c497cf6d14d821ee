import ClearcastDomain
import EventSimulation

extension ScenarioReader {
    /// One `simulation.discovery` item:
    ///
    /// ```yaml
    /// discovery:
    ///   - {name: lachin-AP, region: Lachin, type: AP, area_km2_per_year: {dist: uniform, min: 2, max: 8},
    ///      from: 2025, to: 2030, status: SHA, terrain: mountain, density: medium}
    /// ```
    static func readDiscovery(_ field: FieldReader) -> SimulationSpec.Discovery? {
        guard let map = field.mapping(allowed: ["name", "region", "type", "area_km2_per_year", "from", "to", "status", "terrain", "density"]) else {
            return nil
        }
        let name = map.optional("name")?.string()
        let region = map.required("region", "the region (a hazard layer's region name) where the land is found")?.string()
        let type = map.required("type", "a contamination type: AP, AV, CM or UXO")?
            .choice(ContaminationType.allCases.map(\.rawValue)).flatMap(ContaminationType.init(rawValue:))
        let areaField = map.required("area_km2_per_year", "the area found a year in km², a number or a distribution")
        let area = areaField.flatMap { readDistribution($0) }
        if let area, let areaField, let support = area.support, support.lowerBound < 0 {
            areaField.fail("this distribution takes negative values, expected an area in km² ≥ 0 (use lognormal, gamma, uniform or triangular ≥ 0, or a constant)")
        }
        let from = map.required("from", "the first year of discovery, e.g. 2025")?.integer(in: 1900...2200, "a year")
        let to = map.required("to", "the last year of discovery, e.g. 2030")?.integer(in: 1900...2200, "a year")
        if let from, let to, to < from { map.optional("to")?.fail("found \(to), expected a year ≥ from (\(from))") }
        var status = HazardStatus.suspected
        if let text = map.optional("status")?.choice(HazardStatus.allCases.map(\.rawValue)), let s = HazardStatus(rawValue: text) { status = s }
        let terrain = map.optional("terrain")?.choice(["open", "vegetated", "mountain", "urban"]) ?? "open"
        var density = DensityClass.medium
        if let text = map.optional("density")?.choice(DensityClass.allCases.map(\.rawValue)), let d = DensityClass(rawValue: text) { density = d }
        guard let region, let type, let area, let from, let to, to >= from, area.support.map({ $0.lowerBound >= 0 }) ?? true else { return nil }
        return SimulationSpec.Discovery(name: name, region: region, type: type, status: status, terrain: terrain, density: density,
                                        areaPerYear: area.scaled(by: 1_000_000), fromYear: from, toYear: to)
    }
}
