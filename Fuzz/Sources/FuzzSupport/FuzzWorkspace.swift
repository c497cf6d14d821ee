import ClearcastDomain
import Foundation
import GeoData

/// A private temporary directory per fuzzing process laid out like the CLI fixtures, so a mutated
/// scenario gets past the loader into layer reading, rasterization and the model builders:
///
///     clearcast-fuzz-<pid>/valid.yaml        the CLI fixture scenario (for `extends: ../valid.yaml`)
///     clearcast-fuzz-<pid>/layers/           the CLI fixture layers (for `../layers/hazards.geojson`)
///     clearcast-fuzz-<pid>/s/                where each input is written
///     clearcast-fuzz-<pid>/s/layers -> ../layers   (for `layers/hazards.geojson`)
///
/// ```swift
/// let workspace = FuzzWorkspace.shared
/// let path = workspace.write(bytes, count, named: "scenario.yaml")
/// ```
public final class FuzzWorkspace: Sendable {
    /// One workspace per process (libFuzzer calls the target from a single thread).
    public static let shared = FuzzWorkspace()

    /// The directory every input is written into.
    public let directory: URL
    /// The workspace root, removed at exit.
    public let root: URL

    /// The small grid the layer fuzzer rasterizes onto: the fixtures' UTM 38N box (80 x 70 cells of 200 m).
    public let grid: Grid

    private init() {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("clearcast-fuzz-\(getpid())")
        directory = root.appendingPathComponent("s")
        let layers = root.appendingPathComponent("layers")
        try? fm.createDirectory(at: layers, withIntermediateDirectories: true)
        try? fm.createDirectory(at: directory, withIntermediateDirectories: true)
        try? fm.createSymbolicLink(atPath: directory.appendingPathComponent("layers").path, withDestinationPath: "../layers")
        // The fixture layers live in the main package; this file is Fuzz/Sources/FuzzSupport/FuzzWorkspace.swift.
        let fixtureRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/ClearcastCLITests/Fixtures")
        let fixtures = fixtureRoot.appendingPathComponent("layers")
        try? fm.copyItem(at: fixtureRoot.appendingPathComponent("valid.yaml"), to: root.appendingPathComponent("valid.yaml"))
        for name in (try? fm.contentsOfDirectory(atPath: fixtures.path)) ?? [] {
            try? fm.copyItem(at: fixtures.appendingPathComponent(name), to: layers.appendingPathComponent(name))
        }
        // A valid grid by construction (positive cell size, non-empty box): a failure here is a fuzzer bug.
        grid = try! Grid(epsg: 32638, minX: 678000, minY: 4376000, cellSize: 200, columns: 80, rows: 70)
        atexit { try? FileManager.default.removeItem(at: FuzzWorkspace.shared.root) }
    }

    /// Writes `size` bytes at `data` to `name` inside the workspace and returns the file's path.
    public func write(_ data: UnsafePointer<UInt8>, _ size: Int, named name: String) -> String {
        let url = directory.appendingPathComponent(name)
        let bytes = Data(bytes: data, count: size)
        // A failed write would make every later input meaningless, so stop the fuzzer loudly.
        guard (try? bytes.write(to: url)) != nil else { fatalError("cannot write fuzz input to \(url.path)") }
        return url.path
    }
}
