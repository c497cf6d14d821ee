import CGDAL
import Foundation

/// How written files reach the disk, so that a write error (a full disk, a file-size limit, a
/// quota) is never reported as success.
///
/// GDAL does not report every write error. The GeoJSON driver in GDAL 3.6 ignores the results of
/// its `VSIFPrintfL` calls and of the final `VSIFCloseL`. On a full disk `ogr2ogr` then exits with
/// 0 and leaves a truncated file. GeoPackage (SQLite) and GeoTIFF (libtiff) do report errors, but
/// only through `CPLError`. So:
///
/// - vector files are written in memory (``stagingPath(for:)``), and clearcast writes the bytes
///   itself (``publish(_:to:reportedPath:)``: checked writes, `fsync`, checked close) into the
///   temporary file that `AtomicFile` renames into place;
/// - GeoTIFFs, which can be large, are written by GDAL straight into the temporary file. Every GDAL
///   error raised meanwhile fails the write, and ``synchronize(_:reportedPath:)`` flushes the file
///   so that errors the kernel reports late still appear before the rename.
enum OutputFile {
    /// A fresh `/vsimem/` directory and a file in it named like `path` (the extension picks GDAL's
    /// behaviour). Remove the directory with ``removeStaging(_:)``.
    static func stagingPath(for path: String) -> (directory: String, file: String) {
        let directory = "/vsimem/clearcast-\(UUID().uuidString)"
        VSIMkdir(directory, 0o755)
        return (directory, "\(directory)/\(URL(fileURLWithPath: path).lastPathComponent)")
    }

    /// Removes a staging directory and everything GDAL left in it (e.g. a SQLite journal).
    static func removeStaging(_ directory: String) {
        VSIRmdirRecursive(directory)
    }

    /// Takes the bytes of the in-memory file `file` (which GDAL has closed) out of GDAL. No copy
    /// is made: the buffer is handed to `Data` and freed with `VSIFree`.
    ///
    /// - Throws: `writeFailed` naming `reportedPath` when GDAL produced no file or an empty one.
    static func takeStagedBytes(_ file: String, reportedPath: String) throws -> Data {
        var length: vsi_l_offset = 0
        guard let buffer = VSIGetMemFileBuffer(file, &length, 1) else {
            throw GeoDataError(.writeFailed, path: reportedPath, "GDAL produced no file")
        }
        guard length > 0, length <= vsi_l_offset(Int.max) else {
            VSIFree(buffer)
            throw GeoDataError(.writeFailed, path: reportedPath, "GDAL produced an empty file")
        }
        return Data(bytesNoCopy: buffer, count: Int(length), deallocator: .custom { pointer, _ in VSIFree(pointer) })
    }

    /// Writes `data` to a new file at `path` with checked `write` calls, then `fsync`s and closes
    /// it, checking both: a full disk or a file-size limit is a thrown error, never a short file.
    ///
    /// - Throws: `writeFailed` naming `reportedPath` with the system's reason (e.g. "File too large").
    static func publish(_ data: Data, to path: String, reportedPath: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GeoDataError(.writeFailed, path: reportedPath, "cannot create the file: \(String(cString: strerror(errno)))")
        }
        var closed = false
        defer { if !closed { close(descriptor) } }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    let reason = written < 0 ? String(cString: strerror(errno)) : "no progress"
                    throw GeoDataError(.writeFailed, path: reportedPath,
                                       "writing to disk failed after \(offset) of \(buffer.count) bytes: \(reason)")
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else {
            throw GeoDataError(.writeFailed, path: reportedPath, "flushing the file to disk failed: \(String(cString: strerror(errno)))")
        }
        closed = true
        guard close(descriptor) == 0 else {
            throw GeoDataError(.writeFailed, path: reportedPath, "closing the file failed: \(String(cString: strerror(errno)))")
        }
    }

    /// `fsync`s the file at `path`, so that write errors the kernel reports only on flushing
    /// (delayed allocation on a full disk, NFS, quotas) surface now rather than after publishing.
    ///
    /// - Throws: `writeFailed` naming `reportedPath` with the system's reason.
    static func synchronize(_ path: String, reportedPath: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw GeoDataError(.writeFailed, path: reportedPath, "cannot reopen the written file to flush it: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw GeoDataError(.writeFailed, path: reportedPath, "flushing the written file to disk failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Throws `writeFailed` naming `reportedPath` when GDAL raised any error while writing.
    static func requireNoErrors(_ errors: [String], reportedPath: String, while activity: String) throws {
        guard !errors.isEmpty else { return }
        throw GeoDataError(.writeFailed, path: reportedPath, "GDAL reported an error while \(activity) (GDAL: \(summary(of: errors)))")
    }

    /// The first three of `errors` (one failure often causes a cascade), and how many more there were.
    static func summary(of errors: [String]) -> String {
        let shown = errors.prefix(3).joined(separator: "; ")
        return errors.count > 3 ? "\(shown); and \(errors.count - 3) more" : shown
    }
}
