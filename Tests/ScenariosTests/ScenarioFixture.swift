import _TestSupport
import Foundation
@testable import Scenarios

/// A scenario written into a fresh scratch directory, with (empty) layer files beside it; the
/// directory is removed by ``remove()`` or when the last copy of the fixture is released.
struct ScenarioFixture {
    let scratch: ScratchDirectory
    var directory: URL { scratch.url }

    init() throws {
        scratch = try ScratchDirectory("scenario")
        for name in ["incidents", "settlements", "hazards", "land_use"] {
            try scratch.write("{}", to: "layers/\(name).geojson")
        }
    }

    /// Writes `text` as `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try scratch.write(text, to: name)
    }

    /// Loads `name`, returning the scenario or the problems found.
    func load(_ name: String) -> Result<Scenario, ScenarioError> {
        do {
            return .success(try ScenarioLoader.load(path: directory.appendingPathComponent(name).path))
        } catch let error as ScenarioError {
            return .failure(error)
        } catch {
            return .failure(ScenarioError(file: name, message: "unexpected error type: \(error)"))
        }
    }

    /// The problems found in `name`; empty when it loads.
    func issues(_ name: String) -> [ScenarioIssue] {
        if case .failure(let error) = load(name) { return error.issues }
        return []
    }

    func remove() { scratch.remove() }

    /// A complete, valid scenario; tests change one thing at a time with `replacing`.
    static let valid = """
        clearcast: 1
        name: Fixture valley
        reference_date: 2024-06-30
        grid:
          crs: EPSG:32638
          bbox: [600000, 4380000, 610000, 4390000]
          cell_size: 100
        layers:
          incidents: layers/incidents.geojson
          settlements: layers/settlements.geojson
          hazards: layers/hazards.geojson
        scoring:
          incident_density: {bandwidth_m: 1500, half_life_years: 2}
          weights:
            direct: {incidents: 0.5, return_pressure: 0.2, contamination: 0.3}
        simulation:
          start_date: 2020-11-10
          horizon_years: 10
          replications: 50
          seed: 7
          calendar:
            working_days: [mon, tue, wed, thu, fri]
            holidays: ["01-01", 2021-05-28]
            weather_loss: 0.1
            stoppages:
              - {regions: [Highland], from: "12-01", to: "03-15"}
          land_release:
            nts_cancel_share: {dist: beta, alpha: 2, beta: 3}
            ts_reduce_share: {dist: uniform, min: 0.1, max: 0.4}
          teams:
            - kind: manual
              count: 4
              productivity: {dist: lognormal, median: 300, p90: 600}
            - kind: survey
              count: 1
              productivity:
                default: 20000
                UXO: {dist: triangular, min: 10000, mode: 20000, max: 40000}
              capacity_plan: {2021: 1, 2023: 3}
        """
}

extension String {
    /// The text with `old` replaced by `new`, failing loudly (in the test) if `old` is absent.
    func replacing(_ old: String, with new: String) -> String {
        precondition(contains(old), "fixture does not contain \(old)")
        return replacingOccurrences(of: old, with: new)
    }
}
