import ClearanceModel
import ClearcastDomain
import EventSimulation

extension ScenarioReader {
    static let simulationFields = [
        "start_date", "horizon_years", "replications", "seed", "policy", "region_sequence", "calendar",
        "land_release", "teams", "accidents", "civilian_risk", "costs", "discovery",
    ]

    static func readSimulation(_ field: FieldReader, referenceDate: CivilDate?) -> SimulationSpec? {
        guard let map = field.mapping(allowed: simulationFields) else { return nil }
        let start = map.optional("start_date")?.date() ?? referenceDate
        guard let start else { return nil }
        var spec = SimulationSpec(startDate: start)
        if let v = map.optional("horizon_years")?.integer(in: 1...100, "a horizon in whole years") { spec.horizonYears = v }
        if let v = map.optional("replications")?.integer(in: 1...1_000_000, "a number of replications") { spec.replications = v }
        if let v = map.optional("seed")?.integer(in: 0...Int.max, "a seed") { spec.seed = UInt64(v) }
        let policy = map.optional("policy")?.choice(PolicyName.self) ?? .riskPriority
        let regions = map.optional("region_sequence")?.list()?.compactMap { $0.string() } ?? []
        if policy == .regionSequence, regions.isEmpty {
            (map.optional("policy") ?? field).fail("policy region_sequence needs a non-empty 'region_sequence' list of regions")
        }
        if policy != .regionSequence, let given = map.optional("region_sequence") {
            given.fail("is used only by policy region_sequence, but the policy is \(policy.rawValue); remove it or set policy: region_sequence")
        }
        spec.policy = policy.policy(regions: regions)
        if let calendar = map.optional("calendar").flatMap(readCalendar) { spec.calendar = calendar }
        if let release = map.optional("land_release")?.mapping(allowed: ["nts_cancel_share", "ts_reduce_share", "ts_speed_factor", "max_area_per_team_m2", "density_factors",
                                                                              "nts_cancel_share_by_type", "ts_reduce_share_by", "ts_sampled_share", "handover_days",
                                                                              "nts_cancel_share_by_evidence", "ts_reduce_share_by_evidence", "nts_cancel_rise_per_year"]) {
            if let field = release.optional("max_area_per_team_m2") {
                if case .scalar(let text, false, _) = field.node, text == "none" {
                    spec.maximumAreaPerTeam = nil
                } else if let v = field.positive("an area in m² (or none, for one team per area)") {
                    spec.maximumAreaPerTeam = v
                }
            }
            if let v = release.optional("ts_speed_factor")?.number(in: 1...100, "how many times faster TS covers ground than clearance") {
                spec.tsSpeedFactor = v
            }
            if let table = release.optional("density_factors")?.mapping(allowed: DensityClass.allCases.map(\.rawValue)) {
                for density in DensityClass.allCases {
                    if let v = table.optional(density.rawValue)?.number(in: 0.01...100, "a productivity multiplier for \(density.rawValue)-density areas") {
                        spec.densityFactors[density] = v
                    }
                }
            }
            if let d = release.optional("nts_cancel_share").flatMap({ readShare($0) }) { spec.ntsCancelShare = d }
            if let d = release.optional("ts_reduce_share").flatMap({ readShare($0) }) { spec.tsReduceShare = d }
            if let table = release.optional("nts_cancel_share_by_type")?.mapping(allowed: ContaminationType.allCases.map(\.rawValue)) {
                for type in ContaminationType.allCases {
                    if let d = table.optional(type.rawValue).flatMap({ readShare($0) }) { spec.ntsCancelShareByType[type] = d }
                }
            }
            if let table = release.optional("ts_reduce_share_by")?.mapping(allowed: shareClassKeys.map(\.description)) {
                for key in shareClassKeys {
                    if let d = table.optional(key.description).flatMap({ readShare($0) }) { spec.tsReduceShareByClass[key] = d }
                }
            }
            let strengths = EvidenceStrength.allCases.map(\.rawValue)
            if let table = release.optional("nts_cancel_share_by_evidence")?.mapping(allowed: strengths) {
                for e in EvidenceStrength.allCases {
                    if let d = table.optional(e.rawValue).flatMap({ readShare($0) }) { spec.ntsCancelShareByEvidence[e] = d }
                }
            }
            if let table = release.optional("ts_reduce_share_by_evidence")?.mapping(allowed: strengths) {
                for e in EvidenceStrength.allCases {
                    if let d = table.optional(e.rawValue).flatMap({ readShare($0) }) { spec.tsReduceShareByEvidence[e] = d }
                }
            }
            if let v = release.optional("nts_cancel_rise_per_year")?.number(in: 0...0.99, "the share of what NTS keeps that it cancels in addition per year since the last survey, in [0, 0.99]") {
                spec.ntsCancelRisePerYear = v
            }
            if let v = release.optional("handover_days")?.integer(in: 0...3_650, "days from the end of clearance to release (inspection, handover)") {
                spec.handoverDays = v
            }
            if let v = release.optional("ts_sampled_share")?.number(in: 0.001...1, "the share of an area technical survey works, in (0, 1]") {
                spec.tsSampledShare = v
            }
        }
        if let teamsField = map.required("teams", "a list of teams"), let list = teamsField.list() {
            if list.isEmpty { teamsField.fail("found an empty list, expected at least one team") }
            spec.teams = list.compactMap(readTeam)
            checkUniqueNames(list, what: "team group")
        }
        if let accidents = map.optional("accidents")?.mapping(allowed: ["rate_per_km2", "stand_down_days", "casualties_per_accident"]) {
            if let v = accidents.optional("rate_per_km2")?.nonNegative("accidents per km² cleared", maximum: 1_000) { spec.accidents.ratePerSquareKilometre = v }
            if let v = accidents.optional("stand_down_days")?.nonNegative("a stand-down in days", maximum: 3_650) { spec.accidents.standDownDays = v }
            if let v = accidents.optional("casualties_per_accident")?.nonNegative("casualties per accident", maximum: 100) {
                spec.accidents.casualtiesPerAccident = v
            }
        }
        if let list = map.optional("discovery")?.list() {
            checkUniqueNames(list, what: "discovery")
            spec.discoveries = list.compactMap(readDiscovery)
        }
        if let risk = map.optional("civilian_risk") { readCivilianRisk(risk, into: &spec.civilianRisk) }
        if let costs = map.optional("costs")?.mapping(allowed: ["currency", "per_team_day", "standby_share", "retraining_per_team", "budget_per_year"]) {
            let currency = costs.required("currency", "a currency code such as USD")?.string()
            var table: [TeamKind: Double] = [:]
            if let perDay = costs.required("per_team_day", "a cost per team-day for each team kind")?
                .mapping(allowed: TeamKind.scenarioNames) {
                for key in perDay.keys {
                    if let kind = TeamKind(scenarioName: key), let v = perDay.optional(key)?.nonNegative("a cost per team-day", maximum: 1e9) {
                        table[kind] = v
                    }
                }
            }
            if let currency {
                var money = SimulationSpec.Costs(currency: currency, perTeamDay: table)
                if let v = costs.optional("standby_share")?.number(in: 0...1, "the share of the rate an idle fielded team-day costs, in [0, 1]") {
                    money.standbyShare = v
                }
                if let perTeam = costs.optional("retraining_per_team")?.mapping(allowed: TeamKind.scenarioNames) {
                    for key in perTeam.keys {
                        if let kind = TeamKind(scenarioName: key), let v = perTeam.optional(key)?.nonNegative("a one-off retraining cost per team", maximum: 1e12) {
                            money.retrainingPerTeam[kind] = v
                        }
                    }
                }
                if let budget = costs.optional("budget_per_year") { money.budgetPerYear = readBudget(budget, startYear: start.year) }
                spec.costs = money
            }
        }
        return spec
    }

    /// Keys of `ts_reduce_share_by`: a type (AP), an evidence class (CHA) or both (AP/CHA).
    static let shareClassKeys: [LandReleaseParameters.ShareClass] =
        ContaminationType.allCases.map { .init(type: $0) } + HazardStatus.allCases.map { .init(status: $0) }
        + ContaminationType.allCases.flatMap { t in HazardStatus.allCases.map { .init(type: t, status: $0) } }

    /// `budget_per_year`: one amount for every year, or `{YEAR: amount}` from that year on.
    static func readBudget(_ field: FieldReader, startYear: Int) -> [Int: Double] {
        if case .mapping(let pairs, _) = field.node {
            var table: [Int: Double] = [:]
            for (key, value) in pairs {
                let entry = FieldReader(node: value, path: field.join(key), log: field.log)
                guard let year = Int(key), (1900...2200).contains(year) else {
                    entry.fail("found key '\(key)', expected a year such as 2025")
                    continue
                }
                if let v = entry.nonNegative("a budget for the year", maximum: 1e15) { table[year] = v }
            }
            return table
        }
        guard let v = field.nonNegative("a yearly budget, or a table {YEAR: budget}", maximum: 1e15) else { return [:] }
        return [startYear: v]
    }

    /// Items of a list that carry `name:` must have distinct names: variants and `--set` select
    /// items by name, so a repeated name would make that ambiguous.
    static func checkUniqueNames(_ items: [FieldReader], what: String) {
        var first: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let name = item.node.itemName else { continue }
            if let earlier = first[name] {
                item.fail("the \(what) name '\(name)' is also the name of item [\(earlier)]; expected a distinct name for each")
            } else {
                first[name] = index
            }
        }
    }

    /// A distribution whose values must lie in [0, 1] (a share of an area).
    static func readShare(_ field: FieldReader) -> Distribution? {
        guard let distribution = readDistribution(field) else { return nil }
        if let range = distribution.support, range.lowerBound < 0 || range.upperBound > 1 {
            field.fail("this distribution takes values outside [0, 1], expected a share (use beta, uniform or triangular within [0, 1], or a constant)")
            return nil
        }
        return distribution
    }

    // MARK: Calendar

    static func readCalendar(_ field: FieldReader) -> SimulationSpec.Calendar? {
        guard let map = field.mapping(allowed: ["working_days", "holidays", "weather_loss", "stoppages"]) else { return nil }
        var calendar = SimulationSpec.Calendar()
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        if let daysField = map.optional("working_days"), let list = daysField.list() {
            calendar.workingDays = Set(list.compactMap { item in item.choice(names).flatMap { names.firstIndex(of: $0) }.map { $0 + 1 } })
            if calendar.workingDays.isEmpty { daysField.fail("expected at least one working day") }
        }
        if let list = map.optional("holidays")?.list() {
            for item in list {
                guard let text = item.string() else { continue }
                if let date = CivilDate.parse(text) {
                    calendar.holidays.append(date)
                } else if let monthDay = monthDay(text) {
                    calendar.recurringHolidays.append(monthDay)
                } else {
                    item.fail("found '\(text)', expected a date YYYY-MM-DD or a yearly day \"MM-DD\" (quoted)")
                }
            }
        }
        if let v = map.optional("weather_loss")?.number(in: 0...0.95, "a share of working days lost") { calendar.weatherLoss = v }
        if let list = map.optional("stoppages")?.list() {
            checkUniqueNames(list, what: "stoppage")
            for item in list {
                guard let stop = item.mapping(allowed: ["name", "regions", "from", "to"]) else { continue }
                let name = stop.optional("name")?.string()
                let regions = stop.required("regions", "a list of region names")?.list()?.compactMap { $0.string() }
                let from = stop.required("from", "a day \"MM-DD\"").flatMap(readMonthDay)
                let to = stop.required("to", "a day \"MM-DD\"").flatMap(readMonthDay)
                if let regions, let from, let to {
                    calendar.stoppages.append(.init(name: name, regions: regions, from: from, to: to))
                }
            }
        }
        return calendar
    }

    static func readMonthDay(_ field: FieldReader) -> SimulationSpec.MonthDay? {
        guard let text = field.string() else { return nil }
        guard let value = monthDay(text) else {
            field.fail("found '\(text)', expected a day of the year written \"MM-DD\" (quoted), e.g. \"12-01\"")
            return nil
        }
        return value
    }

    static func monthDay(_ text: String) -> SimulationSpec.MonthDay? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let m = Int(parts[0]), let d = Int(parts[1]),
              CivilDate.valid(year: 2000, month: m, day: d) != nil else { return nil }
        return .init(month: m, day: d)
    }
}
