import Foundation
import Reporting
import Scenarios

// MARK: - The briefing's scenario: map geometry and assumptions

extension ReportCommand {
    /// Adds the map layers and the tagged assumptions of the scenario the results name (the first
    /// scenario of the first result, e.g. a comparison's base) or of `explicit`. Results carry no
    /// geometry, so the scenario is loaded again; when it cannot be found or loaded the briefing says
    /// so under "Where the hazard areas are" instead of failing, and when its content hash differs
    /// from the one in the results, it says that the map shows the scenario as it is now.
    static func addScenario(to briefing: inout BriefingReport, explicit: String?, noMap: Bool, results: [String]) throws {
        let recorded = [briefing.comparison?.provenance, briefing.simulation?.provenance, briefing.score?.provenance,
                        briefing.plan?.provenance, briefing.sensitivity?.provenance].compactMap { $0?.scenarios.first }.first
        if let explicit, !FileManager.default.fileExists(atPath: explicit) {
            throw ExitStatus.InputError("--scenario \(explicit): no such file; expected the scenario file (.yaml) the results were computed from")
        }
        let shown = explicit ?? recorded?.file
        guard let shown else {
            if !noMap { briefing.mapNote = "No map: the results name no scenario file; give one with --scenario." }
            return
        }
        guard let path = explicit ?? locate(shown, near: results) else {
            if !noMap {
                briefing.mapNote = "No map: the scenario file \(shown) named in the results was not found from the current directory "
                    + "or the results' directories; give it with --scenario."
            }
            return
        }
        if let text = FileManager.default.contents(atPath: path) {
            briefing.assumptions = ScenarioAssumption.parse(yaml: String(decoding: text, as: UTF8.self))
            briefing.assumptionsSource = shown
        }
        guard !noMap else { return }
        do {
            let loaded = try ScenarioLoader.load(path: path)
            let layers = try ScenarioLayers.load(loaded)
            var source = "Geometry from the hazard, settlement and incident layers of \(shown), drawn in its grid CRS."
            if let recorded, explicit == nil || shown == recorded.file {
                let hash = try loaded.contentHash()
                if hash != recorded.contentHash {
                    briefing.mapNote = "The scenario file \(shown) has changed since the results were computed (content hash "
                        + "\(hash.prefix(12))… now, \(recorded.contentHash.prefix(12))… in the results): the map shows it as it is now."
                } else {
                    source += " Its content hash matches the results'."
                }
            }
            briefing.map = BriefingMapLayers(layers, source: source)
        } catch {
            briefing.mapNote = "No map: the scenario \(shown) could not be loaded (\(error))."
        }
    }

    /// `file` as given, else relative to each result's directory and that directory's ancestors
    /// (results under `notebooks-export/karabakh/` name `scenarios/karabakh/…` from the repository root).
    static func locate(_ file: String, near results: [String]) -> String? {
        let manager = FileManager.default
        if manager.fileExists(atPath: file) { return file }
        guard !file.hasPrefix("/") else { return nil }
        for result in results {
            var directory = URL(fileURLWithPath: result).standardizedFileURL.deletingLastPathComponent()
            while true {
                let candidate = directory.appendingPathComponent(file).path
                if manager.fileExists(atPath: candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }
}
