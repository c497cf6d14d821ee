import ClearcastDomain
import Foundation
import GeoData
import RiskModel

/// Land released with a known outcome (a label for a learned risk model): the cells it covers.
public struct ReleaseOutcome: Sendable, Equatable {
    /// Feature number in the outcomes layer (for messages).
    public var featureID: Int
    /// Row-major grid cells the polygon covers (cell-centre rule).
    public var cells: [Int]
    /// Whether clearance found mines or explosive remnants (false: nothing found).
    public var minesFound: Bool
}

/// A covariate raster resampled onto the grid.
public struct CovariateLayer: Sendable, Equatable {
    public var name: String
    /// One value per grid cell, row-major; NaN where the raster has no data.
    public var values: [Double]
}

extension ScenarioLayers {
    /// The words the outcomes layer's `outcome` attribute may hold.
    static let outcomeWords = ["mines_found", "nothing_found"]

    /// Reads the study area, outcomes and covariates a scenario declares into `result`, logging problems.
    static func loadEvidence(_ scenario: Scenario, grid: Grid, into result: inout ScenarioLayers, log: LayerIssueLog) {
        let spec = scenario.layers
        if let source = spec.studyArea, let layer = read(source, "study_area", grid: grid, log: log) {
            result.studyArea = studyArea(layer, grid: grid, log: log, source: source)
        }
        if let source = spec.outcomes, let layer = read(source, "outcomes", grid: grid, log: log) {
            result.outcomes = outcomes(layer, grid: grid, log: log, source: source)
        }
        for covariate in spec.covariates {
            do {
                let values = try CovariateRaster.resample(path: covariate.source.url.path, band: covariate.band, onto: grid,
                                                          method: covariate.resampling.gdalMethod)
                result.covariates.append(CovariateLayer(name: covariate.name, values: values))
            } catch let error as GeoDataError {
                log.fail(file: covariate.source.url.path, path: "layers.covariates.\(covariate.name)", "\(error.kind.rawValue): \(error.message)")
            } catch {
                log.fail(file: covariate.source.url.path, path: "layers.covariates.\(covariate.name)", "cannot be read: \(error)")
            }
        }
    }

    /// The cells whose centre lies inside the study-area polygons (GeoData's ``StudyAreaMask``: a
    /// polygon smaller than a cell adds no cell, unlike a hazard area).
    static func studyArea(_ layer: VectorLayer, grid: Grid, log: LayerIssueLog, source: LayerSpec.Source) -> GridMask? {
        var polygons: [Geometry] = []
        for feature in layer.features {
            let at = FeatureReader(layer: layer, feature: feature, layerName: "study_area", log: log, source: source)
            guard feature.geometry.isAreal else {
                at.fail(nil, "has a \(feature.geometry.typeName) geometry; expected a Polygon or MultiPolygon (the area studied)")
                continue
            }
            polygons.append(feature.geometry)
        }
        do {
            return try StudyAreaMask(grid: grid, polygons: polygons, path: layer.path).gridMask
        } catch let error as GeoDataError {
            log.fail(file: layer.path, path: "layers.study_area", "\(error.kind.rawValue): \(error.message)")
        } catch {
            log.fail(file: layer.path, path: "layers.study_area", "cannot be rasterized: \(error)")
        }
        return nil
    }

    static func outcomes(_ layer: VectorLayer, grid: Grid, log: LayerIssueLog, source: LayerSpec.Source) -> [ReleaseOutcome] {
        layer.features.compactMap { feature in
            let at = FeatureReader(layer: layer, feature: feature, layerName: "outcomes", log: log, source: source)
            guard feature.geometry.isAreal else {
                at.fail(nil, "has a \(feature.geometry.typeName) geometry; expected a Polygon or MultiPolygon of released land")
                return nil
            }
            guard let word = at.choice("outcome", outcomeWords) else { return nil }
            do {
                return ReleaseOutcome(featureID: feature.fid, cells: try grid.rasterize(feature.geometry).cellIndices,
                                      minesFound: word == "mines_found")
            } catch {
                at.fail(nil, "cannot be rasterized: \(error)")
                return nil
            }
        }
    }
}

extension CovariateSpec.Resampling {
    /// The GDAL resampling method of the same name.
    var gdalMethod: ResamplingMethod {
        switch self {
        case .nearest: .nearest
        case .bilinear: .bilinear
        case .cubic: .cubic
        case .average: .average
        case .mode: .mode
        }
    }
}
