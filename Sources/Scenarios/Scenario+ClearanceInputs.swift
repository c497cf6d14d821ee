import ClearanceModel
import ClearcastDomain
import EventSimulation
import Foundation
import RiskModel

extension Scenario {
    /// The clearance model of this scenario: its hazard areas as tasks (with the risk ranking's benefit
    /// per m² and rank), its teams, calendar, land-release shares, accidents and civilian risk.
    ///
    /// - Parameter ranking: the hazard ranking of the scoring run, used by the risk-priority policy
    ///   only (civilian risk comes from the exposure model, never from the score: see
    ///   ``returnees(near:settlements:reach:)``); hazards missing from it get benefit 0.
    /// - Throws: `ScenarioError` when the scenario has no `simulation:` section or the model is invalid
    ///   (each problem with its field path).
    public func clearanceModel(layers: ScenarioLayers, ranking: [HazardRankEntry]) throws -> ClearanceModel {
        guard let spec = simulation else {
            throw ScenarioError(file: file.path, path: "simulation", message: "missing; expected a simulation section with teams to forecast clearance")
        }
        let start = spec.startDate
        let byID = Dictionary(ranking.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reach = spec.civilianRisk.reachMetres ?? scoring.pressureDecayMetres
        let landUseExposure = try landUseExposure(spec.civilianRisk.landUseExposure, layers: layers)
        let tasks = layers.hazards.map { hazard -> HazardArea in
            let entry = byID[hazard.footprint.id]
            var area = HazardArea(
                id: hazard.footprint.id, name: hazard.footprint.name ?? "", area: hazard.footprint.areaSquareMetres,
                contamination: hazard.footprint.type,
                density: hazard.density,
                status: hazard.footprint.status,
                terrain: hazard.terrain, region: hazard.region, x: hazard.centerX, y: hazard.centerY,
                priorityBenefit: entry?.benefitPerSquareMetre ?? 0, rank: entry?.rank ?? 0,
                civilianExposure: landUseExposure?(hazard.footprint.cells) ?? 1,
                returnees: Self.returnees(near: (hazard.centerX, hazard.centerY), settlements: layers.settlements, reach: reach))
            area.evidence = hazard.evidence
            area.lastSurvey = hazard.lastSurvey
            return area
        }
        try checkRegionNames(spec, known: Set(layers.hazards.map(\.region)))
        try checkTeamBases(spec)
        let centre = (x: (grid.minX + grid.maxX) / 2, y: (grid.minY + grid.maxY) / 2)
        let hasBattleAreaTeams = spec.teams.contains { $0.kind == .bac && $0.count > 0 }
        let teams = spec.teams.enumerated().map { index, team in
            teamGroup(team, index: index, spec: spec, centre: centre, battleAreaTeamsExist: hasBattleAreaTeams)
        }
        var model = ClearanceModel(
            startDate: start, horizonYears: spec.horizonYears, tasks: tasks, teams: teams,
            calendar: workCalendar(spec),
            landRelease: landRelease(spec),
            accidents: AccidentModel(ratePerSquareMetre: spec.accidents.ratePerSquareKilometre / 1_000_000,
                                     standDownDays: Int(spec.accidents.standDownDays.rounded()),
                                     casualtiesPerAccident: .constant(spec.accidents.casualtiesPerAccident)),
            civilianRisk: civilianRiskModel(spec.civilianRisk),
            policy: spec.policy,
            costs: spec.costs.map { TeamCosts(perTeamDay: $0.perTeamDay, standbyShare: $0.standbyShare,
                                              retrainingPerTeam: $0.retrainingPerTeam, budgetPerYear: $0.budgetPerYear) })
        model.discoveries = spec.discoveries.map {
            DiscoveryRule(region: $0.region, contamination: $0.type, status: $0.status, terrain: $0.terrain, density: $0.density,
                          areaPerYear: $0.areaPerYear, fromYear: $0.fromYear, toYear: $0.toYear)
        }
        try checkCostsAndRetraining(spec, teams: teams)
        do {
            try model.validate()
        } catch let error as ClearanceModelError {
            throw ScenarioError(file: file.path, path: "simulation", message: error.description)
        }
        return model
    }

    /// The exposure multiplier of an area from `land_use_exposure`: the mean over its cells of the
    /// factor of the land use there (the largest where polygons overlap; 1 where none lies), so a
    /// hazard half on pasture with factor 3 gets 2. Nil when the table is empty.
    ///
    /// - Throws: `ScenarioError` when the table is given but the scenario has no land-use layer.
    /// - Complexity: O(land-use cells) once, then O(cells) per area.
    func landUseExposure(_ table: [LandUseClass: Double], layers: ScenarioLayers) throws -> (([Int]) -> Double)? {
        guard !table.isEmpty else { return nil }
        guard let features = layers.landUse else {
            throw ScenarioError(file: file.path, path: "simulation.civilian_risk.land_use_exposure",
                                message: "needs layers.land_use (the polygons whose class sets each area's exposure); add the layer or drop the table")
        }
        var factor: [Int: Double] = [:]
        for feature in features {
            let f = table[feature.landUse] ?? 1
            for cell in feature.cells { factor[cell] = max(factor[cell] ?? 0, f) }
        }
        return { cells in cells.isEmpty ? 1 : cells.reduce(0.0) { $0 + (factor[$1] ?? 1) } / Double(cells.count) }
    }

    /// People expected back near a point: `Σ_s displaced_s × returnShare_s × exp(−d_s² / (2σ²))`
    /// over the settlements, with σ the exposure's reach (the return-pressure layer's formula, at
    /// the area's centre).
    ///
    /// - Complexity: O(settlements).
    static func returnees(near p: (x: Double, y: Double), settlements: [Settlement], reach: Double) -> Double {
        let twoSigmaSquared = 2 * reach * reach
        return settlements.reduce(0.0) { sum, s in
            let dx = s.x - p.x, dy = s.y - p.y
            return sum + s.expectedReturnees * exp(-(dx * dx + dy * dy) / twoSigmaSquared)
        }
    }

    private func civilianRiskModel(_ r: SimulationSpec.CivilianRisk) -> CivilianRiskModel {
        var model = CivilianRiskModel(incidentsPerYear: r.incidentsPerYear, casualtiesPerIncident: r.casualtiesPerIncident)
        model.hazardByType = r.hazardByType
        model.hazardByDensity = r.hazardByDensity
        model.hazardByStatus = r.hazardByStatus
        model.backgroundExposure = r.backgroundPeople
        model.returnSchedule = r.returnSchedule
        model.markingEffect = r.markingEffect
        model.confirmedMarkedAtStart = r.confirmedMarkedAtStart
        model.riskEducation = r.riskEducation
        return model
    }

    private func teamGroup(_ team: SimulationSpec.Team, index: Int, spec: SimulationSpec,
                           centre: (x: Double, y: Double), battleAreaTeamsExist: Bool) -> TeamGroup {
        let start = spec.startDate
        // Productivity by contamination class, each scaled per terrain by the team's terrain factors.
        var productivity: [String: [String: Distribution]] = [:]
        for (key, distribution) in team.productivity {
            let type = key == "default" ? "*" : key
            var byTerrain: [String: Distribution] = ["*": distribution]
            for (terrain, factor) in team.terrainFactors { byTerrain[terrain] = distribution.scaled(by: factor) }
            productivity[type] = byTerrain
        }
        // Battle-area teams survey and clear their own (UXO) areas unless the file says otherwise.
        var steps = team.steps.map(Set.init)
        var types = team.types.map(Set.init)
        // Mine teams leave UXO-only areas to them when there are any, rather than grabbing a battle
        // area the specialists would release several times faster.
        if team.kind == .bac {
            steps = steps ?? [.technicalSurvey, .battleAreaClearance]
            types = types ?? [.unexplodedOrdnance]
        } else if battleAreaTeamsExist, team.kind != .survey, types == nil {
            types = [.antiPersonnel, .antiVehicle, .clusterMunition]
        }
        let plan = team.capacityPlan.sorted { $0.key < $1.key }.compactMap { year, count -> CapacityChange? in
            guard let date = CivilDate.valid(year: year, month: 1, day: 1) else { return nil }
            return CapacityChange(when: .day(max(0, date.daysSinceEpoch - start.daysSinceEpoch)), count: count)
        }
        return TeamGroup(
            id: team.name ?? "\(team.kind.rawValue)-\(index + 1)", kind: team.kind,
            count: team.count, steps: steps, contaminationTypes: types, productivity: productivity,
            stepSpeedFactors: [.technicalSurvey: spec.tsSpeedFactor],
            baseX: team.base?.x ?? centre.x, baseY: team.base?.y ?? centre.y, travelSpeedKmPerDay: team.travelKmPerDay,
            mobilisationDays: Int(team.mobilisationDays.rounded()),
            availableFromDay: max(0, (team.availableFrom?.daysSinceEpoch ?? start.daysSinceEpoch) - start.daysSinceEpoch),
            availableUntilDay: team.availableTo.map { max(0, $0.daysSinceEpoch + 1 - start.daysSinceEpoch) },
            capacityPlan: plan)
            .with(procurementDays: team.procurementDays,
                  rampUp: team.rampUp.map { TeamGroup.RampUp(days: $0.days, initialShare: $0.initialShare) },
                  retraining: team.retrainTo.map { TeamGroup.Retraining(targetGroup: $0.team, days: $0.days) })
    }

    private func landRelease(_ spec: SimulationSpec) -> LandReleaseParameters {
        var release = LandReleaseParameters(nonTechnicalSurveyCancelShare: spec.ntsCancelShare,
                                            technicalSurveyReduceShare: spec.tsReduceShare,
                                            densityProductivityFactors: spec.densityFactors,
                                            maximumAreaPerTeam: spec.maximumAreaPerTeam)
        release.nonTechnicalSurveyCancelShareByType = spec.ntsCancelShareByType
        release.technicalSurveyReduceShareByClass = spec.tsReduceShareByClass
        release.technicalSurveySampledShare = spec.tsSampledShare
        release.handoverDays = spec.handoverDays
        release.nonTechnicalSurveyCancelShareByEvidence = spec.ntsCancelShareByEvidence
        release.technicalSurveyReduceShareByEvidence = spec.tsReduceShareByEvidence
        release.cancelShareRisePerYear = spec.ntsCancelRisePerYear
        return release
    }

    /// With `costs:`, every kind the scenario fields needs a rate (a missing one used to cost
    /// nothing, silently); `retrain_to` must name another team group of the scenario.
    func checkCostsAndRetraining(_ spec: SimulationSpec, teams: [TeamGroup]) throws {
        var issues: [ScenarioIssue] = []
        let names = spec.teams.compactMap(\.name)
        for (i, team) in spec.teams.enumerated() {
            let fielded = team.count > 0 || team.capacityPlan.values.contains { $0 > 0 }
            if let costs = spec.costs, fielded, costs.perTeamDay[team.kind] == nil {
                issues.append(ScenarioIssue(file: file.path, path: "simulation.costs.per_team_day", line: nil,
                                            message: "has no cost for kind \(team.kind.rawValue), which simulation.teams[\(i)]\(team.name.map { " (\($0))" } ?? "") fields; expected a cost per team-day for every kind fielded (0 if it costs nothing)"))
            }
            guard let rule = team.retrainTo else { continue }
            if rule.team == team.name || !names.contains(rule.team) {
                var message = "found '\(rule.team)', expected the name of another team group (one of \(names.filter { $0 != team.name }.joined(separator: ", ")))"
                if let guess = Spelling.closest(to: rule.team, among: names.filter { $0 != team.name }) { message += "; did you mean '\(guess)'?" }
                issues.append(ScenarioIssue(file: file.path, path: "simulation.teams[\(i)].retrain_to.team", line: nil, message: message))
            } else if let costs = spec.costs, let target = spec.teams.first(where: { $0.name == rule.team }), costs.perTeamDay[target.kind] == nil {
                issues.append(ScenarioIssue(file: file.path, path: "simulation.costs.per_team_day", line: nil,
                                            message: "has no cost for kind \(target.kind.rawValue), which teams retrain into (simulation.teams[\(i)].retrain_to); expected one"))
            }
        }
        guard issues.isEmpty else { throw ScenarioError(issues: issues) }
    }

    /// Recurring holidays ("MM-DD") become dates in every year of the horizon.
    private func workCalendar(_ spec: SimulationSpec) -> WorkCalendar {
        let startYear = spec.startDate.year
        var holidays = spec.calendar.holidays
        for year in startYear...(startYear + spec.horizonYears) {
            for day in spec.calendar.recurringHolidays {
                if let date = CivilDate.valid(year: year, month: day.month, day: day.day) {
                    holidays.append(date)
                }
            }
        }
        let stoppages = spec.calendar.stoppages.map {
            SeasonalStoppage(regions: $0.regions, start: .init(month: $0.from.month, day: $0.from.day),
                             end: .init(month: $0.to.month, day: $0.to.day))
        }
        return WorkCalendar(workingWeekdays: spec.calendar.workingDays, holidays: holidays.sorted(),
                            seasonalStoppages: stoppages,
                            weatherLoss: spec.calendar.weatherLoss > 0 ? .bernoulli(spec.calendar.weatherLoss) : .none)
    }

    /// Region names in stoppages and `region_sequence` must be regions of the hazard layer: a typo
    /// (`Nort`) would otherwise make a winter stoppage or a sequence silently apply to nothing.
    func checkRegionNames(_ spec: SimulationSpec, known: Set<String>) throws {
        var issues: [ScenarioIssue] = []
        let listed = known.filter { !$0.isEmpty }.sorted()
        func check(_ name: String, path: String) {
            guard !known.contains(name) else { return }
            var message = "found region '\(name)', which no hazard area has; expected one of \(listed.isEmpty ? "(the hazard layer has no regions)" : listed.joined(separator: ", "))"
            if let guess = Spelling.closest(to: name, among: listed) { message += "; did you mean '\(guess)'?" }
            issues.append(ScenarioIssue(file: file.path, path: path, line: nil, message: message))
        }
        for (i, stoppage) in spec.calendar.stoppages.enumerated() {
            for name in stoppage.regions { check(name, path: "simulation.calendar.stoppages[\(i)].regions") }
        }
        if case .regionSequence(let names) = spec.policy {
            for name in names { check(name, path: "simulation.region_sequence") }
        }
        for (i, d) in spec.discoveries.enumerated() { check(d.region, path: "simulation.discovery[\(i)].region") }
        guard issues.isEmpty else { throw ScenarioError(issues: issues) }
    }

    /// A team base is in grid metres; a base far from the grid (more than the grid's own size away)
    /// is a mistake, most often longitude and latitude written in a projected scenario, and would
    /// make every trip take months.
    func checkTeamBases(_ spec: SimulationSpec) throws {
        let span = max(grid.maxX - grid.minX, grid.maxY - grid.minY)
        for (i, team) in spec.teams.enumerated() {
            guard let base = team.base else { continue }
            let dx = max(grid.minX - base.x, 0, base.x - grid.maxX), dy = max(grid.minY - base.y, 0, base.y - grid.maxY)
            guard (dx * dx + dy * dy).squareRoot() > span else { continue }
            let degrees = abs(base.x) <= 180 && abs(base.y) <= 90
            throw ScenarioError(file: file.path, path: "simulation.teams[\(i)].base", message: String(
                format: "found [%@, %@], %@; expected metres in the grid CRS (EPSG:%d), near the grid [%.0f, %.0f, %.0f, %.0f]",
                FieldReader.format(base.x), FieldReader.format(base.y),
                degrees ? "which looks like longitude and latitude" : "which is far outside the grid",
                grid.epsg, grid.minX, grid.minY, grid.maxX, grid.maxY))
        }
    }
}
