import _TestSupport
import Foundation
import Testing

/// `clearcast report --html/--pdf`: the briefing of the committed Karabakh results is current, the
/// map is found from the results' provenance, and missing inputs give clear errors.
@Suite(.serialized) struct ReportBriefingTests {
    static let export = CLIRunner.packageRoot.appendingPathComponent("notebooks-export")

    /// Regenerated from the committed results (the scenario found from their provenance, from the
    /// package root), the HTML is byte-identical to the committed one. The PDF is not compared:
    /// Chromium writes the print date into it.
    @Test func committedBriefingIsCurrent() throws {
        let scratch = try ScratchDirectory("briefing-export")
        defer { scratch.remove() }
        let run = try CLIRunner.run(["report", "notebooks-export/karabakh/score.json", "notebooks-export/karabakh/comparison.json",
                                     "--html", scratch.file("briefing.html"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let regenerated = try Data(contentsOf: scratch.fileURL("briefing.html"))
        #expect(regenerated == (try Data(contentsOf: Self.export.appendingPathComponent("karabakh/karabakh-briefing.html"))),
                "karabakh/karabakh-briefing.html is stale: run `make notebooks`")
        let html = String(decoding: regenerated, as: UTF8.self)
        #expect(html.components(separatedBy: "class=\"hazard\"").count - 1 == 3014)
        #expect(html.contains("Its content hash matches the results&apos;"))
        #expect(regenerated.count < 5_000_000, "the Karabakh briefing must stay under 5 MB")
    }

    /// Run from elsewhere, the scenario is found from the results' directory upwards; with --no-map
    /// and a scenario that cannot be found, the page says why there is no map instead of failing.
    @Test func findsOrExplainsTheMapScenario() throws {
        let scratch = try ScratchDirectory("briefing-map")
        defer { scratch.remove() }
        let results = [Self.export.appendingPathComponent("demo/score.json").path, Self.export.appendingPathComponent("demo/simulation.json").path]
        let found = try CLIRunner.run(["report"] + results + ["--html", "found.html", "--quiet"], in: scratch.url)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(try String(contentsOf: scratch.fileURL("found.html"), encoding: .utf8).contains("class=\"hazard\""))
        try scratch.copy(Self.export.appendingPathComponent("demo/score.json"), to: "score.json")
        let missing = try CLIRunner.run(["report", "score.json", "--html", "missing.html", "--quiet"], in: scratch.url)
        #expect(missing.status == 0, "\(missing.stderr)")
        let page = try String(contentsOf: scratch.fileURL("missing.html"), encoding: .utf8)
        #expect(page.contains("No map: the scenario file scenarios/demo/demo.yaml named in the results was not found"))
        let none = try CLIRunner.run(["report", "score.json", "--html", "none.html", "--no-map", "--quiet"], in: scratch.url)
        let nonePage = try String(contentsOf: scratch.fileURL("none.html"), encoding: .utf8)
        #expect(none.status == 0 && !nonePage.contains("No map"))
    }

    @Test func missingOutputsAndChromiumAreClearErrors() throws {
        let score = Self.export.appendingPathComponent("demo/score.json").path
        let nothing = try CLIRunner.run(["report", score])
        #expect(nothing.status != 0 && nothing.stderr.contains("nothing to write: give --notebook"), "\(nothing.stderr)")
        let scratch = try ScratchDirectory("briefing-pdf")
        defer { scratch.remove() }
        let noChromium = try CLIRunner.run(["report", score, "--pdf", scratch.file("b.pdf")],
                                           environment: ["CLEARCAST_CHROMIUM": "/nonexistent/chromium"])
        #expect(noChromium.status != 0 && noChromium.stderr.contains("CLEARCAST_CHROMIUM=/nonexistent/chromium"), "\(noChromium.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("b.pdf")))
        let noScenario = try CLIRunner.run(["report", score, "--html", scratch.file("b.html"), "--scenario", "absent.yaml"])
        #expect(noScenario.status != 0 && noScenario.stderr.contains("--scenario absent.yaml: no such file"), "\(noScenario.stderr)")
        let wrongExtension = try CLIRunner.run(["report", score, "--html", scratch.file("b.txt")])
        #expect(wrongExtension.status != 0 && wrongExtension.stderr.contains("--html"), "\(wrongExtension.stderr)")
    }
}
