import ClearanceModel
import ClearcastDomain
import Foundation
import GeoData
import LinearAlgebra
import RiskModel

extension Scenario {
    /// The scoring parameters of this scenario, with `referenceDate` as "today" for ageing incidents
    /// (the scenario's own reference date unless a hold-out analysis moves it).
    ///
    /// - Throws: `ScenarioError` naming the `scoring` field at fault (e.g. an inconsistent AHP matrix,
    ///   or a positive land-value weight with no land-use layer).
    public func priorityParameters(referenceDate: CivilDate? = nil) throws -> PriorityParameters {
        let fail = { (path: String, message: String) in ScenarioError(file: self.file.path, path: path, message: message) }
        let s = scoring
        let d = ContaminationWeights.default
        let contamination = ContaminationWeights(
            antiPersonnel: s.typeWeights["AP"] ?? d.antiPersonnel, antiVehicle: s.typeWeights["AV"] ?? d.antiVehicle,
            clusterMunition: s.typeWeights["CM"] ?? d.clusterMunition,
            unexplodedOrdnance: s.typeWeights["UXO"] ?? d.unexplodedOrdnance,
            confirmed: s.statusWeights["CHA"] ?? d.confirmed, suspected: s.statusWeights["SHA"] ?? d.suspected)
        do { try contamination.validate() } catch { throw fail("scoring.contamination", "\(error)") }
        let landValue: LandValueWeights
        do {
            var overrides: [LandUseClass: Double] = [:]
            for (name, value) in s.landValueWeights { if let c = LandUseClass(rawValue: name) { overrides[c] = value } }
            landValue = try LandValueWeights(overrides)
        } catch { throw fail("scoring.land_value.class_weights", "\(error)") }

        let weights: PriorityWeights
        switch s.weights {
        case .direct(let table):
            let factors = PriorityFactor.allCases.filter { table[$0] != nil }
            try checkLayers(factors.filter { (table[$0] ?? 0) > 0 }, path: "scoring.weights.direct")
            do {
                weights = try PriorityWeights(factors: factors, values: factors.map { table[$0] ?? 0 })
            } catch { throw fail("scoring.weights.direct", "\(error)") }
        case .ahp(let factors, let matrix, let accept):
            try checkLayers(factors, path: "scoring.weights.ahp.factors")
            do {
                let pairwise = try Matrix(rows: matrix.count, columns: matrix.count, elements: Array(matrix.joined()))
                weights = try PriorityWeights(factors: factors, pairwise: pairwise, acceptInconsistent: accept)
            } catch { throw fail("scoring.weights.ahp", "\(error)") }
        }
        let density = IncidentDensityParameters(
            bandwidth: s.bandwidthMetres, halfLifeYears: s.halfLifeYears, casualtyWeight: s.casualtyWeight,
            truncationSigmas: s.truncationSigmas, referenceDate: referenceDate ?? self.referenceDate)
        do { try density.validate() } catch { throw fail("scoring.incident_density", "\(error)") }
        return PriorityParameters(
            density: density, pressure: ReturnPressureParameters(decayDistance: s.pressureDecayMetres),
            contamination: contamination, landValue: landValue,
            normalization: s.normalization, weights: weights)
    }

    /// A factor with weight needs its layer: land use for land_value, settlements for return_pressure.
    private func checkLayers(_ factors: [PriorityFactor], path: String) throws {
        if factors.contains(.landValue), layers.landUse == nil {
            throw ScenarioError(file: file.path, path: path,
                                message: "weights use land_value but the scenario has no layers.land_use; add the layer or give land_value weight 0")
        }
        if factors.contains(.returnPressure), layers.settlements == nil {
            throw ScenarioError(file: file.path, path: path,
                                message: "weights use return_pressure but the scenario has no layers.settlements; add the layer or give return_pressure weight 0")
        }
    }
}

extension ScenarioLayers {
    /// The inputs of the risk-priority model: the given incidents (all of them unless a hold-out
    /// analysis passes only the training set), settlements, hazard footprints and land use.
    public func priorityInputs(incidents: [Incident]? = nil) -> PriorityInputs {
        var inputs = PriorityInputs(grid: grid, incidents: incidents ?? self.incidents, settlements: settlements,
                                    hazards: hazards.map(\.footprint), landUse: landUse)
        inputs.studyArea = studyArea
        return inputs
    }
}
