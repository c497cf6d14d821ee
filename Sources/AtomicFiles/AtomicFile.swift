import Foundation

/// Publishes files atomically: write to a hidden temporary file in the destination directory,
/// then `rename(2)` it over the destination.
///
/// `rename` within one directory (hence one file system) is atomic on POSIX, so readers see either
/// the old file or the complete new one, never a partial file; on any failure the temporary file
/// (and any sidecar GDAL left next to it, e.g. `-wal`, `.aux.xml`) is removed and an existing
/// destination is untouched. The temporary name keeps the destination's extension because GDAL
/// drivers such as GPKG and GTiff look at it.
public enum AtomicFile {
    /// A file that could not be published, with the destination and the reason. Always a problem
    /// with the destination the user named (missing directory, permissions, full disk).
    public struct WriteFailed: Error, CustomStringConvertible, Equatable, Sendable {
        /// The destination path as given.
        public var path: String
        /// What went wrong, in words.
        public var reason: String
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
        public var description: String { "\(path): write failed: \(reason)" }
    }

    /// Calls `body` with a temporary path to write, then moves that file to `path`.
    ///
    /// - Throws: ``WriteFailed`` when the directory does not exist or the rename fails; rethrows `body`'s errors.
    public static func write(to path: String, _ body: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteFailed(path: path, reason: "the directory '\(directory)' does not exist; expected an existing directory to write into")
        }
        let ext = url.pathExtension
        let stem = temporaryPrefix(of: path) + UUID().uuidString
        let temporary = url.deletingLastPathComponent().appendingPathComponent(ext.isEmpty ? stem : "\(stem).\(ext)").path
        do {
            try body(temporary)
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw WriteFailed(path: path, reason: "could not move the finished temporary file into place: \(reason)")
            }
        } catch {
            removeLeftovers(in: directory, prefix: stem)
            throw error
        }
        // Sidecars (e.g. an .aux.xml GDAL chose to write) would be orphaned under the temp name.
        removeLeftovers(in: directory, prefix: stem)
    }

    /// Writes `data` to `path` atomically (flushed to disk before the rename).
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw WriteFailed(path: path, reason: "cannot create a file in its directory (permissions?)")
            }
            defer { try? handle.close() }
            do {
                try handle.write(contentsOf: data)
                try handle.synchronize()
            } catch {
                throw WriteFailed(path: path, reason: error.localizedDescription)
            }
        }
    }

    /// The name prefix of `path`'s temporary files (and of the sidecars GDAL writes beside them, such
    /// as `-journal`): `.<name without extension>.tmp-`, in the same directory. Public so that an
    /// interrupt can remove the temporary files of an output being written.
    public static func temporaryPrefix(of path: String) -> String {
        "." + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".tmp-"
    }

    /// Removes the temporary files (and sidecars) of `path` that a write left in its directory.
    public static func removeTemporaryFiles(of path: String) {
        removeLeftovers(in: URL(fileURLWithPath: path).deletingLastPathComponent().path, prefix: temporaryPrefix(of: path))
    }

    /// Removes every file in `directory` whose name starts with `prefix`.
    private static func removeLeftovers(in directory: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }
}
