import ClearanceModel
import ClearcastDomain
import GeoData
import RiskModel
import Scenarios

/// GIS layers for QGIS and the like: the surfaces as a GeoTIFF, the ranked hazard areas (with their
/// forecast release dates when a simulation ran) as a GeoPackage or GeoJSON layer.
///
/// The hazard layer is written from the loaded ``ScenarioLayers`` (each ``ScenarioHazard`` keeps its
/// polygon in the grid CRS and its feature id), not from the layer file: the export then shows the
/// hazards the run used, even if the file changed or went away since it was loaded.
public enum GISExport {
    /// Writes every raw layer and the priority score as bands of a GeoTIFF in the grid's CRS; with a
    /// study area, cells outside it are nodata (NaN) in every band.
    public static func writeRaster(_ assessment: PriorityAssessment, grid: Grid, to path: String,
                                   extraBands: [(name: String, values: [Double])] = []) throws {
        let mask = assessment.studyArea
        let outside = { (values: [Double]) in mask.map { m in m.expand(m.compact(values), fill: Double.nan) } ?? values }
        var bands = zip(assessment.factors, assessment.rawLayers).map { (name: $0.rawValue, values: outside($1)) }
        bands += extraBands.map { (name: $0.name, values: outside($0.values)) }
        bands.append((name: "priority", values: assessment.gridScores()))
        try writeGeoTIFF(path: path, grid: grid, bands: bands, noDataValue: mask == nil || mask!.includesEveryCell ? nil : .nan)
    }

    /// Writes the hazard polygons of `layers` (in the grid CRS, in layer order) with their rank, scores
    /// and, per factor, share, mean normalised value and alone-rank from a `score` result.
    public static func writeHazards(_ score: ScoreResult, layers: ScenarioLayers, to path: String) throws {
        try writeHazards(layers: layers, ranked: score.hazards, factors: score.weights.factors.map(\.factor),
                         releases: nil, to: path)
    }

    /// Writes the hazard polygons of `layers` with the rank, scores and factor shares of the
    /// simulation's ranking, and from its forecast the release-date quantiles (YYYY-MM-DD), expected
    /// release year, share of replications that release the area and the mean m² cancelled, reduced,
    /// cleared and still hazardous at the horizon, so a map can be coloured by "expected clearance
    /// year" or by what is left.
    public static func writeHazards(_ run: SimulationRun.Output, layers: ScenarioLayers, to path: String) throws {
        let factors = run.ranking.first?.factors.map(\.factor) ?? []
        let start = run.model.startDate
        try writeHazards(layers: layers, ranked: ScoreReport.hazards(run.ranking, areas: layers.hazards, model: run.model), factors: factors,
                         releases: run.forecast.taskReleases.map { Release($0, start: start) }, to: path)
    }

    /// One hazard area's forecast release as calendar dates, and how its area is released. The
    /// forecast counts days from the simulation start; converting them here with ``CivilDate``
    /// arithmetic gives the year column from a date rather than from the text of one.
    struct Release {
        var id: String
        var p10: CivilDate?
        var p50: CivilDate?
        var p90: CivilDate?
        /// Share of replications in which the area was released within the horizon.
        var releasedShare: Double
        /// Mean m² over replications cancelled, reduced, cleared and still hazardous at the horizon.
        var cancelled: Double
        var reduced: Double
        var cleared: Double
        var remaining: Double

        init(_ task: TaskReleaseForecast, start: CivilDate) {
            id = task.id
            p10 = task.p10Day.map(start.adding(days:))
            p50 = task.p50Day.map(start.adding(days:))
            p90 = task.p90Day.map(start.adding(days:))
            releasedShare = task.releasedShare
            cancelled = task.meanCancelled
            reduced = task.meanReduced
            cleared = task.meanCleared
            remaining = task.meanRemaining
        }
    }

    /// The effort columns (with teams): expected team-days and cost to release, civilian casualties
    /// a year if left, those per team-day and per million, and the rank by risk per team-day.
    static let effortFields: [FieldDefinition] = [
        .init(name: "team_days", type: .real), .init(name: "cost", type: .real),
        .init(name: "casualties_per_year", type: .real), .init(name: "risk_per_team_day", type: .real),
        .init(name: "risk_per_million", type: .real), .init(name: "effort_rank", type: .integer),
    ]

    /// The outcome columns of a release layer: mean m² over replications (suffix `_m2`, like `area_m2`).
    static let outcomeFields = ["cancelled_m2", "reduced_m2", "cleared_m2", "remaining_m2"]

    /// The shared writer: one feature per hazard area, in layer order, with the ranking's columns when
    /// `ranked` is given and the release columns when `releases` is. Areas missing from either get
    /// nulls in those columns.
    static func writeHazards(layers: ScenarioLayers, ranked hazards: [ScoreResult.RankedHazard]?, factors used: [String],
                             releases: [Release]?, to path: String) throws {
        let ranked = Dictionary((hazards ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let released = Dictionary((releases ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let factors = PriorityFactor.allCases.map(\.rawValue).filter(used.contains)
        var fields: [FieldDefinition] = [
            .init(name: "id", type: .string), .init(name: "name", type: .string), .init(name: "type", type: .string),
            .init(name: "status", type: .string), .init(name: "region", type: .string),
            .init(name: "area_m2", type: .real),
        ]
        if hazards != nil {
            fields += [.init(name: "rank", type: .integer), .init(name: "score_mean", type: .real),
                       .init(name: "score_max", type: .real), .init(name: "benefit_per_m2", type: .real)]
            // Per factor: share of the score, mean normalised value, rank by that factor alone.
            fields += factors.flatMap { factor -> [FieldDefinition] in
                [.init(name: "share_\(factor)", type: .real), .init(name: "value_\(factor)", type: .real),
                 .init(name: "alone_rank_\(factor)", type: .integer)]
            }
            if hazards?.contains(where: { $0.effort != nil }) == true { fields += effortFields }
        }
        if releases != nil {
            // Real date fields (GeoPackage DATE, GeoJSON "YYYY-MM-DD"), so GIS tools can filter and
            // style by date rather than by text.
            fields += ["release_p10", "release_p50", "release_p90"].map { .init(name: $0, type: .date) }
            fields += [.init(name: "release_year_p50", type: .integer), .init(name: "released_share", type: .real)]
            fields += outcomeFields.map { .init(name: $0, type: .real) }
        }
        let text = { (date: CivilDate?) in date.map { AttributeValue.date(year: $0.year, month: $0.month, day: $0.day) } ?? .null }
        let features = layers.hazards.map { area -> VectorFeature in
            let id = area.footprint.id
            var a = descriptiveAttributes(area)
            if let hazard = ranked[id] {
                a["area_m2"] = .real(hazard.areaSquareMetres)
                a["rank"] = .integer(hazard.rank)
                a["score_mean"] = .real(hazard.meanScore)
                a["score_max"] = .real(hazard.maxScore)
                a["benefit_per_m2"] = .real(hazard.benefitPerSquareMetre)
                if let e = hazard.effort {
                    a["team_days"] = e.teamDays.map(AttributeValue.real) ?? .null
                    a["cost"] = e.cost.map(AttributeValue.real) ?? .null
                    a["casualties_per_year"] = .real(e.casualtiesPerYear)
                    a["risk_per_team_day"] = .real(e.casualtiesPerYearPerTeamDay)
                    a["risk_per_million"] = e.casualtiesPerYearPerMillion.map(AttributeValue.real) ?? .null
                    a["effort_rank"] = .integer(e.effortRank)
                }
                for factor in hazard.factors {
                    a["share_\(factor.factor)"] = .real(factor.share)
                    a["value_\(factor.factor)"] = factor.meanValue.map(AttributeValue.real) ?? .null
                    a["alone_rank_\(factor.factor)"] = factor.aloneRank.map(AttributeValue.integer) ?? .null
                }
            }
            if let release = released[id] {
                a["release_p10"] = text(release.p10)
                a["release_p50"] = text(release.p50)
                a["release_p90"] = text(release.p90)
                a["release_year_p50"] = release.p50.map { AttributeValue.integer($0.year) } ?? .null
                a["released_share"] = .real(release.releasedShare)
                for (field, value) in zip(outcomeFields, [release.cancelled, release.reduced, release.cleared, release.remaining]) {
                    a[field] = .real(value)
                }
            }
            for field in fields where a[field.name] == nil { a[field.name] = .null }
            return VectorFeature(fid: area.featureID, geometry: area.geometry, attributes: a)
        }
        try writeVectorLayer(path: path, epsg: layers.grid.epsg, layerName: "hazards", fields: fields, features: features)
    }

    /// id, name, type, status and region as the scenario checked them (not re-read from the file):
    /// type and status as their codes (AP, CHA, whatever the file's letter case), an absent or empty
    /// name or region as null.
    static func descriptiveAttributes(_ area: ScenarioHazard) -> [String: AttributeValue] {
        let footprint = area.footprint
        return [
            "id": .string(footprint.id),
            "name": footprint.name.map(AttributeValue.string) ?? .null,
            "type": .string(footprint.type.rawValue),
            "status": .string(footprint.status.rawValue),
            "region": area.region.isEmpty ? .null : .string(area.region),
        ]
    }
}
