import ClearcastDomain
import Foundation
import Testing
import LinearAlgebra
@testable import RiskModel

@Suite("Contamination and land value layers")
struct ContaminationLayerTests {
    @Test func codesMatchFileConvention() {
        #expect(ContaminationType(rawValue: "AP") == .antiPersonnel)
        #expect(ContaminationType(rawValue: "AV") == .antiVehicle)
        #expect(ContaminationType(rawValue: "CM") == .clusterMunition)
        #expect(ContaminationType(rawValue: "UXO") == .unexplodedOrdnance)
        #expect(HazardStatus(rawValue: "CHA") == .confirmed)
        #expect(HazardStatus(rawValue: "SHA") == .suspected)
    }

    @Test func overlappingPolygonsTakeTheMaximum() throws {
        let hazards = [
            HazardFootprint(id: "1", type: .antiPersonnel, status: .confirmed, areaSquareMetres: 100, cells: [0, 1]),
            HazardFootprint(id: "2", type: .antiVehicle, status: .suspected, areaSquareMetres: 100, cells: [1, 2]),
            HazardFootprint(id: "3", type: .unexplodedOrdnance, status: .confirmed, areaSquareMetres: 100, cells: [3]),
            HazardFootprint(id: "4", type: .clusterMunition, status: .suspected, areaSquareMetres: 100, cells: []),
            HazardFootprint(id: "5", type: .clusterMunition, status: .suspected, areaSquareMetres: 100, cells: [2, 2]),
        ]
        let layer = try ContaminationLayer.build(footprints: hazards, cellCount: 6)
        #expect(layer == [1.0, 1.0, 0.8 * 0.6, 0.5, 0, 0])
    }

    @Test func customWeightsAndValidation() throws {
        var w = ContaminationWeights.default
        w.suspected = 0.4
        w.antiVehicle = 0
        let hazards = [HazardFootprint(id: "1", type: .antiVehicle, status: .confirmed, areaSquareMetres: 1, cells: [0]),
                       HazardFootprint(id: "2", type: .antiPersonnel, status: .suspected, areaSquareMetres: 1, cells: [1])]
        #expect(try ContaminationLayer.build(footprints: hazards, cellCount: 2, weights: w) == [0, 0.4])
        var bad = ContaminationWeights.default
        bad.clusterMunition = -0.1
        #expect(throws: RiskModelError.invalidWeight(name: "contamination CM", value: -0.1)) {
            _ = try ContaminationLayer.build(footprints: hazards, cellCount: 2, weights: bad)
        }
        bad = ContaminationWeights.default
        bad.confirmed = .nan
        #expect(throws: RiskModelError.self) { try bad.validate() }
        let zero = ContaminationWeights(antiPersonnel: 0, antiVehicle: 0, clusterMunition: 0, unexplodedOrdnance: 0,
                                        confirmed: 1, suspected: 1)
        #expect(throws: RiskModelError.self) { try zero.validate() }
        #expect(throws: RiskModelError.cellIndexOutOfRange(context: "hazard '1'", index: 5, cellCount: 2)) {
            _ = try ContaminationLayer.build(
                footprints: [HazardFootprint(id: "1", type: .antiPersonnel, status: .confirmed, areaSquareMetres: 1, cells: [5])],
                cellCount: 2)
        }
    }

    @Test func landValueFromPolygons() throws {
        let features = [
            LandUseFeature(landUse: .agriculture, cells: [0, 1, 2]),
            LandUseFeature(landUse: .school, cells: [2]),
            LandUseFeature(landUse: .grazing, cells: [3]),
        ]
        let layer = try LandValueLayer.build(features: features, cellCount: 5)
        #expect(layer == [0.8, 0.8, 1.0, 0.6, 0])
        let custom = try LandValueWeights([.agriculture: 0.2, .school: 0])
        #expect(try LandValueLayer.build(features: features, cellCount: 5, weights: custom) == [0.2, 0.2, 0.2, 0.6, 0])
        #expect(throws: RiskModelError.self) { _ = try LandValueWeights([.road: -1]) }
        #expect(throws: RiskModelError.cellIndexOutOfRange(context: "land use feature 1 (road)", index: -1, cellCount: 5)) {
            _ = try LandValueLayer.build(features: [features[0], LandUseFeature(landUse: .road, cells: [-1])], cellCount: 5)
        }
    }

    @Test func landValueWeightsRoundTripThroughJSON() throws {
        let w = try LandValueWeights([.water: 0.5])
        let data = try JSONEncoder().encode(w)
        #expect(try JSONDecoder().decode(LandValueWeights.self, from: data) == w)
        #expect(throws: (any Error).self) {
            _ = try JSONDecoder().decode(LandValueWeights.self, from: Data(#"{"swamp": 1}"#.utf8))
        }
    }

    @Test func landValueFromRaster() throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 3, rows: 2)
        let raster = try Matrix(rows: 2, columns: 3, elements: [0, 1, 2, 3, 4, 5])
        #expect(try LandValueLayer.build(raster: raster, grid: grid) == [0, 1, 2, 3, 4, 5])
        #expect(throws: RiskModelError.self) {
            _ = try LandValueLayer.build(raster: Matrix(rows: 3, columns: 2, repeating: 0), grid: grid)
        }
        #expect(throws: RiskModelError.self) {
            _ = try LandValueLayer.build(raster: Matrix(rows: 2, columns: 3, elements: [0, -1, 0, 0, 0, 0]), grid: grid)
        }
    }
}
