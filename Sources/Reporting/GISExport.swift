import ClearcastDomain
import Foundation
import GeoData
import RiskModel
import Scenarios

/// GIS layers for QGIS and the like: the surfaces as a GeoTIFF, the ranked hazard areas (with their
/// forecast release dates when a simulation ran) as a GeoPackage or GeoJSON layer.
public enum GISExport {
    /// Writes every raw layer and the composite score as bands of a GeoTIFF in the grid's CRS.
    public static func writeRaster(_ assessment: PriorityAssessment, grid: Grid, to path: String) throws {
        var bands = zip(assessment.factors, assessment.rawLayers).map { (name: $0.rawValue, values: $1) }
        bands.append((name: "priority", values: assessment.composite.scores))
        try writeGeoTIFF(path: path, grid: grid, bands: bands, noDataValue: nil)
    }

    /// Writes the hazard polygons (re-read from the scenario's hazard layer, in the grid CRS) with
    /// their rank, scores, factor shares and, given `releases`, release-date quantiles (YYYY-MM-DD)
    /// and the expected release year, so a map can be coloured by "expected clearance year".
    public static func writeHazards(_ score: ScoreResult?, scenario: Scenario, to path: String,
                                    releases: [SimulationResult.TaskRelease]?) throws {
        try writeHazards(ranked: score?.hazards, factors: score?.weights.factors.map(\.factor) ?? [], scenario: scenario,
                         to: path, releases: releases)
    }

    /// As above, from a ranking computed with a simulation (its hazard entries and factor names).
    public static func writeHazards(ranking: [HazardRankEntry], layers: ScenarioLayers, scenario: Scenario, to path: String,
                                    releases: [SimulationResult.TaskRelease]?) throws {
        let factors = ranking.first?.factorShares.map(\.factor) ?? []
        try writeHazards(ranked: ScoreReport.hazards(ranking, areas: layers.hazards), factors: factors, scenario: scenario,
                         to: path, releases: releases)
    }

    static func writeHazards(ranked hazards: [ScoreResult.RankedHazard]?, factors used: [String], scenario: Scenario,
                             to path: String, releases: [SimulationResult.TaskRelease]?) throws {
        let source = try readVectorLayer(at: scenario.layers.hazards.url.path, targetEPSG: scenario.grid.epsg,
                                         sourceEPSGIfMissing: scenario.layers.hazards.epsgIfMissing)
        let ranked = Dictionary((hazards ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let released = Dictionary((releases ?? []).map { ($0.id, $0.release) }, uniquingKeysWith: { a, _ in a })
        let factors = PriorityFactor.allCases.map(\.rawValue).filter(used.contains)
        var fields: [FieldDefinition] = [
            .init(name: "id", type: .string), .init(name: "name", type: .string), .init(name: "type", type: .string),
            .init(name: "status", type: .string), .init(name: "region", type: .string),
            .init(name: "area_m2", type: .real),
        ]
        if hazards != nil {
            fields += [.init(name: "rank", type: .integer), .init(name: "score_mean", type: .real),
                       .init(name: "score_max", type: .real), .init(name: "benefit_per_m2", type: .real)]
            fields += factors.map { .init(name: "share_\($0)", type: .real) }
        }
        if releases != nil {
            fields += ["release_p10", "release_p50", "release_p90"].map { .init(name: $0, type: .string) }
            fields += [.init(name: "release_year_p50", type: .integer), .init(name: "released_share", type: .real)]
        }
        let features = source.features.map { feature -> VectorFeature in
            let id = feature.attributes["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) } ?? ""
            var a: [String: AttributeValue] = ["id": .string(id)]
            for key in ["name", "type", "status", "region"] { a[key] = feature.attributes[key] ?? .null }
            if let hazard = ranked[id] {
                a["area_m2"] = .real(hazard.areaSquareMetres)
                a["rank"] = .integer(hazard.rank)
                a["score_mean"] = .real(hazard.meanScore)
                a["score_max"] = .real(hazard.maxScore)
                a["benefit_per_m2"] = .real(hazard.benefitPerSquareMetre)
                for share in hazard.shares { a["share_\(share.factor)"] = .real(share.weight) }
            }
            if let release = released[id] {
                a["release_p10"] = release.p10Date.map(AttributeValue.string) ?? .null
                a["release_p50"] = release.p50Date.map(AttributeValue.string) ?? .null
                a["release_p90"] = release.p90Date.map(AttributeValue.string) ?? .null
                a["release_year_p50"] = release.p50Date.flatMap { Int($0.prefix(4)) }.map(AttributeValue.integer) ?? .null
                a["released_share"] = .real(release.finishedShare)
            }
            for field in fields where a[field.name] == nil { a[field.name] = .null }
            return VectorFeature(fid: feature.fid, geometry: feature.geometry, attributes: a)
        }
        try writeVectorLayer(path: path, epsg: scenario.grid.epsg, layerName: "hazards", fields: fields, features: features)
    }
}
