import _TestSupport
import Foundation
import SensitivityAnalysis
import Testing
@testable import Scenarios

@Test func tmpKarabakhOAT() throws {
    let source = try ScenarioSource(path: TestEnvironment.packageURL("scenarios/karabakh/baseline.yaml").path)
    let base = try source.scenario()
    let layers = try ScenarioLayers.load(base)
    let start = Date()
    let run = try SensitivityRun.run(source: source, base: base, layers: layers,
                                     options: .init(method: .oneAtATime, samples: 0, replications: 4, seed: 1, threads: 2))
    print("TMP seconds", Date().timeIntervalSince(start))
    print("TMP outputs", run.outputs.map(\.description), "baseline", run.baseline, "censored", run.censored)
    for (j, out) in run.outputs.enumerated() {
        for (i, e) in (run.oneAtATime?[j] ?? []).enumerated() { print("TMP", out, run.inputs[i].label, e.low, e.high) }
    }
}
