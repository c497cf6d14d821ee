import ClearanceModel
import ClearcastDomain
import EventSimulation

extension ScenarioReader {
    static let teamFields = [
        "name", "kind", "count", "steps", "types", "productivity", "terrain_factors", "base", "travel_km_per_day",
        "mobilisation_days", "available", "capacity_plan", "procurement_days", "ramp_up", "retrain_to",
    ]

    static func readTeam(_ field: FieldReader) -> SimulationSpec.Team? {
        guard let map = field.mapping(allowed: teamFields) else { return nil }
        typealias Team = SimulationSpec.Team
        let name = map.optional("name")?.string()
        let kind = map.required("kind", "a team kind")?.choice(TeamKind.self)
        let count = map.required("count", "a number of teams")?.integer(in: 0...100_000, "a number of teams")
        var steps: [LandReleaseStep]?
        if let list = map.optional("steps")?.list() { steps = list.compactMap { $0.choice(LandReleaseStep.self) } }
        var types: [ContaminationType]?
        if let list = map.optional("types")?.list() { types = list.compactMap { $0.choice(ContaminationType.self) } }
        var productivity: [String: Distribution] = [:]
        if let prodField = map.required("productivity", "m² per team-day: a number, a distribution, or a table by contamination type") {
            if case .mapping(let pairs, _) = prodField.node, !pairs.contains(where: { $0.key == "dist" }) {
                if let table = prodField.mapping(allowed: ["default", "AP", "AV", "CM", "UXO"]) {
                    for key in table.keys {
                        if let d = table.optional(key).flatMap(readPositiveDistribution) { productivity[key] = d }
                    }
                    if table.optional("default") == nil {
                        prodField.fail("expected a 'default' productivity (used for contamination types not listed)")
                    }
                }
            } else if let d = readPositiveDistribution(prodField) {
                productivity["default"] = d
            }
        }
        var factors: [String: Double] = [:]
        if let table = map.optional("terrain_factors")?.mapping(allowed: ["open", "vegetated", "mountain", "urban"]) {
            for key in table.keys { if let v = table.optional(key)?.positive("a productivity multiplier", maximum: 1_000) { factors[key] = v } }
        }
        var base: (x: Double, y: Double)?
        if let baseField = map.optional("base"), let items = baseField.list() {
            let values = items.compactMap { $0.number() }
            if values.count == 2 && items.count == 2 { base = (values[0], values[1]) } else if items.count != 2 {
                baseField.fail("found \(items.count) numbers, expected [x, y] in the grid CRS")
            }
        }
        let travel = map.optional("travel_km_per_day")?.positive("a travel speed in km per day", maximum: 5_000) ?? 200
        let mobilisation = map.optional("mobilisation_days")?.nonNegative("a mobilisation time in days", maximum: 3_650) ?? 1
        var from: CivilDate?, to: CivilDate?
        if let window = map.optional("available")?.mapping(allowed: ["from", "to"]) {
            from = window.optional("from")?.date()
            to = window.optional("to")?.date()
            if let from, let to, to < from { window.optional("to")?.fail("found \(to), expected a date on or after 'from' (\(from))") }
        }
        var plan: [Int: Int] = [:]
        if let planField = map.optional("capacity_plan"), case .mapping(let pairs, _) = planField.node {
            for (key, value) in pairs {
                let entry = FieldReader(node: value, path: planField.join(key), log: field.log)
                guard let year = Int(key), (1900...2200).contains(year) else {
                    entry.fail("found key '\(key)', expected a year such as 2025")
                    continue
                }
                if let n = entry.integer(in: 0...100_000, "a number of teams") { plan[year] = n }
            }
        } else if let planField = map.optional("capacity_plan") {
            planField.expected("a mapping from year to team count, e.g. {2021: 40, 2023: 80}")
        }
        let procurement = map.optional("procurement_days")?.integer(in: 0...3_650, "a procurement time in days") ?? 0
        var ramp: (days: Int, initialShare: Double)?
        if let rampMap = map.optional("ramp_up")?.mapping(allowed: ["days", "initial_share"]),
           let days = rampMap.required("days", "the days until a new team reaches full productivity")?.integer(in: 0...3_650, "a number of days"),
           let share = rampMap.required("initial_share", "the share of full productivity a new team starts at")?.number(in: 0.01...1, "a share in (0, 1]") {
            ramp = (days, share)
        }
        var retrain: (team: String, days: Int)?
        if let retrainMap = map.optional("retrain_to")?.mapping(allowed: ["team", "days"]),
           let target = retrainMap.required("team", "the name of the team group these teams retrain into")?.string(),
           let days = retrainMap.required("days", "how long retraining takes, in days")?.integer(in: 0...3_650, "a number of days") {
            retrain = (target, days)
        }
        guard let kind, let count, !productivity.isEmpty || map.optional("productivity") == nil else { return nil }
        var team = Team(name: name, kind: kind, count: count, steps: steps, types: types, productivity: productivity, terrainFactors: factors,
                        base: base, travelKmPerDay: travel, mobilisationDays: mobilisation,
                        availableFrom: from, availableTo: to, capacityPlan: plan)
        team.procurementDays = procurement
        team.rampUp = ramp
        team.retrainTo = retrain
        return team
    }

    /// A productivity: a distribution that never yields a negative value.
    static func readPositiveDistribution(_ field: FieldReader) -> Distribution? {
        guard let distribution = readDistribution(field) else { return nil }
        if let range = distribution.support, range.lowerBound < 0 {
            field.fail("this distribution can take negative values, expected a productivity (m² per team-day ≥ 0): use lognormal, gamma or triangular")
            return nil
        }
        if distribution.mean <= 0 {
            field.fail("the mean productivity is \(distribution.mean), expected more than 0 m² per team-day")
            return nil
        }
        return distribution
    }
}
