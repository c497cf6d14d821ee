import Foundation
import GeoData

extension Scenario {
    /// One file the scenario reads, with its own SHA-256: what `sha256sum` prints for it.
    public struct FileDigest: Sendable, Equatable {
        /// Why the scenario reads the file.
        public enum Role: String, Sendable, CaseIterable {
            /// The scenario file itself (always the first file).
            case scenario
            /// A file it `extends:`, directly or through another base.
            case extends
            /// A layer file it names (incidents, settlements, hazards, land use).
            case layer
            /// A file GDAL reads with a layer file: a Shapefile's `.dbf`, `.shx`, `.prj`, `.cpg`,
            /// `.qix`; a CSV's `.csvt` and `.prj` (see ``GeoData/vectorLayerFiles(at:)``).
            case sideFile = "side-file"
        }

        /// The path relative to the scenario file's directory (`layers/hazards.dbf`,
        /// `../baseline.yaml`), or absolute when the file and the scenario share no directory but
        /// the root. Never the working directory's path, so results do not depend on the machine.
        public var path: String
        public var role: Role
        /// SHA-256 of the file's bytes, 64 lowercase hexadecimal digits.
        public var sha256: String

        public init(path: String, role: Role, sha256: String) {
            self.path = path
            self.role = role
            self.sha256 = sha256
        }
    }

    /// Every file this scenario reads, in a fixed order, each with its own SHA-256: the scenario
    /// file, the files it extends (nearest first), then per layer (incidents, settlements, hazards,
    /// land use) the layer file followed by its side files in path order. A file read for two layers
    /// (one GeoPackage holding both) is listed for each.
    ///
    /// - Throws: ``ScenarioError`` naming a file that cannot be read, or that is not a regular file
    ///   (a FIFO would block the hash forever).
    /// - Complexity: reads every byte of every file once.
    public func fileDigests() throws -> [FileDigest] {
        let directory = file.deletingLastPathComponent()
        let layerFiles = layers.allFiles
        // Listing first also checks that every layer file and side file is a regular file.
        let rasters = Set(layers.covariates.map(\.source.url))
        let sideFiles = try layerFiles.map { try Self.sideFiles(of: $0, raster: rasters.contains($0)) }
        var listed: [(URL, FileDigest.Role)] = sourceFiles.enumerated().map { ($1, $0 == 0 ? .scenario : .extends) }
        for (layer, sides) in zip(layerFiles, sideFiles) {
            listed.append((layer, .layer))
            listed += sides.map { ($0, .sideFile) }
        }
        return try listed.map { url, role in
            FileDigest(path: Self.manifestPath(of: url, from: directory), role: role, sha256: try Self.sha256(of: url))
        }
    }

    /// SHA-256 (hex) over every file this scenario reads (``fileDigests()``), so that two results
    /// with the same hash were computed from byte-identical inputs at the same relative paths.
    ///
    /// It is ``combinedHash(of:)`` of the per-file digests: the SHA-256 of the lines `sha256sum`
    /// prints for the listed files when run in the scenario's directory, so a user reproduces it
    /// with `sha256sum FILES | sha256sum` (docs/scenario-format.md).
    ///
    /// - Throws: as ``fileDigests()``.
    public func contentHash() throws -> String {
        try Self.combinedHash(of: fileDigests())
    }

    /// The combined hash of `files`: SHA-256 of `<sha256>␠␠<path>\n` per file, in order, exactly the
    /// output of GNU `sha256sum` for those paths (a path holding a backslash, CR or LF is written as
    /// coreutils 9 writes it: the line starts with `\` and those characters are escaped `\\`, `\r`,
    /// `\n`).
    ///
    /// Why this form: anyone can check it with standard tools, from the files or from the list a
    /// result records, and it names each file, so swapping two side files changes it.
    ///
    /// - Throws: when libcrypto cannot compute a digest.
    public static func combinedHash(of files: [FileDigest]) throws -> String {
        var hasher = try SHA256Digest()
        for file in files { try hasher.update(Data(manifestLine(file).utf8)) }
        return try hasher.hexFinal()
    }

    /// One line of `sha256sum` output for `file`.
    static func manifestLine(_ file: FileDigest) -> String {
        let special = file.path.contains { $0 == "\\" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard special else { return "\(file.sha256)  \(file.path)\n" }
        var escaped = ""
        for scalar in file.path.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\\\(file.sha256)  \(escaped)\n"
    }

    /// The path recorded for `url`: relative to `directory`, or absolute when they share only "/".
    static func manifestPath(of url: URL, from directory: URL) -> String {
        let from = directory.standardizedFileURL.pathComponents, to = url.standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        return common <= 1 ? url.standardizedFileURL.path : relativePath(of: url, to: directory)
    }

    /// The files GDAL reads for the layer at `url` other than `url` itself, sorted by path.
    private static func sideFiles(of url: URL, raster: Bool) throws -> [URL] {
        let layer = url.standardizedFileURL.path
        do {
            return try (raster ? rasterLayerFiles(at: url.path) : vectorLayerFiles(at: url.path)).filter { $0 != layer }.map { URL(fileURLWithPath: $0) }
        } catch let error as GeoDataError {
            throw ScenarioError(file: url.path, message: "cannot be read to compute the scenario hash: \(error.kind.rawValue): \(error.message)")
        }
    }

    /// SHA-256 of the bytes of `url`, read in 1 MiB chunks, or a ``ScenarioError`` naming it.
    private static func sha256(of url: URL) throws -> String {
        let failure = { (reason: String) in
            ScenarioError(file: url.path, message: "cannot be read to compute the scenario hash: \(reason)")
        }
        // Symbolic links are followed; anything but a regular file (a FIFO would block) is refused.
        let type = (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path))?[.type]
        guard type as? FileAttributeType == .typeRegular, let handle = FileHandle(forReadingAtPath: url.path) else {
            throw failure("missing, not a regular file, or not readable")
        }
        defer { try? handle.close() }
        var hasher = try SHA256Digest()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { try hasher.update(chunk) }
        } catch let error as SHA256Digest.Failure {
            throw error
        } catch {
            throw failure(error.localizedDescription)
        }
        return try hasher.hexFinal()
    }

    /// `file`'s path relative to `directory`, with `..` where it lies outside (e.g. `hazards.dbf`).
    static func relativePath(of file: URL, to directory: URL) -> String {
        let from = directory.standardizedFileURL.pathComponents
        let to = file.standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
