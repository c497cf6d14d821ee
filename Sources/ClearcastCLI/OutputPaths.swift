import Foundation
import Scenarios

/// Checks every output a command will write before any work starts, so a run never computes for
/// minutes and then fails (or worse, succeeds) on its output path.
///
/// An output must name a regular file or nothing yet, with an extension of its format, in an
/// existing writable directory; it must not be read-only, a symbolic link (the atomic rename
/// would replace the link, not write through it), a device or a directory; two outputs must not
/// be one file; and no output may resolve to an input of the run (the scenario, what it extends,
/// its layers, the results being reported): replacing an input silently changes the next run.
///
/// ```swift
/// let outputs = [OutputPaths.Request(option: "--out", path: out, extensions: ["json"])]
/// try OutputPaths.check(outputs)                          // before loading anything
/// try OutputPaths.check(outputs, against: inputFiles)    // once the inputs are known
/// ```
enum OutputPaths {
    struct Request {
        var option: String
        var path: String?
        /// Accepted extensions, lower case, without the dot.
        var extensions: [String]
    }

    static let json = ["json"]
    static let raster = ["tif", "tiff"]
    static let vector = ["gpkg", "geojson", "json"]
    static let notebook = ["ipynb"]

    /// The checks that need no input: format, file type, directory, permissions, name length.
    static func check(_ requests: [Request]) throws {
        var seen: [String: String] = [:]
        for request in requests {
            guard let path = request.path else { continue }
            let fail = { (reason: String) in ExitStatus.InputError("\(request.option) \(path): \(reason)") }
            // Attributes of the path itself (lstat): a symbolic link is reported as one.
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
                switch attributes[.type] as? FileAttributeType {
                case .typeRegular?:
                    // Mode bits, not access(2) alone: root may write anything, but a 0444 result was meant to stay.
                    let permissions = attributes[.posixPermissions] as? Int ?? 0
                    guard permissions & 0o222 != 0, access(path, W_OK) == 0 else {
                        throw fail("the existing file is read-only; make it writable, remove it, or choose another path")
                    }
                case .typeSymbolicLink?:
                    throw fail("is a symbolic link; results are replaced atomically, which would replace the link itself; name the file it points to")
                case .typeDirectory?:
                    throw fail("is a directory; expected a file name")
                default:
                    throw fail("is a device, FIFO or socket; expected a regular file")
                }
            }
            let url = URL(fileURLWithPath: path)
            let ext = url.pathExtension.lowercased()
            guard request.extensions.contains(ext) else {
                let list = request.extensions.map { "." + $0 }.joined(separator: " or ")
                throw fail(ext.isEmpty ? "has no extension; expected a file name ending in \(list)"
                                       : "'.\(ext)' is not a format this option writes; expected a file name ending in \(list)")
            }
            guard url.lastPathComponent.utf8.count <= 200 else {
                throw fail("the file name is \(url.lastPathComponent.utf8.count) bytes long; expected at most 200")
            }
            try RunContext.checkWritable(path, option: request.option)
            let key = resolved(path)
            if let other = seen[key] { throw fail("is the same file as \(other); expected a separate file for each output") }
            seen[key] = request.option
        }
    }

    /// Refuses an output that resolves (after symbolic links) to one of `inputs`.
    static func check(_ requests: [Request], against inputs: [String]) throws {
        let resolvedInputs = Dictionary(inputs.map { (resolved($0), $0) }, uniquingKeysWith: { a, _ in a })
        for request in requests {
            guard let path = request.path, let input = resolvedInputs[resolved(path)] else { continue }
            throw ExitStatus.InputError("\(request.option) \(path): is an input of this run (\(input)); writing it would replace that input; choose another path")
        }
    }

    /// The canonical path: the directory resolved with realpath(3), plus the file name (which may not exist yet).
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if let full = realpath(url.path, nil) {
            defer { free(full) }
            return String(cString: full)
        }
        let directory = url.deletingLastPathComponent().path
        guard let parent = realpath(directory, nil) else { return url.path }
        defer { free(parent) }
        return URL(fileURLWithPath: String(cString: parent)).appendingPathComponent(url.lastPathComponent).path
    }

    /// The files a scenario reads: itself, what it extends, its layers and each layer's sidecars
    /// (a Shapefile's `.dbf`, `.shx`, `.prj`; a CSV's `.csvt`: every file sharing the layer's stem).
    static func inputs(of scenario: Scenario) -> [String] {
        let layers = scenario.layers.allFiles
        var files = scenario.sourceFiles.map(\.path)
        for layer in layers {
            let directory = layer.deletingLastPathComponent()
            let stem = layer.deletingPathExtension().lastPathComponent
            let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            files.append(layer.path)
            for name in siblings where name.hasPrefix(stem + ".") {
                files.append(directory.appendingPathComponent(name).path)
            }
        }
        return files
    }
}
