import Foundation
import Reporting

/// Reported figures the backtest compares a simulate result with: yearly periods from 2020 to
/// 2027 (the seeds start in 2020 and 2021), so most mutated results overlap some of them.
let observedCSV = #"""
period_start,period_end,metric,value,unit,source
2020-11-10,2021-10-15,released_area,18302,ha,"a, quoted ""source"""
2021-01-01,2021-12-31,released_area,120.5,ha,fixture
2022-01-01,2022-12-31,released_area,0,ha,fixture
2023-01-01,2025-12-31,released_area,53081.8,ha,fixture
2026-01-01,2027-06-30,released_area,62000,ha,fixture
2024-01-01,2024-12-31,casualties,41,people,not compared

"""#

/// libFuzzer entry point: the bytes are a result file, as `clearcast report` reads it.
///
/// Reads them with `ResultFile.read(data:path:)` (JSON decoding, then validation against the
/// schema's ranges and what the exporters assume). A thrown `ReadError` is the right answer to a
/// bad file; its message is built as the CLI would print it. When the result is accepted, every
/// exporter `report` and the commands run on it: the notebook (all sections and SVG charts, and
/// for a simulate result the backtest against `observedCSV`) and the plain-text table. A crash,
/// trap, sanitizer report, hang (`-timeout`) or runaway memory (`-rss_limit_mb`) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let file: ResultFile
    do {
        file = try ResultFile.read(data: bytes, path: "fuzz.json")
    } catch {
        _ = String(describing: error)
        return 0
    }
    switch file {
    case .score(let result):
        _ = NotebookExporter.notebook(for: result)
        _ = ScoreTable.render(result, top: 20)
    case .simulation(let result):
        let backtest = try? Backtest.compare(result, observedCSV: observedCSV, path: "observed.csv")
        _ = NotebookExporter.notebook(score: nil, simulation: result, comparison: nil, title: result.scenario, backtest: backtest)
        _ = SimulationTable.render(result)
    case .comparison(let result):
        _ = NotebookExporter.notebook(for: result)
        _ = CompareTable.render(result)
    case .plan(let result):
        _ = NotebookExporter.notebook(for: result)
        _ = PlanTable.render(result)
    case .sensitivity(let result):
        _ = NotebookExporter.notebook(for: result)
        _ = SensitivityTable.render(result)
    case .calibration(let result):
        _ = NotebookExporter.notebook(for: result)
        _ = CalibrationTable.render(result)
    }
    return 0
}
