import ClearanceModel
import ClearcastDomain
import Foundation
import GeoData
import RiskModel

extension ScenarioLayers {
    // MARK: Incidents

    static func incidents(_ layer: VectorLayer, grid: Grid, today: CivilDate, policy: LayerSpec.OutsideGridPolicy,
                          log: LayerIssueLog, source: LayerSpec.Source? = nil) -> ([Incident], Int) {
        var result: [Incident] = []
        var outside = 0
        var unknownDevices: [String: Int] = [:]
        for feature in layer.features {
            let at = FeatureReader(layer: layer, feature: feature, layerName: "incidents", log: log, source: source)
            guard let point = at.point() else { continue }
            guard let date = at.date("date") else { continue }
            if date > today {
                at.fail("date", "found \(date), which is in the future; expected the date the incident happened")
                continue
            }
            let casualties = at.integer("casualties", default: 1, range: 0...100_000, "a number of casualties")
            guard let casualties else { continue }
            let device = at.string("device", optional: true)
            if let device, !Self.knownDevices.contains(device.lowercased()) { unknownDevices[device, default: 0] += 1 }
            guard grid.cell(containingX: point.x, y: point.y) != nil else {
                outside += 1
                if policy == .error {
                    // %.0f, not Int(_:): a coordinate of 1e300 in a file must not trap.
                    let box = [grid.minX, grid.minY, grid.maxX, grid.maxY].map { String(format: "%.0f", $0) }.joined(separator: ", ")
                    at.fail(nil, String(format: "lies outside the grid at (%.0f, %.0f); expected a point inside [%@] (or set layers.outside_grid: warn)", point.x, point.y, box))
                }
                continue
            }
            result.append(Incident(x: point.x, y: point.y, date: date, casualties: casualties, device: device))
        }
        if outside > 0, outside == layer.features.count {
            log.fail(file: layer.path, path: "layers.incidents",
                     "all \(outside) incidents lie outside the grid; expected most inside it (is the bbox swapped, or the grid in another UTM zone than the data?)")
        } else if outside > 0, policy == .warn {
            log.warn(file: layer.path, path: "layers.incidents",
                     "\(outside) of \(layer.features.count) incidents lie outside the grid and are left out")
        }
        if !unknownDevices.isEmpty {
            let listed = unknownDevices.sorted { $0.key < $1.key }.prefix(5).map { "'\($0.key)' (\($0.value))" }.joined(separator: ", ")
            log.warn(file: layer.path, path: "layers.incidents.device",
                     "found \(listed), expected one of AP, AV, CM, UXO, IED, unknown; the device is kept with the incident but does not change the density")
        }
        return (result, outside)
    }

    /// The `device` words the format documents (case-insensitive).
    static let knownDevices: Set<String> = ["ap", "av", "cm", "uxo", "ied", "unknown"]

    // MARK: Settlements

    static func settlements(_ layer: VectorLayer, log: LayerIssueLog, source: LayerSpec.Source? = nil) -> [Settlement] {
        layer.features.compactMap { feature in
            let at = FeatureReader(layer: layer, feature: feature, layerName: "settlements", log: log, source: source)
            guard let point = at.point(),
                  let name = at.string("name"),
                  let displaced = at.number("displaced", range: 0...1e9, "a displaced population (people)"),
                  let share = at.number("return_share", range: 0...1, "a share of the displaced expected back, in [0, 1]")
            else { return nil }
            return Settlement(name: name, x: point.x, y: point.y, displaced: displaced, returnShare: share)
        }
    }

    // MARK: Hazards

    static func hazards(_ layer: VectorLayer, grid: Grid, log: LayerIssueLog, source: LayerSpec.Source? = nil) -> [ScenarioHazard] {
        var seen: [String: Int] = [:]
        var result: [ScenarioHazard] = []
        var outside = 0
        for feature in layer.features {
            let at = FeatureReader(layer: layer, feature: feature, layerName: "hazards", log: log, source: source)
            guard feature.geometry.isAreal else {
                at.fail(nil, "has a \(feature.geometry.typeName) geometry; expected a Polygon or MultiPolygon")
                continue
            }
            let id = at.string("id")
            let type = at.choice("type", ContaminationType.allCases.map(\.rawValue)).flatMap(ContaminationType.init)
            let status = at.choice("status", HazardStatus.allCases.map(\.rawValue)).flatMap(HazardStatus.init)
            let density = at.choice("density", DensityClass.allCases.map(\.rawValue), default: DensityClass.medium.rawValue)
                .flatMap(DensityClass.init(rawValue:))
            let terrain = at.choice("terrain", ["open", "vegetated", "mountain", "urban"], default: "open")
            let region = at.string("region", optional: true) ?? ""
            // Optional: evidence strength and last survey date (survey shares, ageing suspicion).
            var evidence: EvidenceStrength?
            if at.has("evidence") {
                guard let text = at.choice("evidence", EvidenceStrength.allCases.map(\.rawValue)) else { continue }
                evidence = EvidenceStrength(rawValue: text)
            }
            var lastSurvey: CivilDate?
            if at.has("last_survey") {
                guard let date = at.date("last_survey", what: "the date of the area's last survey", yearAllowed: true) else { continue }
                lastSurvey = date
            }
            guard let id, let type, let status, let density, let terrain else { continue }
            if let first = seen[id] {
                at.fail("id", "found '\(id)' again (first at feature \(first)); expected unique ids")
                continue
            }
            seen[id] = feature.fid
            let coverage: CellCoverage
            do {
                coverage = try grid.rasterize(feature.geometry)
            } catch {
                at.fail(nil, "cannot be rasterized: \(error)")
                continue
            }
            guard coverage.polygonArea > 0 else {
                at.fail(nil, "has zero area; expected a polygon with a positive area")
                continue
            }
            if coverage.isEmpty { outside += 1 }
            let box = feature.geometry.boundingBox ?? (grid.minX, grid.minY, grid.maxX, grid.maxY)
            let footprint = HazardFootprint(id: id, name: at.string("name", optional: true), type: type, status: status,
                                            areaSquareMetres: coverage.polygonArea, cells: coverage.cellIndices)
            // The geometry shares its storage with the layer read, which is released after loading.
            result.append(ScenarioHazard(footprint: footprint, density: density, terrain: terrain, region: region,
                                         centerX: (box.minX + box.maxX) / 2, centerY: (box.minY + box.maxY) / 2,
                                         geometry: feature.geometry, featureID: feature.fid, evidence: evidence, lastSurvey: lastSurvey))
        }
        if outside > 0, outside == layer.features.count {
            log.fail(file: layer.path, path: "layers.hazards",
                     "all \(outside) hazard areas lie wholly outside the grid; expected them inside it (is the bbox swapped, or the grid in another UTM zone than the data?)")
        } else if outside > 0 {
            log.warn(file: layer.path, path: "layers.hazards",
                     "\(outside) hazard areas lie wholly outside the grid: they are simulated but cannot be scored (ranked last)")
        }
        return result
    }

    // MARK: Land use

    static func landUse(_ layer: VectorLayer, grid: Grid, log: LayerIssueLog, source: LayerSpec.Source? = nil) -> [LandUseFeature] {
        layer.features.compactMap { feature in
            let at = FeatureReader(layer: layer, feature: feature, layerName: "land_use", log: log, source: source)
            guard feature.geometry.isAreal else {
                at.fail(nil, "has a \(feature.geometry.typeName) geometry; expected a Polygon or MultiPolygon")
                return nil
            }
            guard let landUse = at.choice("class", LandUseClass.allCases.map(\.rawValue)).flatMap(LandUseClass.init) else {
                return nil
            }
            do {
                return LandUseFeature(landUse: landUse, cells: try grid.rasterize(feature.geometry).cellIndices)
            } catch {
                at.fail(nil, "cannot be rasterized: \(error)")
                return nil
            }
        }
    }
}
