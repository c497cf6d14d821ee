import _TestSupport
import Foundation
@testable import Scenarios
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The scenario hash covers every file GDAL reads for a layer, not only the files the scenario names.
///
/// The scenario is the CLI fixture `robustness/declared-crs.yaml`. Its hazards are a Shapefile
/// (`.shp`, `.shx`, `.dbf`, no `.prj`) and its incidents a CSV, copied into a scratch directory so
/// the tests can change them.
@Suite struct ContentHashTests {
    let scratch: ScratchDirectory
    let scenarioPath: String

    init() throws {
        scratch = try ScratchDirectory("content-hash")
        let fixtures = TestEnvironment.packageURL("Tests/ClearcastCLITests/Fixtures")
        try scratch.copy(fixtures.appendingPathComponent("valid.yaml"), to: "valid.yaml")
        try scratch.copy(fixtures.appendingPathComponent("robustness/declared-crs.yaml"), to: "robustness/declared-crs.yaml")
        for name in ["hazards-noprj.shp", "hazards-noprj.shx", "hazards-noprj.dbf", "incidents.csv", "incidents.geojson",
                     "settlements.geojson", "hazards.geojson"] {
            try scratch.copy(fixtures.appendingPathComponent("layers/\(name)"), to: "layers/\(name)")
        }
        scenarioPath = scratch.file("robustness/declared-crs.yaml")
    }

    func hash() throws -> String {
        try ScenarioLoader.load(path: scenarioPath).contentHash()
    }

    /// Replaces the first occurrence of `old` with `new` (same length) in the file at `relativePath`.
    func patch(_ relativePath: String, _ old: String, _ new: String) throws {
        let url = scratch.fileURL(relativePath)
        var bytes = [UInt8](try Data(contentsOf: url))
        let needle = Array(old.utf8)
        let index = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        bytes.replaceSubrange(index..<(index + needle.count), with: Array(new.utf8))
        try Data(bytes).write(to: url)
    }

    /// The example: a hazard's status changed in the `.dbf` (CHA, confirmed, to SHA,
    /// suspected), a one-byte change, now changes the hash. Variant: the `.shx` index.
    @Test func changingTheShapefileAttributesChangesTheHash() throws {
        let before = try hash()
        try patch("layers/hazards-noprj.dbf", "CHA", "SHA")
        let afterDBF = try hash()
        #expect(afterDBF != before)
        try patch("layers/hazards-noprj.shx", "\u{0}\u{0}\u{0}\u{32}", "\u{0}\u{0}\u{0}\u{33}")
        #expect(try hash() != afterDBF)
    }

    /// Variants for CSV: adding a `.csvt` (column types) or a `.prj` changes the hash, and so does
    /// editing one. The side-file names are hashed too, so a `.prj` moved to another layer counts.
    @Test func csvSideFilesAreHashed() throws {
        let plain = try hash()
        try scratch.write("\"Real\",\"Real\",\"Date\",\"Integer\",\"String\"\n", to: "layers/incidents.csvt")
        let typed = try hash()
        #expect(typed != plain)
        try scratch.write("\"Real\",\"Real\",\"Date\",\"Real\",\"String\"\n", to: "layers/incidents.csvt")
        #expect(try hash() != typed)
    }

    /// Files GDAL does not read for these layers (another layer's side files, notes, a Shapefile's
    /// `.shp.xml` metadata) leave the hash unchanged.
    @Test func unrelatedFilesLeaveTheHashUnchanged() throws {
        let before = try hash()
        try scratch.write("notes", to: "layers/README.txt")
        try scratch.write("unrelated", to: "layers/roads.dbf")
        try scratch.write("<metadata/>", to: "layers/hazards-noprj.shp.xml")
        try scratch.write("1", to: "robustness/other.csvt")
        #expect(try hash() == before)
    }

    /// Scenarios whose layers have no side files (every committed result is for GeoJSON layers)
    /// keep the hash earlier versions computed: length-prefixed contents of each file, nothing more.
    @Test func layersWithoutSideFilesKeepTheEarlierHash() throws {
        let scenario = try ScenarioLoader.load(path: TestEnvironment.packageURL("scenarios/demo/demo.yaml").path)
        var hasher = try SHA256Digest()
        let layers = [scenario.layers.incidents, scenario.layers.settlements, scenario.layers.hazards, scenario.layers.landUse]
        for url in scenario.sourceFiles + layers.compactMap({ $0?.url }) {
            let data = try Data(contentsOf: url)
            try withUnsafeBytes(of: UInt64(data.count).littleEndian) { try hasher.update($0) }
            try hasher.update(data)
        }
        #expect(try scenario.contentHash() == hasher.hexFinal())
    }

    /// A layer that is a FIFO is refused by the hash too, instead of blocking it. Should the hash
    /// ever open it, a thread opening the FIFO for writing (which succeeds only while a reader waits)
    /// releases the reader with end-of-file, so the test fails rather than hangs.
    @Test func fifoLayerIsRefused() throws {
        let fifo = scratch.file("layers/hazards.geojson")
        try FileManager.default.removeItem(atPath: fifo)
        try #require(mkfifo(fifo, 0o644) == 0)
        var scenario = try ScenarioLoader.load(path: scenarioPath)
        scenario.layers.hazards.url = URL(fileURLWithPath: fifo)
        let done = DispatchSemaphore(value: 0)
        let opened = Flag()
        Thread {
            while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
                let writer = open(fifo, O_WRONLY | O_NONBLOCK)
                if writer >= 0 {
                    opened.set()
                    close(writer)
                }
            }
        }.start()
        #expect(throws: ScenarioError.self) { try scenario.contentHash() }
        done.signal()
        #expect(!opened.isSet, "the hash opened the FIFO")
    }

    @Test func relativePaths() {
        let layers = URL(fileURLWithPath: "/data/scenario/layers")
        #expect(Scenario.relativePath(of: URL(fileURLWithPath: "/data/scenario/layers/a.dbf"), to: layers) == "a.dbf")
        #expect(Scenario.relativePath(of: URL(fileURLWithPath: "/data/other/a.prj"), to: layers) == "../../other/a.prj")
    }
}

/// A flag one thread sets and another reads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false  // guarded by `lock`
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
