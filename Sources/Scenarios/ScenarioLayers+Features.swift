import ClearanceModel
import ClearcastDomain
import GeoData
import RiskModel

extension ScenarioLayers {
    // MARK: Incidents

    static func incidents(_ layer: VectorLayer, grid: Grid, today: CivilDate, policy: LayerSpec.OutsideGridPolicy,
                          log: LayerIssueLog) -> ([Incident], Int) {
        var result: [Incident] = []
        var outside = 0
        for feature in layer.features {
            let at = FeatureReader(layer: layer, feature: feature, layerName: "incidents", log: log)
            guard let point = at.point() else { continue }
            guard let date = at.date("date") else { continue }
            if date > today {
                at.fail("date", "found \(date), which is in the future; expected the date the incident happened")
                continue
            }
            let casualties = at.integer("casualties", default: 1, range: 0...100_000, "a number of casualties")
            guard let casualties else { continue }
            let device = at.string("device", optional: true)
            guard grid.cell(containingX: point.x, y: point.y) != nil else {
                outside += 1
                if policy == .error {
                    at.fail(nil, "lies outside the grid at (\(Int(point.x)), \(Int(point.y))); expected a point inside [\(Int(grid.minX)), \(Int(grid.minY)), \(Int(grid.maxX)), \(Int(grid.maxY))] (or set layers.outside_grid: warn)")
                }
                continue
            }
            result.append(Incident(x: point.x, y: point.y, date: date, casualties: casualties, device: device))
        }
        if outside > 0, policy == .warn {
            log.warn(file: layer.path, path: "layers.incidents",
                     "\(outside) of \(layer.features.count) incidents lie outside the grid and are left out")
        }
        return (result, outside)
    }

    // MARK: Settlements

    static func settlements(_ layer: VectorLayer, log: LayerIssueLog) -> [Settlement] {
        layer.features.compactMap { feature in
            let at = FeatureReader(layer: layer, feature: feature, layerName: "settlements", log: log)
            guard let point = at.point(),
                  let name = at.string("name"),
                  let displaced = at.number("displaced", range: 0...1e9, "a displaced population (people)"),
                  let share = at.number("return_share", range: 0...1, "a share of the displaced expected back, in [0, 1]")
            else { return nil }
            return Settlement(name: name, x: point.x, y: point.y, displaced: displaced, returnShare: share)
        }
    }

    // MARK: Hazards

    static func hazards(_ layer: VectorLayer, grid: Grid, log: LayerIssueLog) -> [ScenarioHazard] {
        var seen: [String: Int] = [:]
        var result: [ScenarioHazard] = []
        var outside = 0
        for feature in layer.features {
            let at = FeatureReader(layer: layer, feature: feature, layerName: "hazards", log: log)
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
                                         geometry: feature.geometry, featureID: feature.fid))
        }
        if outside > 0 {
            log.warn(file: layer.path, path: "layers.hazards",
                     "\(outside) hazard areas lie wholly outside the grid: they are simulated but cannot be scored (ranked last)")
        }
        return result
    }

    // MARK: Land use

    static func landUse(_ layer: VectorLayer, grid: Grid, log: LayerIssueLog) -> [LandUseFeature] {
        layer.features.compactMap { feature in
            let at = FeatureReader(layer: layer, feature: feature, layerName: "land_use", log: log)
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
