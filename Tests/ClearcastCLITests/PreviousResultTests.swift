import _TestSupport
import Foundation
import Testing

/// `clearcast report` reads score results written by an earlier clearcast (`clearcast-result/1`) and
/// refuses its simulate and compare results with the reason: the fixtures are such results, as the
/// earlier version wrote them (copies of `Fuzz/corpus/result/` at the time).
@Suite struct PreviousResultTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("previous-schema")
    }

    @Test func reportReadsPreviousResults() throws {
        let directory = CLIRunner.fixtures.appendingPathComponent("previous-schema")
        let run = try CLIRunner.run(["report", "score.json", "--notebook", scratch.file("score.ipynb")], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        // Simulate and compare results of /1 counted years from the start date: refused, saying why.
        for name in ["simulation", "comparison"] {
            let refused = try CLIRunner.run(["report", "\(name).json", "--notebook", scratch.file("\(name).ipynb")], in: directory)
            #expect(refused.status == 2, "\(name): \(refused.stderr)")
            #expect(refused.stderr.contains("its yearly figures run from the start date") && refused.stderr.contains("run clearcast"),
                    "\(refused.stderr)")
        }
        let notebook = try String(contentsOfFile: scratch.file("score.ipynb"), encoding: .utf8)
        // Its shares (stored under `weight` then) are shown, and what it lacks is said.
        #expect(notebook.contains("| H1 |"))
        #expect(notebook.contains("42% |"), "H1's incidents share, 0.417")
        #expect(notebook.contains("has no factor values or alone-ranks"))
    }
}
