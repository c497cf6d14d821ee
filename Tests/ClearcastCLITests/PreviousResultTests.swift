import _TestSupport
import Foundation
import Testing

/// `clearcast report` reads results written by an earlier clearcast (`clearcast-result/1`): the
/// fixtures are such results, as the earlier version wrote them (copies of `Fuzz/corpus/result/`).
@Suite struct PreviousResultTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("previous-schema")
    }

    @Test func reportReadsPreviousResults() throws {
        let directory = CLIRunner.fixtures.appendingPathComponent("previous-schema")
        for name in ["score", "simulation", "comparison"] {
            let run = try CLIRunner.run(["report", "\(name).json", "--notebook", scratch.file("\(name).ipynb")], in: directory)
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
        let notebook = try String(contentsOfFile: scratch.file("score.ipynb"), encoding: .utf8)
        // Its shares (stored under `weight` then) are shown, and what it lacks is said.
        #expect(notebook.contains("| H1 |"))
        #expect(notebook.contains("42% |"), "H1's incidents share, 0.417")
        #expect(notebook.contains("has no factor values or alone-ranks"))
    }
}
