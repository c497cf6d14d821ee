import _TestSupport
import ClearanceModel
import EventSimulation
import Foundation
@testable import Reporting
import Scenarios

// MARK: - Fixtures

/// Realistic results built in Swift (the CLI does not produce them yet), plus edge cases.
enum ResultFixtures {
    static let hostileName = "<script>alert(\"x\")</script> & Co | A|B"

    /// A scenario reference whose per-file list (scenario, a base, a Shapefile layer with a side
    /// file) combines to its content hash.
    static func scenarioRef(name: String, file: String, overrides: [String]? = nil) -> Provenance.ScenarioRef {
        let digit = { (n: Int) in String(repeating: String(n, radix: 16) + "a", count: 32) }
        let digests: [Scenario.FileDigest] = [
            .init(path: (file as NSString).lastPathComponent, role: .scenario, sha256: digit(1)),
            .init(path: "../base.yaml", role: .extends, sha256: digit(2)),
            .init(path: "layers/hazards.shp", role: .layer, sha256: digit(3)),
            .init(path: "layers/hazards.dbf", role: .sideFile, sha256: digit(4)),
        ]
        return .init(name: name, file: file, contentHash: try! Scenario.combinedHash(of: digests),
                     files: digests.map { .init(path: $0.path, role: $0.role.rawValue, sha256: $0.sha256) }, overrides: overrides)
    }

    static func provenance(command: String, name: String = "North district 2026", full: Bool = true) -> Provenance {
        Provenance(version: "0.1.0", command: command,
                   scenarios: [scenarioRef(name: name, file: "scenarios/north.yaml",
                                           overrides: full ? ["simulation.teams[name=mechanical].count=*2"] : nil)],
                   seed: full ? 18_446_744_073_709_551_615 : nil, replications: full ? 500 : nil, threads: 2,
                   blas: .init(core: "Haswell", threads: 2, advisory: full ? "OpenBLAS runs a slower kernel" : nil),
                   runDate: full ? "2026-11-27T03:00:00Z" : nil)
    }

    /// `days` after `start` (YYYY-MM-DD), in the proleptic Gregorian calendar, UTC.
    static func date(_ start: String, plus days: Double) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = start.split(separator: "-").compactMap { Int($0) }
        let origin = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        let moved = calendar.date(byAdding: .day, value: Int(days.rounded(.down)), to: origin)!
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func quantiles(_ center: Double, spread: Double) -> Quantiles {
        Quantiles(mean: center + spread / 10, p10: max(0, center - spread), p50: center, p90: center + spread)
    }

    static func dateQuantiles(start: String, p10: Double?, p50: Double?, p90: Double?, finished: Double) -> DateQuantiles {
        DateQuantiles(p10Days: p10, p50Days: p50, p90Days: p90, meanDays: p50.map { $0 + 12.5 },
                      p10Date: p10.map { date(start, plus: $0) }, p50Date: p50.map { date(start, plus: $0) },
                      p90Date: p90.map { date(start, plus: $0) }, finishedShare: finished)
    }

    // MARK: Simulation

    /// Ten years from 1 March 2026 with UXO, AP and AV classes; AV does not reach its P50 in the
    /// horizon. `years` calendar years are given (2026 from 1 March, partial; then whole years; the
    /// eleventh, 2036, runs to the horizon's end on 28 February).
    static func simulation(seed: UInt64 = 42, name: String = "North district 2026", years: Int = 10,
                           zeroCancelledIn year: Int? = nil) -> SimulationResult {
        var random = SeededGenerator(seed: seed)
        let start = "2026-03-01"
        let initial: [String: Double] = ["UXO": 600_000, "AP": 2_600_000, "AV": 1_000_000]
        var remaining = initial.values.reduce(0, +)
        var byType = initial
        var yearly: [SimulationResult.YearSummary] = []
        for offset in 0..<years {
            let released = remaining * Double.random(in: 0.15...0.35, using: &random)
            remaining -= released
            var typeQuantiles: [String: Quantiles] = [:]
            for code in byType.keys.sorted() {
                byType[code, default: 0] *= remaining / (remaining + released)
                typeQuantiles[code] = quantiles(byType[code]!, spread: byType[code]! * 0.2)
            }
            let cancelled = (2026 + offset == year) ? 0 : released * 0.5
            let last = offset == 10 ? "2036-02-29" : "\(2026 + offset)-12-31", first = offset == 0 ? start : "\(2026 + offset)-01-01"
            let days = offset == 0 ? 306 : offset == 10 ? 60 : (2026 + offset) % 4 == 0 ? 366 : 365
            yearly.append(.init(year: 2026 + offset, firstDate: first, lastDate: last, days: days, partial: offset == 0 || offset == 10,
                                cancelled: quantiles(cancelled, spread: cancelled * 0.1),
                                reduced: quantiles(released * 0.3, spread: released * 0.05),
                                cleared: quantiles(released * 0.2, spread: released * 0.04),
                                battleAreaCleared: quantiles(released * 0.05, spread: released * 0.01),
                                cost: quantiles(1_200_000, spread: 100_000),
                                remaining: quantiles(remaining, spread: remaining * 0.15), remainingByType: typeQuantiles,
                                releasedByType: typeQuantiles.mapValues { quantiles($0.mean * 0.2, spread: $0.mean * 0.05) },
                                civilianCasualties: quantiles(Double(days) / 365 * (12 - Double(offset)), spread: 1),
                                deminerCasualties: quantiles(0.6, spread: 0.4)))
        }
        let overall = Double.random(in: 1500...2500, using: &random)
        let completion = SimulationResult.Completion(
            overall: dateQuantiles(start: start, p10: overall - 300, p50: overall, p90: overall + 400, finished: 0.97),
            byType: ["UXO": dateQuantiles(start: start, p10: 300, p50: 420, p90: 560, finished: 1),
                     "AP": dateQuantiles(start: start, p10: overall - 350, p50: overall - 20, p90: overall + 380, finished: 0.95),
                     "AV": dateQuantiles(start: start, p10: 3000, p50: nil, p90: nil, finished: 0.3)],
            byRegion: ["North": dateQuantiles(start: start, p10: 800, p50: 1000, p90: 1300, finished: 1)])
        return SimulationResult(
            provenance: provenance(command: "simulate", name: name), scenario: name, startDate: start, horizonYears: 10,
            replications: 500, policy: "priority-first", completion: completion,
            initialArea: .init(total: initial.values.reduce(0, +), byType: initial), yearly: yearly,
            casualties: .init(civilianExpected: quantiles(12.4, spread: 3), civilianWithoutClearance: 40.2,
                              civilianAverted: quantiles(27.8, spread: 3), deminers: quantiles(0.4, spread: 0.4),
                              accidents: quantiles(1, spread: 1)),
            utilisation: ["manual": Double.random(in: 0.5...0.9, using: &random), "mechanical": 0.61],
            teamYears: quantiles(58, spread: 6),
            cost: .init(currency: "USD", total: quantiles(12_500_000, spread: 1_000_000), toCompletion: quantiles(11_000_000, spread: 900_000),
                        completedShare: 0.97, perSquareMetre: ["cancelled": 0.02, "reduced": 0.4, "cleared": 2.1, "battleAreaCleared": 0.3],
                        overheadShare: 0.18),
            teamsStoodDown: 3.5, teamsRetrained: 1,
            eventsSimulated: 1_234_567, unfinishedReplications: 15,
            warnings: ["2 teams idle in 2031 & 2032 <no tasks>"],
            tasks: [.init(id: "HA-001", release: dateQuantiles(start: start, p10: 30, p50: 60, p90: 90, finished: 1)),
                    .init(id: "HA-002", release: dateQuantiles(start: start, p10: nil, p50: nil, p90: nil, finished: 0))])
    }

    /// ``simulation(seed:name:years:zeroCancelledIn:)`` with discovery rules: land found each year
    /// and one discovered area released, one not.
    static func simulationWithDiscoveries() -> SimulationResult {
        var result = simulation(seed: 5, name: "North district with discovery")
        for y in result.yearly.indices { result.yearly[y].discovered = quantiles(150_000, spread: 50_000) }
        result.discoveries = [
            .init(id: "discovered-1-2027", region: "North", type: "AP", status: "SHA", year: 2027, foundDate: "2027-07-01",
                  meanArea: 150_000, release: dateQuantiles(start: "2026-03-01", p10: 600, p50: 700, p90: 900, finished: 1)),
            .init(id: "discovered-1-2035", region: "North", type: "AP", status: "SHA", year: 2035, foundDate: "2035-07-01",
                  meanArea: 140_000, release: dateQuantiles(start: "2026-03-01", p10: nil, p50: nil, p90: nil, finished: 0)),
        ]
        return result
    }

    /// Nothing finished, no years, no cost, no warnings: every optional absent.
    static func emptySimulation() -> SimulationResult {
        let none = DateQuantiles(p10Days: nil, p50Days: nil, p90Days: nil, meanDays: nil, p10Date: nil, p50Date: nil,
                                 p90Date: nil, finishedShare: 0)
        let zero = Quantiles(mean: 0, p10: 0, p50: 0, p90: 0)
        return SimulationResult(
            provenance: provenance(command: "simulate", full: false), scenario: "empty", startDate: "2026-01-01",
            horizonYears: 0.5, replications: 1, policy: "fifo",
            completion: .init(overall: none, byType: [:], byRegion: [:]), initialArea: .init(total: 0, byType: [:]), yearly: [],
            casualties: .init(civilianExpected: zero, civilianWithoutClearance: 0, civilianAverted: zero, deminers: zero,
                              accidents: zero),
            utilisation: [:], teamYears: zero, cost: nil, eventsSimulated: 0, unfinishedReplications: 1, warnings: [],
            tasks: [])
    }

    // MARK: Score

    static let factors = ["incidents", "contamination", "landValue", "returnPressure"]

    static func score(seed: UInt64 = 7, hazards count: Int = 30, validation: Bool = true, ahp: Bool = true,
                      name: String = "North district 2026") -> ScoreResult {
        var random = SeededGenerator(seed: seed)
        let rawWeights = factors.map { _ in Double.random(in: 0.1...1, using: &random) }
        let weights = rawWeights.map { $0 / rawWeights.reduce(0, +) }
        let grid = ScoreResult.GridSummary(epsg: 32636, minX: 500_000, minY: 4_100_000, cellSize: 100, columns: 400, rows: 300)
        // Per factor, a permutation of 1...count: each hazard's rank by that factor alone.
        let aloneRanks = factors.map { _ in Array(1...max(1, count)).shuffled(using: &random) }
        let hazards = (0..<count).map { index -> ScoreResult.RankedHazard in
            let shares = factors.map { _ in Double.random(in: 0...1, using: &random) }
            let values = factors.map { _ in Double.random(in: 0...1, using: &random) }
            let score = Double.random(in: 0.05...0.95, using: &random)
            return .init(rank: index + 1, id: index == 0 ? "HA|001" : "HA-\(index + 1)", name: index % 3 == 0 ? nil : "Field \(index)",
                         type: ["AP", "AV", "CM", "UXO"][index % 4], status: index % 2 == 0 ? "CHA" : "SHA",
                         region: index % 5 == 0 ? nil : "North", areaSquareMetres: Double.random(in: 1000...90000, using: &random),
                         cells: Int.random(in: 1...90, using: &random), meanScore: score, maxScore: min(1, score + 0.04),
                         benefitPerSquareMetre: Double(count - index) * 1e-6,
                         factors: factors.indices.map { f in
                             .init(factor: factors[f], share: shares[f] / shares.reduce(0, +), meanValue: values[f],
                                   aloneRank: aloneRanks[f][index])
                         },
                         // Effort on most hazards; one no team can release (no team-days, no cost).
                         effort: index % 7 == 6 ? nil : .init(
                            teamDays: index % 7 == 5 ? nil : Double(10 + index * 3), cost: index % 7 == 5 ? nil : Double(6_300 + index * 1_000),
                            casualtiesPerYear: 0.01 * Double(index + 1), casualtiesPerYearPerTeamDay: index % 7 == 5 ? 0 : 0.01 * Double(index + 1) / Double(10 + index * 3),
                            casualtiesPerYearPerMillion: index % 7 == 5 ? nil : 0.5, effortRank: count - index))
        }
        let columns = 80, rows = 60, factor = 5
        let values = (0..<(rows * columns)).map { index -> Double in
            let r = Double(index / columns), c = Double(index % columns)
            // A smooth ridge plus noise, rounded like the CLI rounds the preview.
            let v = 0.8 * exp(-((r - 20) * (r - 20) + (c - 50) * (c - 50)) / 300) + Double.random(in: 0...0.05, using: &random)
            return (min(1, v) * 10_000).rounded() / 10_000
        }
        let metrics = { (base: Double) in
            ScoreResult.Metrics(hitRate5: base, hitRate10: min(1, base * 1.5), hitRate20: min(1, base * 2),
                                pai5: base / 0.05, pai10: min(1, base * 1.5) / 0.1, pai20: min(1, base * 2) / 0.2, auc: 0.5 + base / 2)
        }
        return ScoreResult(
            provenance: provenance(command: "score", name: name), grid: grid,
            weights: .init(method: ahp ? "ahp" : "direct", factors: zip(factors, weights).map { .init(factor: $0, weight: $1) },
                           ahp: ahp ? .init(lambdaMax: 4.12, consistencyIndex: 0.04, randomIndex: 0.9, consistencyRatio: 0.0444,
                                            acceptedInconsistent: false) : nil),
            layers: factors.map { .init(factor: $0, units: "per km²", minimum: 0, maximum: 3.5, mean: 0.42, nonZeroCells: 5000) },
            incidents: .init(used: 812, outsideGrid: 3, afterReferenceDate: 0, heldOut: 120, totalWeight: 830.5, edgeLossShare: 0.021),
            hazards: hazards,
            validation: validation ? .init(holdoutAfter: "2024-01-01", trainingIncidents: 692, heldOutIncidents: 120,
                                           model: metrics(0.3), uniform: metrics(0.05), contaminationOnly: metrics(0.15), densityOnly: metrics(0.25)) : nil,
            preview: .init(rows: rows, columns: columns, factor: factor, values: values,
                           labels: hazards.prefix(10).enumerated().map { offset, hazard in
                               .init(rank: hazard.rank, id: hazard.id, x: 500_000 + 4_000 + Double(offset) * 3_000,
                                     y: 4_100_000 + 25_000 - Double(offset) * 1_500)
                           }))
    }

    // MARK: Comparison

    static func comparison(names: [String] = ["Base", "Two more teams", "Mechanical first"]) -> CompareResult {
        let scenarios = names.enumerated().map { offset, name in simulation(seed: 100 + UInt64(offset), name: name) }
        let differences = scenarios.dropFirst().flatMap { scenario in
            [CompareResult.Difference(scenario: scenario.scenario, metric: "completionP50", units: "days", mean: -120.5, p5: -260, p95: 10),
             CompareResult.Difference(scenario: scenario.scenario, metric: "civilianCasualties", units: "people", mean: -1.2, p5: -2.5, p95: -0.1)]
        }
        var provenance = provenance(command: "compare")
        provenance.scenarios = names.map { scenarioRef(name: $0, file: "scenarios/\($0).yaml") }
        return CompareResult(provenance: provenance, base: names[0], scenarios: scenarios, differences: differences)
    }
}
