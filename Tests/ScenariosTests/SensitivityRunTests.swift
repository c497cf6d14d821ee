import _TestSupport
import ClearanceModel
import ClearcastDomain
import Foundation
import SensitivityAnalysis
import Testing
@testable import Scenarios

/// The `uncertainty:` section and `SensitivityRun` on the bundled demo: every design point is the
/// forecast the same overrides give through `--set` (same seed), and bad inputs are refused first.
@Suite("Sensitivity runs")
struct SensitivityRunTests {
    static let demo = TestEnvironment.packageURL("scenarios/demo/demo.yaml").path

    /// The demo with an uncertainty section, written beside a variant that extends it.
    static func variant(_ scratch: ScratchDirectory, _ uncertainty: String) throws -> String {
        try scratch.write("""
            clearcast: 1
            extends: \(demo)
            name: Demo with uncertainty
            uncertainty:
            \(uncertainty)
            """, to: "variant.yaml")
    }

    static let inputs = """
          inputs:
            - path: simulation.teams[kind=manual].count
              range: [3, 9]
              label: manual teams
            - path: simulation.land_release.ts_reduce_share.alpha
              scale: [0.5, 1.5]
          outputs: [completion_years.AP, civilian_casualties, remaining_km2]
        """

    @Test func readsInputsAndOutputs() throws {
        let scratch = try ScratchDirectory("uncertainty-read")
        let scenario = try ScenarioLoader.load(path: try Self.variant(scratch, Self.inputs))
        let spec = try #require(scenario.uncertainty)
        #expect(spec.inputs.map(\.label) == ["manual teams", "simulation.land_release.ts_reduce_share.alpha"])
        #expect(spec.inputs[0].variation == .range(low: 3, high: 9, whole: true))
        #expect(spec.inputs[0].value(at: 0.5) == "6" && spec.inputs[0].value(at: 0.58) == "6")
        #expect(spec.inputs[1].value(at: 0.25) == "*0.75")
        #expect(spec.outputs == [.completionYears(.antiPersonnel), .civilianCasualties, .remainingKm2])
    }

    /// Several paths move together; `whole: true` rounds the products (`*~F`), as counts need.
    @Test func severalPathsAndWholeScaling() throws {
        let scratch = try ScratchDirectory("uncertainty-paths")
        let path = try Self.variant(scratch, """
              inputs:
                - paths:                    # a block list: selectors' [ ] would end a flow list
                    - simulation.teams[kind=manual].count
                    - simulation.teams[kind=manual].capacity_plan
                  scale: [0.5, 1.5]
                  whole: true
                  label: manual funding
            """)
        let source = try ScenarioSource(path: path)
        let input = try #require(try source.scenario().uncertainty?.inputs.first)
        #expect(input.paths.count == 2 && input.value(at: 0.7) == "*~1.2")
        let scaled = try source.scenario(overrides: input.overrides(at: 0.7))
        let manual = try #require(scaled.simulation?.teams.first { $0.kind == .manual })
        // The demo fields 6 manual teams, then 6, 10 and 16 from 2021, 2022, 2023: times 1.2, rounded.
        #expect(manual.count == 7)
        #expect(manual.capacityPlan == [2021: 7, 2022: 12, 2023: 19])
    }

    @Test(arguments: [
        ("  inputs:\n    - path: simulation.horizon_years\n      range: [10, 5]", "expected LOW < HIGH"),
        ("  inputs:\n    - path: simulation.horizon_years\n      paths: [simulation.seed]\n      range: [5, 10]", "exactly one of path"),
        ("  inputs:\n    - path: simulation.horizon_years\n      range: [5, 10]\n      scale: [1, 2]", "expected exactly one of range"),
        ("  inputs:\n    - path: layers.hazards\n      range: [1, 2]", "not clearcast, name"),
        ("  inputs:\n    - path: simulation.horizon_years\n      scale: [0, 2]", "expected factors > 0"),
        ("  inputs:\n    - path: simulation.horizon_years\n      range: [5, 10]\n  outputs: [completion_yeras]", "did you mean 'completion_years'"),
        ("  inputs:\n    - path: simulation.horizon_years\n      range: [5, 10]\n    - path: simulation.horizon_years\n      range: [6, 9]", "both vary"),
        ("  inputs:\n    - path: simulation.teams[kind=manual.count\n      range: [1, 2]", "path"),
    ])
    func badSectionsAreNamed(section: String, message: String) throws {
        let scratch = try ScratchDirectory("uncertainty-bad")
        do {
            _ = try ScenarioLoader.load(path: try Self.variant(scratch, section))
            Issue.record("accepted: \(section)")
        } catch let error as ScenarioError {
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.contains("uncertainty"), "\(error)")
        }
    }

    /// One at a time on the demo: the baseline is the scenario as written, and the high end of each
    /// input is exactly the forecast of the scenario with that `--set` (same seed: same numbers).
    @Test func oneAtATimePointsAreTheOverriddenForecasts() throws {
        let scratch = try ScratchDirectory("uncertainty-run")
        let path = try Self.variant(scratch, Self.inputs)
        let source = try ScenarioSource(path: path)
        let base = try source.scenario()
        let layers = try ScenarioLayers.load(base)
        let options = SensitivityRun.Options(method: .oneAtATime, samples: 0, replications: 3, seed: 5, threads: 2)
        let run = try SensitivityRun.run(source: source, base: base, layers: layers, options: options)
        #expect(run.values.count == 5 && run.oneAtATime?.count == 3)
        // The demo's mined land finishes within its 15 years: nothing is censored.
        #expect(run.censored.isEmpty && run.values.allSatisfy { $0[0] < 15 })
        func direct(_ overrides: [ScenarioOverride]) throws -> [Double] {
            let scenario = try source.scenario(overrides: overrides)
            let result = try SimulationRun.run(scenario: scenario, layers: layers,
                                               options: .init(replications: 3, seed: 5, threads: 1))
            return run.outputs.map { SensitivityRun.value(of: $0, forecast: result.forecast, model: result.model, costs: scenario.simulation?.costs) }
        }
        #expect(run.baseline == (try direct([])))
        #expect(run.values[2] == (try direct([ScenarioOverride(path: "simulation.teams[kind=manual].count", value: "9")])))
        #expect(run.values[3] == (try direct([ScenarioOverride(path: "simulation.land_release.ts_reduce_share.alpha", value: "*0.5")])))
        // The swing of each input is |high − low| of its two points.
        let swings = try #require(run.oneAtATime?[1])
        #expect(swings[0].low == run.values[1][1] && swings[0].high == run.values[2][1])
    }

    /// With a 2-year horizon the demo's mined land never finishes: completion is censored and said so.
    @Test func completionAtTheHorizonIsCensored() throws {
        let scratch = try ScratchDirectory("uncertainty-censored")
        let source = try ScenarioSource(path: try Self.variant(scratch, Self.inputs))
        let base = try source.scenario()
        let run = try SensitivityRun.run(source: source, base: base, layers: try ScenarioLayers.load(base),
                                         options: .init(method: .oneAtATime, samples: 0, replications: 2, seed: 5, threads: 2,
                                                        overrides: [ScenarioOverride("simulation.horizon_years=2")]))
        #expect(run.censored == [.completionYears(.antiPersonnel)])
        #expect(run.values.allSatisfy { abs($0[0] - 2) < 0.01 })
    }

    /// A count ranged with decimal ends is valid at its ends but not inside: refused first, with the fix.
    @Test func decimalRangeOnACountIsRefused() throws {
        let scratch = try ScratchDirectory("uncertainty-decimal")
        let path = try Self.variant(scratch, "  inputs:\n    - path: simulation.teams[kind=manual].count\n      range: [1.0, 4.0]")
        let source = try ScenarioSource(path: path)
        let base = try source.scenario()
        do {
            _ = try SensitivityRun.run(source: source, base: base, layers: try ScenarioLayers.load(base),
                                       options: .init(method: .sobol, samples: 2, replications: 2, seed: 1, threads: 1))
            Issue.record("accepted a fractional team count")
        } catch let error as ScenarioError {
            #expect(error.description.contains("inside its range") && error.description.contains("whole ends"), "\(error)")
        }
    }

    /// An input that is invalid at one end is refused before any simulation, naming it.
    @Test func invalidEndsAreRefusedFirst() throws {
        let scratch = try ScratchDirectory("uncertainty-ends")
        let path = try Self.variant(scratch, "  inputs:\n    - path: simulation.calendar.weather_loss\n      range: [0.1, 1.5]\n      label: weather")
        let source = try ScenarioSource(path: path)
        let base = try source.scenario()
        let layers = try ScenarioLayers.load(base)
        do {
            _ = try SensitivityRun.run(source: source, base: base, layers: layers,
                                       options: .init(method: .morris, samples: 2, replications: 2, seed: 1, threads: 1))
            Issue.record("accepted a weather loss of 1.5")
        } catch let error as ScenarioError {
            #expect(error.description.contains("uncertainty.inputs[0] (weather) at its high end, simulation.calendar.weather_loss=1.5"), "\(error)")
        }
    }
}
