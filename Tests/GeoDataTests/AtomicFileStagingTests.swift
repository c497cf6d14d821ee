import _TestSupport
import AtomicFiles
import Foundation
import Testing

/// Staged publishing: several outputs written first, renamed together, or all removed.
@Suite("AtomicFile staging")
struct AtomicFileStagingTests {
    /// Committed files replace earlier ones, keep their modes and leave no staging file behind.
    @Test func commitPublishesEveryFileWithTheEarlierModes() throws {
        let scratch = try ScratchDirectory("staging-commit")
        let first = try scratch.write("old", to: "a.json"), second = scratch.file("b.geojson")
        chmod(first, 0o600)
        var staged: [(staging: String, path: String)] = []
        for (path, text) in [(first, "new a"), (second, "new b")] {
            let staging = AtomicFile.stagingPath(for: path)
            try AtomicFile.write(Data(text.utf8), to: staging)
            staged.append((staging, path))
        }
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "old", "nothing is published before commit")
        try AtomicFile.commit(staged)
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "new a")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == "new b")
        let mode = try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["a.json", "b.geojson"])
    }

    /// Discarding removes staged files and the temporaries of a write still in progress.
    @Test func discardRemovesStagedAndTemporaryFiles() throws {
        let scratch = try ScratchDirectory("staging-discard")
        let path = try scratch.write("earlier", to: "h.gpkg")
        let staging = AtomicFile.stagingPath(for: path)
        try AtomicFile.write(Data("staged".utf8), to: staging)
        // What an interrupted GDAL write leaves: its temporary file and SQLite's journal beside it.
        try? AtomicFile.write(to: staging) { temporary in
            try Data("partial".utf8).write(to: URL(fileURLWithPath: temporary))
            try Data("journal".utf8).write(to: URL(fileURLWithPath: temporary + "-journal"))
            AtomicFile.discard([(staging, path)])   // the sweep a second Ctrl-C runs mid-write
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["h.gpkg"])
            throw CancellationError()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["h.gpkg"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier")
    }

    /// Names long enough to be legal stay legal once turned into staging and temporary names.
    @Test func stagingNamesStayShort() {
        let path = "/tmp/" + String(repeating: "x", count: 250) + ".gpkg"
        let staging = AtomicFile.stagingPath(for: path)
        #expect(URL(fileURLWithPath: staging).lastPathComponent.utf8.count < 80)
        #expect(AtomicFile.temporaryPrefix(of: staging).utf8.count < 80)
    }
}
