import ClearanceModel
import ClearcastDomain
import Foundation
import FuzzSupport
import Scenarios

/// libFuzzer entry point: the bytes are a scenario file.
///
/// Loads it with `ScenarioLoader.load(path:)`; when that succeeds, also builds the scoring
/// parameters, reads the layers and builds the clearance model, as `clearcast validate` does.
/// Any thrown error is an acceptable answer to a bad file; a crash, trap, sanitizer report, hang
/// (`-timeout`) or runaway memory (`-rss_limit_mb`) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzWorkspace.shared.write(data, size, named: "scenario.yaml")
    guard let scenario = try? ScenarioLoader.load(path: path) else { return 0 }
    _ = try? scenario.priorityParameters()
    // A fixed "today", so whether an incident date is in the future does not depend on the clock.
    guard let layers = try? ScenarioLayers.load(scenario, today: CivilDate(year: 2026, month: 1, day: 1)) else { return 0 }
    // What `clearcast validate` does next: build (not run) the clearance model.
    if scenario.simulation != nil { _ = try? scenario.clearanceModel(layers: layers, ranking: []) }
    return 0
}
