import CGDAL
import Foundation

/// Checks made on a path before GDAL opens it.
///
/// GDAL opens whatever the path names. A FIFO blocks the open forever. `/dev/zero` is read without
/// end (GDAL then calls it a permission problem). A path starting with `/vsi` is taken as a
/// virtual file system, and a VRT pulls in other files and URLs. So every input goes through
/// ``check(_:expected:)`` first. It uses `stat`, which follows symbolic links, so a link to a
/// regular file is fine and a link to a device is not. Errors say what the path actually is and
/// that a regular file was expected.
///
/// The check and GDAL's own open are two separate steps. Someone who replaces the file in between
/// (an attacker on the same machine, not the author of a layer file) is outside what this guards.
enum InputFile {
    /// The kinds of file other than a regular one, in words, keyed by the `S_IFMT` bits of `st_mode`
    /// (the same values on Linux and macOS).
    private static let kinds: [mode_t: String] = [
        0o040000: "a directory", 0o010000: "a FIFO (named pipe)", 0o020000: "a character device",
        0o060000: "a block device", 0o140000: "a socket",
    ]
    private static let typeMask: mode_t = 0o170000
    private static let directoryType: mode_t = 0o040000

    /// Refuses `path` unless it is a readable regular file that GDAL may open.
    ///
    /// Refused, in this order: `/vsi…` paths (GDAL virtual file systems); paths that do not exist;
    /// anything that is not a regular file (directory, FIFO, device, socket); unreadable files; GDAL
    /// virtual datasets (VRT); and layers whose side files (same name, another extension) are FIFOs,
    /// devices or sockets, because GDAL opens those by name.
    ///
    /// - Parameter expected: what the caller wants, for messages (e.g. "raster file (GeoTIFF)").
    /// - Throws: ``GeoDataError`` naming `path`: `fileNotFound`, `unreadable` or `unsupportedFormat`.
    static func check(_ path: String, expected: String) throws {
        if path.hasPrefix("/vsi") {
            throw GeoDataError(.unsupportedFormat, path: path,
                               "paths starting with /vsi name GDAL virtual file systems (archives, memory, network), which clearcast does not read; expected the path of a \(expected) on disk")
        }
        try requireRegularFile(path, expected: expected)
        guard access(path, R_OK) == 0 else {
            throw GeoDataError(.unreadable, path: path, "the file exists but is not readable by this user")
        }
        if try isVirtualDataset(path) {
            throw GeoDataError(.unsupportedFormat, path: path,
                               "this is a GDAL virtual dataset (VRT), which clearcast does not accept: a VRT can reference other files and network addresses that the scenario does not name; expected the \(expected) itself")
        }
        try refuseSpecialSideFiles(of: path)
    }

    /// Throws unless `path` (following symbolic links) is a regular file.
    static func requireRegularFile(_ path: String, expected: String) throws {
        let mode = mode_t(clearcast_file_mode(path, -1, 1))
        guard mode != 0 else {
            let code = errno
            if code == ENOENT, clearcast_file_mode(path, -1, 0) != 0 {
                throw GeoDataError(.fileNotFound, path: path,
                                   "this is a symbolic link to a file that does not exist; expected an existing \(expected)")
            }
            if code == ENOENT || code == ENOTDIR {
                throw GeoDataError(.fileNotFound, path: path, "no file exists at this path; expected an existing \(expected)")
            }
            throw GeoDataError(.unreadable, path: path, "cannot be examined (\(String(cString: strerror(code)))); expected a readable \(expected)")
        }
        if let kind = kind(of: mode) {
            throw GeoDataError(.unreadable, path: path, "this is \(kind), not a regular file; expected a regular \(expected)")
        }
    }

    /// Words for a file that is not regular, or nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        let type = mode & typeMask
        if type == 0o100000 { return nil }
        return kinds[type] ?? "not a regular file"
    }

    // MARK: VRT

    /// Whether `path` is a GDAL VRT: it ends in `.vrt`, or it is XML whose first kilobyte has the
    /// root element of a raster or vector VRT. That is what GDAL's VRT drivers look for, so the
    /// check also catches a VRT saved under another extension, such as `.geojson`.
    static func isVirtualDataset(_ path: String) throws -> Bool {
        if (path as NSString).pathExtension.lowercased() == "vrt" { return true }
        // Opened without blocking and checked again, in case the path changed to a FIFO meanwhile.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw GeoDataError(.unreadable, path: path, "cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let mode = mode_t(clearcast_file_mode(nil, descriptor, 1))
        guard mode != 0, kind(of: mode) == nil else {
            throw GeoDataError(.unreadable, path: path, "changed into something other than a regular file while being opened")
        }
        var header = [UInt8](repeating: 0, count: 1024)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        var text = Substring(String(decoding: header[0..<count], as: UTF8.self))
        text = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        guard text.hasPrefix("<") else { return false }
        let lower = text.lowercased()
        return lower.contains("<vrtdataset") || lower.contains("<ogrvrtdatasource")
    }

    // MARK: Side files

    /// Refuses a layer when a file beside it with the same name and another extension is a FIFO,
    /// device or socket.
    ///
    /// GDAL opens some side files by name, so a FIFO there blocks the open just like a FIFO layer:
    /// a Shapefile's `.shx`, `.dbf`, `.prj`, `.cpg` and `.qix`; a CSV's `.csvt` and `.prj`; a
    /// GeoPackage's `-wal` and `-journal`. Directories of that name are left alone (GDAL fails
    /// cleanly on them). So are files the directory listing cannot show.
    static func refuseSpecialSideFiles(of path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let prefix = url.deletingPathExtension().lastPathComponent.lowercased() + "."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries.sorted() where entry != name && entry.lowercased().hasPrefix(prefix) {
            let sideFile = (directory as NSString).appendingPathComponent(entry)
            let mode = mode_t(clearcast_file_mode(sideFile, -1, 1))
            guard mode != 0, mode & typeMask != directoryType, let kind = kind(of: mode) else { continue }
            throw GeoDataError(.unreadable, path: path,
                               "the side file '\(entry)' beside it is \(kind), not a regular file; GDAL opens side files named like the layer (.shx, .dbf, .prj, .cpg, .csvt, -wal) and expects regular files")
        }
    }
}
