import Foundation
import GeoData

extension Scenario {
    /// SHA-256 (hex) over every file this scenario reads: the scenario file, the files it extends,
    /// its layer files, and the side files GDAL reads with a layer (a Shapefile's `.dbf`, `.shx`,
    /// `.prj`, `.cpg`, `.qix`; a CSV's `.csvt` and `.prj`; see ``GeoData/vectorLayerFiles(at:)``).
    ///
    /// Two results with the same hash were computed from byte-identical inputs.
    ///
    /// The hash input is a sequence of blobs, each preceded by its length as a little-endian
    /// `UInt64`, so that boundaries cannot shift:
    ///
    /// 1. the contents of the scenario file, of each file it extends, then of each named layer
    ///    file (incidents, settlements, hazards, land use);
    /// 2. only when some layer has side files: the blob `side-files`, then for each layer in the
    ///    same order the number of its side files (a bare `UInt64`), then for each side file, in
    ///    path order, its path relative to the layer's directory and its contents.
    ///
    /// Part 2 names each side file, so renaming one (for example swapping two `.prj` files) changes
    /// the hash. A layer's own file needs no name because the scenario file, hashed in part 1,
    /// already names it. When no layer has side files, part 2 is absent and the hash equals the
    /// one earlier versions computed. Results committed for GeoJSON-only scenarios stay valid.
    ///
    /// - Throws: ``ScenarioError`` naming a file that cannot be read, or that is not a regular file
    ///   (a FIFO would block the hash forever).
    public func contentHash() throws -> String {
        let layerFiles = [layers.incidents, layers.settlements, layers.hazards, layers.landUse].compactMap { $0?.url }
        // Listing first also checks that every layer file and side file is a regular file.
        let sideFiles = try layerFiles.map { try Self.sideFiles(of: $0) }

        var hasher = try SHA256Digest()
        for url in sourceFiles + layerFiles {
            try Self.updateBlob(&hasher, Self.contents(of: url))
        }
        guard sideFiles.contains(where: { !$0.isEmpty }) else { return try hasher.hexFinal() }
        try Self.updateBlob(&hasher, Data("side-files".utf8))
        for (layer, files) in zip(layerFiles, sideFiles) {
            try withUnsafeBytes(of: UInt64(files.count).littleEndian) { try hasher.update($0) }
            for file in files {
                let name = Self.relativePath(of: file, to: layer.deletingLastPathComponent())
                try Self.updateBlob(&hasher, Data(name.utf8))
                try Self.updateBlob(&hasher, Self.contents(of: file))
            }
        }
        return try hasher.hexFinal()
    }

    /// The files GDAL reads for the layer at `url` other than `url` itself, sorted by path.
    private static func sideFiles(of url: URL) throws -> [URL] {
        let layer = url.standardizedFileURL.path
        do {
            return try vectorLayerFiles(at: url.path).filter { $0 != layer }.map { URL(fileURLWithPath: $0) }
        } catch let error as GeoDataError {
            throw ScenarioError(file: url.path, message: "cannot be read to compute the scenario hash: \(error.kind.rawValue): \(error.message)")
        }
    }

    /// Adds `data` to the hash, preceded by its length.
    private static func updateBlob(_ hasher: inout SHA256Digest, _ data: Data) throws {
        try withUnsafeBytes(of: UInt64(data.count).littleEndian) { try hasher.update($0) }
        try hasher.update(data)
    }

    /// The bytes of `url`, or a ``ScenarioError`` naming it.
    private static func contents(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ScenarioError(file: url.path, message: "cannot be read to compute the scenario hash: \(error.localizedDescription)")
        }
    }

    /// `file`'s path relative to `directory`, with `..` where it lies outside (e.g. `hazards.dbf`).
    static func relativePath(of file: URL, to directory: URL) -> String {
        let from = directory.standardizedFileURL.pathComponents
        let to = file.standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
