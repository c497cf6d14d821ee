import ClearanceModel
import ClearcastDomain
import Foundation
import GeoData
import RiskModel

/// The scenario's layers, read with GDAL, reprojected to the grid CRS and checked feature by feature.
///
/// ```swift
/// let layers = try ScenarioLayers.load(scenario)
/// layers.incidents.count, layers.hazards.count
/// ```
public struct ScenarioLayers: Sendable {
    public var grid: Grid
    /// Incidents inside the grid (all dates; the density model ages them to the reference date).
    public var incidents: [Incident]
    /// Incidents left out because they lie outside the grid.
    public var incidentsOutsideGrid: Int
    public var settlements: [Settlement]
    /// Every feature of the hazard layer, in file order (a layer with a bad feature does not load),
    /// with its polygon: GIS export writes from these, never from the file again.
    public var hazards: [ScenarioHazard]
    /// Land-use polygons as cell lists, when the scenario has a land-use layer.
    public var landUse: [LandUseFeature]?
    /// Problems that do not stop a run, each naming its layer file and feature.
    public var warnings: [ScenarioIssue]
    /// The study area's cells (`layers.study_area`); nil = the whole grid.
    public var studyArea: GridMask?
    /// Released land with its outcome (`layers.outcomes`).
    public var outcomes: [ReleaseOutcome] = []
    /// Covariate rasters on the grid (`layers.covariates`), in the order declared.
    public var covariates: [CovariateLayer] = []

    /// Reads every layer of `scenario`. `today` bounds incident dates (a date after it is an error).
    ///
    /// - Throws: `ScenarioError` with every problem found, each naming the layer file, the feature
    ///   and the attribute; GDAL's own errors (unreadable file, no CRS, unknown CRS, empty layer,
    ///   invalid polygon) are reported the same way.
    public static func load(_ scenario: Scenario, today: CivilDate = .today) throws -> ScenarioLayers {
        let grid = try makeGrid(scenario)
        let log = LayerIssueLog()
        let incidentLayer = read(scenario.layers.incidents, "incidents", grid: grid, log: log)
        let settlementLayer = scenario.layers.settlements.flatMap { read($0, "settlements", grid: grid, log: log) }
        let hazardLayer = read(scenario.layers.hazards, "hazards", grid: grid, log: log)
        let landUseLayer = scenario.layers.landUse.flatMap { read($0, "land_use", grid: grid, log: log) }

        var result = ScenarioLayers(grid: grid, incidents: [], incidentsOutsideGrid: 0, settlements: [],
                                    hazards: [], landUse: nil, warnings: [])
        if let incidentLayer {
            (result.incidents, result.incidentsOutsideGrid) = incidents(
                incidentLayer, grid: grid, today: today, policy: scenario.layers.outsideGrid, log: log,
                source: scenario.layers.incidents)
        }
        if let settlementLayer { result.settlements = settlements(settlementLayer, log: log, source: scenario.layers.settlements) }
        if let hazardLayer { result.hazards = hazards(hazardLayer, grid: grid, log: log, source: scenario.layers.hazards) }
        if let landUseLayer { result.landUse = landUse(landUseLayer, grid: grid, log: log, source: scenario.layers.landUse) }
        loadEvidence(scenario, grid: grid, into: &result, log: log)
        guard log.issues.isEmpty else { throw ScenarioError(issues: log.issues) }
        result.warnings = log.warnings
        if let warning = ScoringRun.referenceDateWarning(scenario: scenario, incidents: result.incidents) {
            result.warnings.append(warning)
        }
        return result
    }

    /// The grid of `scenario`, after checking that PROJ knows its CRS and that it is projected.
    public static func makeGrid(_ scenario: Scenario) throws -> Grid {
        let spec = scenario.grid
        let issue = { (message: String) in ScenarioError(file: scenario.file.path, path: "grid.crs", message: message) }
        do {
            let crs = try CoordinateReferenceSystem.describe(epsg: spec.epsg)
            guard crs.isProjected else {
                throw issue("EPSG:\(spec.epsg) (\(crs.name)) is not a projected CRS; expected one in metres, e.g. a UTM zone such as EPSG:32638")
            }
            let units = try CoordinateReferenceSystem.linearUnits(epsg: spec.epsg)
            guard abs(units.metres - 1) < 1e-9 else {
                throw issue("EPSG:\(spec.epsg) (\(crs.name)) measures in \(units.name), not metres; every distance and area of a scenario is in metres: expected a projected CRS in metres, e.g. a UTM zone such as EPSG:32638")
            }
            try checkAreaScale(spec, name: crs.name, issue: issue)
        } catch let error as GeoDataError {
            throw issue("EPSG:\(spec.epsg) is not a coordinate reference system PROJ knows (\(error.message)); expected a projected CRS such as EPSG:32638")
        }
        do {
            return try Grid(epsg: spec.epsg, minX: spec.minX, minY: spec.minY, maxX: spec.maxX, maxY: spec.maxY,
                            cellSize: spec.cellSize)
        } catch {
            throw ScenarioError(file: scenario.file.path, path: "grid", message: "\(error)")
        }
    }

    /// Areas (hence clearance times) are planar: a projection that inflates them inflates the
    /// forecast. Web Mercator (EPSG:3857) at 40° N counts every hectare as 1.7. Refuse more than
    /// 10% at the grid's centre or corners; a local projection (a UTM zone) is within 0.1%.
    private static func checkAreaScale(_ spec: GridSpec, name: String, issue: (String) -> ScenarioError) throws {
        let points = [((spec.minX + spec.maxX) / 2, (spec.minY + spec.maxY) / 2), (spec.minX, spec.minY),
                      (spec.maxX, spec.maxY), (spec.minX, spec.maxY), (spec.maxX, spec.minY)]
        guard let worst = points.compactMap({ try? CoordinateReferenceSystem.areaScale(epsg: spec.epsg, x: $0.0, y: $0.1) })
            .max(by: { abs($0 - 1) < abs($1 - 1) }) else { return }
        guard abs(worst - 1) <= 0.10 else {
            throw issue(String(format: "EPSG:%d (%@) distorts areas by a factor of %.2f over this grid, so hazard areas and clearance times would be off by %.0f%%; expected an equal-area or local projection, e.g. the UTM zone of the area (or is the bbox swapped?)", spec.epsg, name, worst, abs(worst - 1) * 100))
        }
    }

    static func read(_ source: LayerSpec.Source, _ name: String, grid: Grid, log: LayerIssueLog) -> VectorLayer? {
        // GDAL opens a Shapefile without its .dbf as geometries without attributes: every feature
        // would then report every attribute missing. Name the cause once instead.
        if source.url.pathExtension.lowercased() == "shp" {
            let stem = source.url.deletingPathExtension()
            let siblings = (try? FileManager.default.contentsOfDirectory(atPath: stem.deletingLastPathComponent().path)) ?? []
            if !siblings.contains(where: { $0.lowercased() == stem.lastPathComponent.lowercased() + ".dbf" }) {
                log.fail(file: source.url.path, path: "layers.\(name)",
                         "the Shapefile's attribute table is missing; expected \(stem.lastPathComponent).dbf beside it")
                return nil
            }
        }
        do {
            return try readVectorLayer(at: source.url.path, targetEPSG: grid.epsg, sourceEPSGIfMissing: source.epsgIfMissing,
                                       focus: Point2(x: (grid.minX + grid.maxX) / 2, y: (grid.minY + grid.maxY) / 2))
        } catch let error as GeoDataError {
            log.fail(file: source.url.path, path: "layers.\(name)", "\(error.kind.rawValue): \(error.message)")
        } catch {
            log.fail(file: source.url.path, path: "layers.\(name)", "cannot be read: \(error)")
        }
        return nil
    }
}

/// Problems found inside layer files.
///
/// One line per cause, with a count: a layer whose `.dbf` lost a column has the same problem in
/// every feature, and 360 lines saying so hide the one that differs. Feature numbers and quoted
/// values are what varies between occurrences of one cause (see ``ScenarioError/cause(of:)``).
final class LayerIssueLog {
    private var entries: [(issue: ScenarioIssue, more: Int)] = []
    private var index: [String: Int] = [:]
    private(set) var warnings: [ScenarioIssue] = []

    var issues: [ScenarioIssue] {
        entries.map { entry in
            var issue = entry.issue
            if entry.more > 0 { issue.message += " (and \(entry.more) more like it in this layer)" }
            return issue
        }
    }

    func fail(file: String, path: String, _ message: String) {
        let key = file + "\u{0}" + ScenarioError.cause(of: path) + "\u{0}" + ScenarioError.cause(of: message)
        if let existing = index[key] {
            entries[existing].more += 1
        } else {
            index[key] = entries.count
            entries.append((ScenarioIssue(file: file, path: path, line: nil, message: message), 0))
        }
    }

    func warn(file: String, path: String, _ message: String) {
        warnings.append(ScenarioIssue(file: file, path: path, line: nil, message: message))
    }
}
