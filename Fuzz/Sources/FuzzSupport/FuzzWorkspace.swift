import Foundation
import GeoData

/// A private temporary directory per fuzzing process, with the CLI fixture layers copied into
/// `layers/`, so a mutated scenario that still names `layers/incidents.geojson` gets past the
/// loader into layer reading, rasterization and the scoring parameters.
///
/// ```swift
/// let workspace = FuzzWorkspace.shared
/// let path = workspace.write(bytes, named: "scenario.yaml")
/// ```
public final class FuzzWorkspace: Sendable {
    /// One workspace per process (libFuzzer calls the target from a single thread).
    public static let shared = FuzzWorkspace()

    /// The directory every input is written into.
    public let directory: URL

    /// The small grid the layer fuzzer rasterizes onto: the fixtures' UTM 38N box (80 x 70 cells of 200 m).
    public let grid: Grid

    private init() {
        let fm = FileManager.default
        directory = fm.temporaryDirectory.appendingPathComponent("clearcast-fuzz-\(getpid())")
        let layers = directory.appendingPathComponent("layers")
        try? fm.createDirectory(at: layers, withIntermediateDirectories: true)
        // The fixture layers live in the main package; this file is Fuzz/Sources/FuzzSupport/FuzzWorkspace.swift.
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/ClearcastCLITests/Fixtures/layers")
        for name in (try? fm.contentsOfDirectory(atPath: fixtures.path)) ?? [] {
            try? fm.copyItem(at: fixtures.appendingPathComponent(name), to: layers.appendingPathComponent(name))
        }
        // A valid grid by construction (positive cell size, non-empty box): a failure here is a fuzzer bug.
        grid = try! Grid(epsg: 32638, minX: 678000, minY: 4376000, cellSize: 200, columns: 80, rows: 70)
        atexit { try? FileManager.default.removeItem(at: FuzzWorkspace.shared.directory) }
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
