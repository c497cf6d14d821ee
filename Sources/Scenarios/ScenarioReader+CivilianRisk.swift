import ClearanceModel
import ClearcastDomain
import RiskModel

extension ScenarioReader {
    static let civilianRiskFields = [
        "incidents_per_year", "casualties_per_incident", "hazard_by_type", "hazard_by_density", "hazard_by_status",
        "background_people", "reach_m", "return_schedule", "marking_effect", "confirmed_marked_at_start", "risk_education",
        "land_use_exposure",
    ]

    /// `simulation.civilian_risk`: the calibration and the exposure model (docs/scenario-format.md,
    /// "Civilian risk").
    static func readCivilianRisk(_ field: FieldReader, into spec: inout SimulationSpec.CivilianRisk) {
        guard let risk = field.mapping(allowed: civilianRiskFields) else { return }
        if let v = risk.optional("incidents_per_year")?.nonNegative("civilian incidents per year", maximum: 1_000_000) { spec.incidentsPerYear = v }
        if let v = risk.optional("casualties_per_incident")?.nonNegative("casualties per incident", maximum: 100) {
            spec.casualtiesPerIncident = v
        }
        let factor = "a relative hazard per m² (1 = as the others)"
        if let table = risk.optional("hazard_by_type")?.mapping(allowed: ContaminationType.allCases.map(\.rawValue)) {
            for type in ContaminationType.allCases {
                if let v = table.optional(type.rawValue)?.nonNegative(factor, maximum: 1_000_000) { spec.hazardByType[type] = v }
            }
        }
        if let table = risk.optional("hazard_by_density")?.mapping(allowed: DensityClass.allCases.map(\.rawValue)) {
            for density in DensityClass.allCases {
                if let v = table.optional(density.rawValue)?.nonNegative(factor, maximum: 1_000_000) { spec.hazardByDensity[density] = v }
            }
        }
        if let table = risk.optional("hazard_by_status")?.mapping(allowed: HazardStatus.allCases.map(\.rawValue)) {
            for status in HazardStatus.allCases {
                if let v = table.optional(status.rawValue)?.nonNegative(factor, maximum: 1_000_000) { spec.hazardByStatus[status] = v }
            }
        }
        if let v = risk.optional("background_people")?.nonNegative("people exposed near every hazard area whatever the returns", maximum: 1e9) {
            spec.backgroundPeople = v
        }
        if let v = risk.optional("reach_m")?.positive("a distance in metres (the decay of a settlement's exposure)", maximum: 1e6) {
            spec.reachMetres = v
        }
        if let table = risk.optional("land_use_exposure")?.mapping(allowed: LandUseClass.allCases.map(\.rawValue)) {
            for landUse in LandUseClass.allCases {
                if let v = table.optional(landUse.rawValue)?.nonNegative("an exposure multiplier for land of this use (1 = as land without a land-use polygon)", maximum: 1_000) {
                    spec.landUseExposure[landUse] = v
                }
            }
        }
        if let field = risk.optional("return_schedule") { spec.returnSchedule = readReturnSchedule(field) }
        if let v = risk.optional("marking_effect")?.number(in: 0...1, "the share of an area's risk removed once it is surveyed and marked") {
            spec.markingEffect = v
        }
        if let v = risk.optional("confirmed_marked_at_start")?.bool() { spec.confirmedMarkedAtStart = v }
        if let field = risk.optional("risk_education"),
           let map = field.mapping(allowed: ["effect", "half_life_years", "first", "every_years"]) {
            let effect = map.required("effect", "the share of risk removed right after a campaign, in [0, 1]")?
                .number(in: 0...1, "the share of risk removed right after a campaign")
            let half = map.required("half_life_years", "the years after which half the effect is gone")?
                .number(in: 0.01...100, "the years after which half the effect is gone")
            let first = map.required("first", "the date of the first campaign (YYYY-MM-DD)")?.date()
            let every = map.optional("every_years")?.number(in: 0.05...100, "years between campaigns")
            if let effect, let half, let first {
                spec.riskEducation = .init(effect: effect, halfLifeYears: half, first: first, everyYears: every)
            }
        }
    }

    /// `{YYYY-MM-DD: share, ...}` in increasing date order, shares in [0, 1].
    static func readReturnSchedule(_ field: FieldReader) -> [CivilianRiskModel.ReturnPoint] {
        guard case .mapping(let pairs, _) = field.node else {
            field.expected("a table {YYYY-MM-DD: share back by then}")
            return []
        }
        var points: [CivilianRiskModel.ReturnPoint] = []
        for (key, value) in pairs {
            let entry = FieldReader(node: value, path: field.join(key), log: field.log)
            guard let date = try? CivilDate(iso: key) else {
                entry.fail("found key '\(key)', expected a date written YYYY-MM-DD")
                continue
            }
            guard let share = entry.number(in: 0...1, "the share of the expected returnees back by then") else { continue }
            if let last = points.last, last.date >= date {
                entry.fail("dates must increase; \(key) is not after \(last.date)")
                continue
            }
            points.append(.init(date: date, share: share))
        }
        return points
    }
}
