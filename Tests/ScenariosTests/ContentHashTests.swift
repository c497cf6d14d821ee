import _TestSupport
import Foundation
@testable import Scenarios
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The scenario hash covers every file GDAL reads for a layer, not only the files the scenario names,
/// lists each with its own SHA-256, and combines them as `sha256sum FILES | sha256sum` does.
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

    /// The issue's example: a hazard's status changed in the `.dbf` (CHA, confirmed, to SHA,
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

    /// The per-file list: roles in order (scenario, the file it extends, then each layer followed by
    /// its side files in path order), paths relative to the scenario's directory.
    @Test func fileListNamesEveryFileRelativeToTheScenario() throws {
        let files = try ScenarioLoader.load(path: scenarioPath).fileDigests()
        #expect(files.map(\.path) == ["declared-crs.yaml", "../valid.yaml", "../layers/incidents.csv",
                                      "../layers/settlements.geojson", "../layers/hazards-noprj.shp",
                                      "../layers/hazards-noprj.dbf", "../layers/hazards-noprj.shx"])
        #expect(files.map(\.role) == [.scenario, .extends, .layer, .layer, .layer, .sideFile, .sideFile])
    }

    /// Each file's SHA-256 is what `/usr/bin/sha256sum` (an independent implementation, run as a
    /// child process in the scenario's directory) prints for it, line for line, and the combined hash
    /// is what the documented one-liner gives: `sha256sum FILES | sha256sum`, for this scenario (with
    /// an `extends:` and side files), the demo and a Karabakh variant.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"), "needs /usr/bin/sha256sum (GNU coreutils)"))
    func hashesAreWhatSha256sumPrints() throws {
        for path in [scenarioPath, TestEnvironment.packageURL("scenarios/demo/demo.yaml").path,
                     TestEnvironment.packageURL("scenarios/karabakh/more-survey.yaml").path] {
            let scenario = try ScenarioLoader.load(path: path)
            let files = try scenario.fileDigests()
            let directory = scenario.file.deletingLastPathComponent()
            let each = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), files.map(\.path), in: directory)
            #expect(each.status == 0, "\(each.stderr)")
            #expect(each.stdout == files.map { "\($0.sha256)  \($0.path)\n" }.joined(), "\(path)")
            let oneLiner = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", #"sha256sum "$@" | sha256sum"#, "sh"]
                                                 + files.map(\.path), in: directory)
            #expect(oneLiner.status == 0, "\(oneLiner.stderr)")
            #expect(oneLiner.stdout == "\(try scenario.contentHash())  -\n", "\(path)")
        }
    }

    /// The combined hash recomputed from the per-file list alone, the documented way: the lines
    /// `<sha256>  <path>` written to a file and hashed by `/usr/bin/sha256sum`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"), "needs /usr/bin/sha256sum (GNU coreutils)"))
    func combinedHashFromTheListAlone() throws {
        let scenario = try ScenarioLoader.load(path: scenarioPath)
        let lines = try scenario.fileDigests().map { "\($0.sha256)  \($0.path)\n" }.joined()
        let manifest = try scratch.write(lines, to: "manifest.txt")
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [manifest])
        #expect(run.stdout.prefix(64) == (try scenario.contentHash()))
    }

    /// Known vectors (FIPS 180-2's "abc" and the empty message) through the combined hash, and paths
    /// that `sha256sum` escapes: a backslash or a line feed start the line with a backslash.
    @Test func combinedHashOfKnownVectors() throws {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        // The list holding one file whose SHA-256 line is the message: SHA-256 of "<abc>  a.yaml\n".
        let one = try Scenario.combinedHash(of: [.init(path: "a.yaml", role: .scenario, sha256: abc)])
        var hasher = try SHA256Digest()
        try hasher.update(Data("\(abc)  a.yaml\n".utf8))
        #expect(one == (try hasher.hexFinal()))
        #expect(try Scenario.combinedHash(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Scenario.manifestLine(.init(path: #"dir\a.shp"#, role: .layer, sha256: abc)) == #"\\#(abc)  dir\\a.shp"# + "\n")
        #expect(Scenario.manifestLine(.init(path: "a\nb", role: .layer, sha256: abc)) == #"\\#(abc)  a\nb"# + "\n")
    }

    /// A file name with a backslash, as GNU `sha256sum` writes it (coreutils 8 and 9 agree on `\\`).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"), "needs /usr/bin/sha256sum (GNU coreutils)"))
    func escapedPathsMatchSha256sum() throws {
        let name = #"odd\name.csv"#
        try scratch.write("x,y\n", to: name)
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [name], in: scratch.url)
        let sha = String(run.stdout.dropFirst().prefix(64))
        #expect(run.stdout == Scenario.manifestLine(.init(path: name, role: .layer, sha256: sha)))
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
        // Recorded paths: relative to the scenario's directory, absolute when only "/" is shared.
        let scenario = URL(fileURLWithPath: "/data/scenario")
        #expect(Scenario.manifestPath(of: URL(fileURLWithPath: "/data/scenario/layers/./a.gpkg"), from: scenario) == "layers/a.gpkg")
        #expect(Scenario.manifestPath(of: URL(fileURLWithPath: "/data/base.yaml"), from: scenario) == "../base.yaml")
        #expect(Scenario.manifestPath(of: URL(fileURLWithPath: "/srv/gis/a.gpkg"), from: scenario) == "/srv/gis/a.gpkg")
    }
}

/// A flag one thread sets and another reads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false  // guarded by `lock`
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
