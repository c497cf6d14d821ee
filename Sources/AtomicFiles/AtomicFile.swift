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
        // A short random part: the temporary name must fit NAME_MAX whenever the final one does.
        let stem = temporaryPrefix(of: path) + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12))
        let temporary = url.deletingLastPathComponent().appendingPathComponent(ext.isEmpty ? stem : "\(stem).\(ext)").path
        do {
            try body(temporary)
            keepMode(of: path, for: temporary)
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
        "." + String(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.prefix(40)) + ".tmp-"
    }

    // MARK: Staging (several outputs published together)

    /// Where to write `path`'s content first when several outputs are published together: a hidden
    /// name in the same directory, covered by ``removeTemporaryFiles(of:)``, with the same extension
    /// (GDAL drivers look at it). Write it with ``write(to:_:)``, then ``commit(_:)`` all at once.
    public static func stagingPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = temporaryPrefix(of: path) + "staged" + (url.pathExtension.isEmpty ? "" : "." + url.pathExtension)
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Renames every staged file over its destination, in order, each keeping the mode of the file
    /// it replaces. Only renames happen here (microseconds each), so a run either publishes all its
    /// outputs or, when a write fails or is interrupted before this, none.
    ///
    /// - Throws: ``WriteFailed`` for the first rename that fails (earlier ones stay published).
    public static func commit(_ staged: [(staging: String, path: String)]) throws {
        for (staging, path) in staged {
            keepMode(of: path, for: staging)
            guard rename(staging, path) == 0 else {
                let reason = String(cString: strerror(errno))
                for (rest, destination) in staged { if rest != staging || destination != path { unlink(rest) } }
                unlink(staging)
                throw WriteFailed(path: path, reason: "could not move the finished file into place: \(reason)")
            }
        }
    }

    /// Removes staged files (and their temporaries) after a failed or interrupted run.
    public static func discard(_ staged: [(staging: String, path: String)]) {
        for (_, path) in staged { removeTemporaryFiles(of: path) }
    }

    /// A result replacing an earlier one keeps its permissions (a 0600 result stays private).
    private static func keepMode(of path: String, for temporary: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let permissions = attributes[.posixPermissions] as? Int else { return }
        chmod(temporary, mode_t(permissions & 0o7777))
    }

    /// Removes the temporary files (and sidecars) of `path` that a write left in its directory.
    /// Covers the staging file of `path` and the temporary files written on the way to it.
    public static func removeTemporaryFiles(of path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        removeLeftovers(in: directory, prefix: temporaryPrefix(of: path))
        removeLeftovers(in: directory, prefix: temporaryPrefix(of: stagingPath(for: path)))
    }

    /// Removes every file in `directory` whose name starts with `prefix`.
    private static func removeLeftovers(in directory: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }
}
