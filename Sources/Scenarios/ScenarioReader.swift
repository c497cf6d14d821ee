import Foundation

/// Turns a merged scenario tree into a validated `Scenario`, logging every problem it finds.
enum ScenarioReader {
    static let topLevelFields = [
        "clearcast", "name", "description", "extends", "reference_date", "grid", "layers", "scoring", "simulation",
        "uncertainty",
    ]
    static let supportedVersion = 1

    static func read(_ root: FieldReader, file: URL, sourceFiles: [URL]) -> Scenario? {
        guard let map = root.mapping(allowed: topLevelFields) else { return nil }
        if let version = map.required("clearcast", "the format version, 1")?.integer(in: 1...1_000, "a format version"),
           version != supportedVersion {
            map.optional("clearcast")?.fail("found format version \(version), expected \(supportedVersion) (this clearcast reads version \(supportedVersion))")
        }
        let name = map.required("name", "a scenario name")?.string()
        let description = map.optional("description")?.string() ?? ""
        let referenceDate = map.required("reference_date", "a date YYYY-MM-DD")?.date()
        let grid = map.required("grid", "a grid definition").flatMap(readGrid)
        let layers = map.required("layers", "the layer files").flatMap(readLayers)
        let scoring = readScoring(map.optional("scoring"), covariates: layers?.covariates.map(\.name) ?? [])
        let simulation = map.optional("simulation").flatMap { readSimulation($0, referenceDate: referenceDate) }
        let uncertainty = map.optional("uncertainty").flatMap(readUncertainty)
        guard let name, let referenceDate, let grid, let layers, root.log.isEmpty else { return nil }
        var scenario = Scenario(
            file: file, sourceFiles: sourceFiles, name: name, description: description,
            referenceDate: referenceDate, grid: grid, layers: layers, scoring: scoring,
            simulation: simulation, warnings: root.log.warnings)
        scenario.uncertainty = uncertainty
        return scenario
    }

    // MARK: Grid

    static func readGrid(_ field: FieldReader) -> GridSpec? {
        guard let map = field.mapping(allowed: ["crs", "bbox", "cell_size"]) else { return nil }
        let epsg = map.required("crs", "a projected CRS such as EPSG:32638").flatMap(readEPSG)
        let cellSize = map.required("cell_size", "the cell size in metres")?.positive("a cell size in metres", maximum: 100_000)
        var box: [Double]?
        if let bboxField = map.required("bbox", "[xmin, ymin, xmax, ymax] in the grid CRS"), let items = bboxField.list() {
            let values = items.compactMap { $0.number() }
            if items.count != 4 {
                bboxField.fail("found \(items.count) numbers, expected 4: [xmin, ymin, xmax, ymax]")
            } else if values.count == 4 {
                if values[2] <= values[0] || values[3] <= values[1] {
                    bboxField.fail("found [\(values.map(FieldReader.format).joined(separator: ", "))], expected xmax > xmin and ymax > ymin")
                } else {
                    box = values
                }
            }
        }
        guard let epsg, let cellSize, let box else { return nil }
        let cells = ((box[2] - box[0]) / cellSize).rounded(.up) * ((box[3] - box[1]) / cellSize).rounded(.up)
        if cells > 1e9 {
            field.fail("the grid would have \(FieldReader.format(cells)) cells; expected at most 10^9 (use a larger cell_size)")
            return nil
        }
        if cellSize > min(box[2] - box[0], box[3] - box[1]) {
            map.optional("cell_size")?.warn("cell size \(FieldReader.format(cellSize)) m is larger than the grid extent; the grid has a single row or column")
        }
        return GridSpec(epsg: epsg, minX: box[0], minY: box[1], maxX: box[2], maxY: box[3], cellSize: cellSize)
    }

    /// `EPSG:NNNN` (or a bare number). Whether PROJ knows the code is checked when layers are loaded.
    static func readEPSG(_ field: FieldReader) -> Int? {
        if case .scalar(let text, false, _) = field.node, let code = Int(text), code > 0 { return code }
        guard let text = field.string() else { return nil }
        let upper = text.uppercased()
        guard upper.hasPrefix("EPSG:"), let code = Int(upper.dropFirst(5)), code > 0 else {
            field.fail("found '\(text)', expected a CRS written EPSG:<code>, e.g. EPSG:32638 (UTM zone 38N)")
            return nil
        }
        return code
    }

    // MARK: Layers

    static func readLayers(_ field: FieldReader) -> LayerSpec? {
        guard let map = field.mapping(allowed: [
            "incidents", "settlements", "hazards", "land_use", "outside_grid", "study_area", "outcomes", "covariates",
        ]) else {
            return nil
        }
        let incidents = map.required("incidents", "a point layer of past incidents").flatMap { readSource($0, attributes: LayerAttributes.incidents) }
        let settlementsField = map.optional("settlements")
        let settlements = settlementsField.flatMap { readSource($0, attributes: LayerAttributes.settlements) }
        let hazards = map.required("hazards", "a polygon layer of hazard areas").flatMap { readSource($0, attributes: LayerAttributes.hazards) }
        let landUse = map.optional("land_use").flatMap { readSource($0, attributes: LayerAttributes.landUse) }
        let policy = map.optional("outside_grid")?.choice(["warn", "error"]).flatMap(LayerSpec.OutsideGridPolicy.init)
        let studyArea = map.optional("study_area").flatMap { readSource($0, attributes: []) }
        let outcomes = map.optional("outcomes").flatMap { readSource($0, attributes: LayerAttributes.outcomes) }
        let covariates = map.optional("covariates").flatMap(readCovariates)
        guard let incidents, let hazards else { return nil }
        if map.optional("land_use") != nil, landUse == nil { return nil }
        if settlementsField != nil, settlements == nil { return nil }
        if map.optional("study_area") != nil, studyArea == nil { return nil }
        if map.optional("outcomes") != nil, outcomes == nil { return nil }
        if map.optional("covariates") != nil, covariates == nil { return nil }
        var spec = LayerSpec(incidents: incidents, settlements: settlements, hazards: hazards,
                             landUse: landUse, outsideGrid: policy ?? .warn)
        spec.studyArea = studyArea
        spec.outcomes = outcomes
        spec.covariates = covariates ?? []
        return spec
    }

    /// A layer path (relative to the file that wrote it), or `{path:, crs:}`; the file must exist.
    static func readSource(_ field: FieldReader, attributes: [String]) -> LayerSpec.Source? {
        var pathField = field
        var epsg: Int?
        var fieldNames: [String: String] = [:], valueMaps: [String: [String: String]] = [:]
        if case .mapping = field.node {
            guard let map = field.mapping(allowed: ["path", "crs", "fields", "values"]),
                  let path = map.required("path", "the layer file") else { return nil }
            pathField = path
            if let crs = map.optional("crs") {
                guard let code = readEPSG(crs) else { return nil }
                epsg = code
            }
            if let names = map.optional("fields") { fieldNames = readFieldNames(names, attributes: attributes) }
            if let values = map.optional("values") { valueMaps = readValueMaps(values, attributes: attributes) }
        }
        guard let path = pathField.string() else { return nil }
        let url = URL(fileURLWithPath: path, relativeTo: pathField.directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            pathField.fail("layer file '\(path)' not found (looked for \(url.path))")
            return nil
        }
        guard !isDirectory.boolValue || url.pathExtension.lowercased() == "gdb" else {
            pathField.fail("'\(path)' is a directory, expected a layer file")
            return nil
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            pathField.fail("layer file '\(path)' exists but cannot be read (check its permissions)")
            return nil
        }
        return LayerSpec.Source(url: url, epsgIfMissing: epsg, fieldNames: fieldNames, valueMaps: valueMaps)
    }
}
