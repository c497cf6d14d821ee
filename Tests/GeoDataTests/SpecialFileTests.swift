import _TestSupport
import Foundation
import Testing
@testable import GeoData
#if canImport(Glibc)
import Glibc
#endif

/// Hostile input: only regular files are opened. A FIFO, device, socket or directory is refused
/// with an error that says what it is. Nothing blocks: every FIFO here is a ``GuardedFIFO``, which
/// also reports whether anyone opened it.
@Suite("Only regular files are opened")
struct SpecialFileTests {
    let dir: ScratchDirectory
    init() throws { dir = try ScratchDirectory("geodata-special") }

    /// The issue's example: a FIFO as a layer, which used to block the read forever.
    @Test(arguments: ["hazards.geojson", "incidents.csv", "hazards.shp", "risk.tif"])
    func fifoLayerIsRefusedPromptly(_ name: String) throws {
        let fifo = try GuardedFIFO(at: dir.file(name))
        let started = ContinuousClock.now
        let error = try #require(geoError {
            name.hasSuffix(".tif") ? try readRaster(path: fifo.path) as Any
                : try readVectorLayer(at: fifo.path, targetEPSG: 32638) as Any
        })
        #expect(!fifo.stop(), "the FIFO was opened")
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(error.kind == .unreadable)
        #expect(error.path == fifo.path)
        #expect(error.message.contains("FIFO") && error.message.contains("regular file"), "\(error)")
    }

    /// The issue's example: `/dev/zero` used to be reported as a permission problem. Variants: a
    /// symbolic link to it (stat follows links), and the same for rasters.
    @Test func devicesAreRefusedAsDevices() throws {
        let link = dir.file("zero.geojson")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        for path in ["/dev/zero", link] {
            let vector = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
            #expect(vector.kind == .unreadable && vector.path == path)
            #expect(vector.message.contains("character device") && vector.message.contains("regular file"), "\(vector)")
            let raster = try #require(geoError { try readRaster(path: path) })
            #expect(raster.kind == .unreadable && raster.message.contains("character device"), "\(raster)")
        }
    }

    /// A directory, a Unix socket and a dangling symbolic link each get their own words.
    @Test func directoriesSocketsAndDanglingLinks() throws {
        let directory = try #require(geoError { try readVectorLayer(at: dir.path, targetEPSG: 32638) })
        #expect(directory.kind == .unreadable && directory.message.contains("a directory"), "\(directory)")

        let socketPath = dir.file("layer.geojson")
        let descriptor = try bindUnixSocket(at: socketPath)
        defer { close(descriptor) }
        let socketError = try #require(geoError { try readVectorLayer(at: socketPath, targetEPSG: 32638) })
        #expect(socketError.kind == .unreadable && socketError.message.contains("a socket"), "\(socketError)")

        let dangling = dir.file("gone.geojson")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.file("nowhere.geojson"))
        let danglingError = try #require(geoError { try readVectorLayer(at: dangling, targetEPSG: 32638) })
        #expect(danglingError.kind == .fileNotFound && danglingError.message.contains("symbolic link"), "\(danglingError)")
    }

    /// GDAL opens side files by name: a FIFO `.dbf` beside a valid `.shp`, or a FIFO `.csvt` beside
    /// a valid CSV, would block just the same. Both are refused, naming the side file.
    @Test func fifoSideFilesAreRefused() throws {
        let shapefile = try writeOnePointShapefile(in: dir, name: "hazards")
        try FileManager.default.removeItem(atPath: dir.file("hazards.dbf"))
        let dbf = try GuardedFIFO(at: dir.file("hazards.dbf"))
        let csv = try dir.write("lon,lat\n46.75,39.76\n", to: "incidents.csv")
        let csvt = try GuardedFIFO(at: dir.file("incidents.csvt"))
        for (path, sideFile) in [(shapefile, "hazards.dbf"), (csv, "incidents.csvt")] {
            let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
            #expect(error.kind == .unreadable && error.path == path)
            #expect(error.message.contains(sideFile) && error.message.contains("FIFO"), "\(error)")
            #expect(throws: GeoDataError.self) { try vectorLayerFiles(at: path) }
        }
        #expect(!dbf.stop() && !csvt.stop(), "a FIFO side file was opened")
    }

    /// Regular files reached through a symbolic link, and directories named like side files, are fine.
    @Test func symbolicLinksToRegularFilesStillRead() throws {
        let target = try dir.write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[46.75,39.76]}}]}"#,
                                   to: "real/points.geojson")
        let link = dir.file("points.geojson")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try FileManager.default.createDirectory(atPath: dir.file("points.geojson.d"), withIntermediateDirectories: false)
        let layer = try readVectorLayer(at: link, targetEPSG: 4326)
        #expect(layer.features.count == 1)
    }

    /// A listening Unix-domain socket at `path` (the file type `S_IFSOCK`).
    private func bindUnixSocket(at path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0, "bind failed: \(String(cString: strerror(errno)))")
        return descriptor
    }
}
