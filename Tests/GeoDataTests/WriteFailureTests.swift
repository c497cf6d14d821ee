import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData
#if canImport(Glibc)
import Glibc
#endif

/// Hostile environment: a full disk is never reported as success.
///
/// A full disk is simulated portably, with no root or tmpfs: a child process lowers its file-size
/// limit (`RLIMIT_FSIZE`) and ignores `SIGXFSZ`, so every write past the limit fails with `EFBIG`,
/// just as `ENOSPC` would. The child is this same test executable, run with `--filter` on
/// ``childWritesUnderAFileSizeLimit()``, which does nothing unless ``childVariable`` is set. Every
/// writer must then throw and publish nothing.
@Suite("Write failures")
struct WriteFailureTests {
    /// Set in the child's environment to the directory to write into.
    static let childVariable = "CLEARCAST_GEODATA_FULL_DISK_CHILD"
    /// The child's file-size limit: above what the pre-existing file needs, below every output.
    static let limit: rlim_t = 48 * 1024

    /// The example (`--hazards x.geojson` on a full disk) and its variants: GeoPackage,
    /// GeoTIFF, and an existing destination that must be left as it was.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe"), "re-runs the test executable via /proc/self/exe"),
          .timeLimit(.minutes(2)))
    func writersThrowOnAFullDisk() throws {
        let dir = try ScratchDirectory("geodata-full")
        defer { dir.remove() }
        try dir.write("previous contents", to: "existing.geojson")
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/proc/self/exe"),
                                        ["--testing-library", "swift-testing", "--filter", "childWritesUnderAFileSizeLimit"],
                                        environment: [Self.childVariable: dir.path], timeout: .seconds(100))
        let results = run.stdout.split(separator: "\n").filter { $0.hasPrefix("RESULT ") }.map { String($0.dropFirst(7)) }
        #expect(results.count == 4, "child output:\n\(run.stdout)\n\(run.stderr)")
        for result in results {
            #expect(result.contains(" threw "), "\(result)")
        }
        #expect(results.contains { $0.hasPrefix("hazards.geojson threw") && $0.contains("too large") }, "\(results)")
        // Nothing was published, no temporary file is left, and the existing file is unchanged.
        #expect(try dir.contents() == ["existing.geojson"])
        #expect(try String(contentsOfFile: dir.file("existing.geojson"), encoding: .utf8) == "previous contents")
    }

    /// The child half of ``writersThrowOnAFullDisk()``: a no-op unless ``childVariable`` is set.
    @Test func childWritesUnderAFileSizeLimit() throws {
        guard let directory = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
        signal(SIGXFSZ, SIG_IGN)
        var limit = rlimit(rlim_cur: Self.limit, rlim_max: Self.limit)
        try #require(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0)
        let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }

        let features = Self.features(count: 2_000)
        let fields = [FieldDefinition(name: "status", type: .string)]
        report("hazards.geojson") {
            try writeVectorLayer(path: path("hazards.geojson"), epsg: 32638, layerName: "hazards", fields: fields, features: features)
        }
        report("hazards.gpkg") {
            try writeVectorLayer(path: path("hazards.gpkg"), epsg: 32638, layerName: "hazards", fields: fields, features: features)
        }
        report("existing.geojson") {
            try writeVectorLayer(path: path("existing.geojson"), epsg: 32638, layerName: "hazards", fields: fields, features: features)
        }
        report("risk.tif") {
            let grid = try Grid(epsg: 32638, minX: 640_000, minY: 4_400_000, cellSize: 100, columns: 200, rows: 200)
            var generator = SeededGenerator(seed: 7)
            let values = (0..<grid.cellCount).map { _ in Double.random(in: 0...1, using: &generator) }
            try writeGeoTIFF(path: path("risk.tif"), grid: grid, bands: [(name: "risk", values: values)])
        }
    }

    /// Prints `RESULT <name> threw <error>` or `RESULT <name> succeeded` for the parent to read.
    private func report(_ name: String, _ body: () throws -> Void) {
        do {
            try body()
            print("RESULT \(name) succeeded")
        } catch {
            print("RESULT \(name) threw \(String(describing: error).replacingOccurrences(of: "\n", with: " "))")
        }
    }

    /// `count` small square polygons with a status attribute: about 300 bytes each as GeoJSON.
    static func features(count: Int) -> [VectorFeature] {
        (0..<count).map { index in
            let x = 640_000 + Double(index % 50) * 100, y = 4_400_000 + Double(index / 50) * 100
            let ring = [Point2(x: x, y: y), Point2(x: x + 50, y: y), Point2(x: x + 50, y: y + 50),
                        Point2(x: x, y: y + 50), Point2(x: x, y: y)]
            return VectorFeature(fid: index + 1, geometry: .polygon([ring]), attributes: ["status": .string("CHA")])
        }
    }
}
