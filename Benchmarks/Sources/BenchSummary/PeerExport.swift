import BenchWorkloads
import Foundation
import LinearAlgebra
import RiskModel

// MARK: - PeerExport

/// Writes what the Python peers (`peers/`) need to do the same work as clearcast and check the answer:
///
/// - `risk_inputs.json`: the grid, bandwidth, truncation and every incident's position and weight;
/// - `clearcast_surface.f64`: clearcast's density surface, little-endian float64, row-major, row 0 north;
/// - `clearcast_timing.json`: clearcast's time for the same surface (minimum over `runs`), with the
///   environment, on one BLAS thread and on all cores.
enum PeerExport {
    struct RiskInputs: Codable {
        var minX: Double, minY: Double, cellSize: Double, rows: Int, columns: Int
        var bandwidth: Double, truncateSigmas: Double
        var x: [Double], y: [Double], weight: [Double]
    }

    struct Timing: Codable {
        var size: Int
        var incidents: Int
        var surfaceSecondsAllThreads: Double
        var surfaceSecondsOneThread: Double
        var threadsAll: Int
        var environment: BenchEnvironment
    }

    static func write(to directory: URL, size: Int, incidents: Int, runs: Int) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let inputs = try SyntheticInputs(size: size, incidents: incidents, settlements: 0, hazards: 0, seed: 7)
        let w = try RiskScoringWorkload(inputs: inputs)
        var x: [Double] = [], y: [Double] = [], weight: [Double] = []
        for incident in inputs.incidents {
            guard let v = try w.density.weight(of: incident) else { continue }
            x.append(incident.x)
            y.append(incident.y)
            weight.append(v)
        }
        let g = inputs.grid
        let exported = RiskInputs(minX: g.minX, minY: g.minY, cellSize: g.cellSize, rows: g.rows, columns: g.columns,
                                  bandwidth: SyntheticInputs.bandwidth, truncateSigmas: 4, x: x, y: y, weight: weight)
        try JSONEncoder().encode(exported).write(to: directory.appendingPathComponent("risk_inputs.json"))

        func timeSurface(threads: Int) throws -> Double {
            BenchEnvironment.setBLASThreads(threads)
            _ = try w.density.surface(for: inputs.incidents)
            return try Stopwatch.best(of: runs) { _ = try w.density.surface(for: inputs.incidents) }
        }
        let allThreads = ProcessInfo.processInfo.activeProcessorCount
        let one = try timeSurface(threads: 1)
        let all = try timeSurface(threads: allThreads)
        let surface = try w.density.surface(for: inputs.incidents).density
        let bytes = surface.elements.withUnsafeBytes { Data($0) }
        try bytes.write(to: directory.appendingPathComponent("clearcast_surface.f64"))
        let timing = Timing(size: size, incidents: incidents, surfaceSecondsAllThreads: all, surfaceSecondsOneThread: one,
                            threadsAll: allThreads, environment: .current())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(timing).write(to: directory.appendingPathComponent("clearcast_timing.json"))
        FileHandle.standardError.write(Data("Wrote peer inputs and clearcast's surface (\(size)x\(size), \(incidents) incidents) to \(directory.path)\n".utf8))
    }
}
