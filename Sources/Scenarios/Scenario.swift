import ClearanceModel
import ClearcastDomain
import Foundation

/// A planning scenario, as read from a scenario file (see `docs/scenario-format.md`).
///
/// This is the file model: it mirrors what a planner writes, already validated (every field has the
/// right type and range, every layer file exists). `Scenario+RiskInputs` and
/// `Scenario+ClearanceInputs` turn it into the inputs of the risk and clearance models.
///
/// ```swift
/// let scenario = try ScenarioLoader.load(path: "scenarios/demo/demo.yaml")
/// print(scenario.name, scenario.grid.columns, scenario.grid.rows)
/// let more = try ScenarioLoader.load(path: "scenarios/demo/demo.yaml",
///                                    overrides: [ScenarioOverride("simulation.replications=50")])
/// ```
public struct Scenario: Sendable, Equatable {
    /// The file that was loaded (the most derived one when it `extends:` others).
    public var file: URL
    /// Every file read to build this scenario, the loaded one first, then its bases.
    public var sourceFiles: [URL]
    public var name: String
    public var description: String
    /// "Today" for ageing incidents, and the default simulation start.
    public var referenceDate: CivilDate
    public var grid: GridSpec
    public var layers: LayerSpec
    public var scoring: ScoringSpec
    /// The `simulation:` section, when the scenario has one.
    public var simulation: SimulationSpec?
    /// Problems that do not stop a run (each names its file, field and line).
    public var warnings: [ScenarioIssue]
    /// The `--set` overrides applied on top of the files, in order (results record them beside the
    /// files' content hash, which covers the files only).
    public var overrides: [ScenarioOverride] = []
    /// The `uncertainty:` section (`clearcast sensitivity`), when the scenario has one.
    public var uncertainty: UncertaintySpec?
}

/// The `grid:` section.
public struct GridSpec: Sendable, Equatable {
    /// EPSG code of the projected CRS (metres).
    public var epsg: Int
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double
    /// Cell side in metres.
    public var cellSize: Double
}

/// The `layers:` section: absolute paths, already resolved against the file that named them.
public struct LayerSpec: Sendable, Equatable {
    /// A layer file and, for formats without one (CSV), the CRS of its coordinates.
    public struct Source: Sendable, Equatable {
        public var url: URL
        public var epsgIfMissing: Int?
        /// clearcast attribute → the layer's own field name (`fields:`, written source: clearcast).
        public var fieldNames: [String: String] = [:]
        /// clearcast attribute → (the layer's value, lower-cased → clearcast value) (`values:`).
        public var valueMaps: [String: [String: String]] = [:]
    }

    public enum OutsideGridPolicy: String, Sendable {
        /// Count points outside the grid, leave them out, and warn.
        case warn
        /// Refuse the scenario.
        case error
    }

    public var incidents: Source
    /// Optional when the weights give return pressure no part.
    public var settlements: Source?
    public var hazards: Source
    public var landUse: Source?
    public var outsideGrid: OutsideGridPolicy
    /// Polygons of the area studied (a country or district): cells outside are left out of
    /// normalisation, ranking, validation and outputs.
    public var studyArea: Source? = nil
    /// Polygons of land released with their outcome (mines found or nothing found): labels for
    /// a learned risk model and its validation.
    public var outcomes: Source? = nil
    /// Rasters resampled onto the grid, features of a learned risk model.
    public var covariates: [CovariateSpec] = []

    /// Every layer file the scenario reads, in a fixed order (content hashes and output checks list them).
    public var allFiles: [URL] {
        [incidents, settlements, hazards, landUse, studyArea, outcomes].compactMap { $0?.url } + covariates.map(\.source.url)
    }
}
