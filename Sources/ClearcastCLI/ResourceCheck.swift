import Foundation
import Scenarios

/// Estimates what a run needs before starting it, and refuses or asks instead of being killed
/// hours later by the out-of-memory killer.
enum ResourceCheck {
    /// Memory a run may use, in bytes; `CLEARCAST_MEMORY_LIMIT_MB` overrides the default of 3/4 of RAM.
    static var memoryLimit: Double {
        if let text = ProcessInfo.processInfo.environment["CLEARCAST_MEMORY_LIMIT_MB"], let mb = Double(text), mb > 0 {
            return mb * 1_048_576
        }
        return Double(ProcessInfo.processInfo.physicalMemory) * 0.75
    }

    /// Bytes of the score layers (raw, normalised and stacked: about 3 doubles per cell and factor).
    static func scoringBytes(_ grid: GridSpec) -> Double {
        let cells = ((grid.maxX - grid.minX) / grid.cellSize).rounded(.up) * ((grid.maxY - grid.minY) / grid.cellSize).rounded(.up)
        return cells * 8 * 4 * 3
    }

    /// Bytes of the Monte Carlo buffers: per replication, yearly series and per-task release days.
    static func simulationBytes(tasks: Int, years: Int, replications: Int) -> Double {
        Double(replications) * (Double(years + 1) * 8 * 12 + Double(tasks) * 8 * 2 + 2_048)
    }

    /// Refuses a scoring run whose layers would not fit in memory.
    static func confirmScoring(_ scenario: Scenario) throws {
        let bytes = scoringBytes(scenario.grid), limit = memoryLimit
        guard bytes <= limit else {
            throw ExitStatus.InputError(String(format: "%@: grid: scoring this grid needs about %.1f GB of memory, over the limit of %.1f GB; use a larger cell_size or a smaller bbox (or set CLEARCAST_MEMORY_LIMIT_MB)", scenario.file.path, bytes / 1e9, limit / 1e9))
        }
    }

    /// Refuses runs that would not fit in memory; asks for `--yes` for runs estimated over an hour.
    static func confirm(scenarios: [Scenario], layers: [ScenarioLayers], options: SimulationRun.Options, yes: Bool) throws {
        var bytes = 0.0, work = 0.0
        for (scenario, layer) in zip(scenarios, layers) {
            let years = scenario.simulation?.horizonYears ?? 1
            bytes = max(bytes, scoringBytes(scenario.grid))
                + simulationBytes(tasks: layer.hazards.count, years: years, replications: options.replications)
            // About 3 events per task and step, 1 µs each, per replication.
            work += Double(options.replications) * Double(layer.hazards.count) * 9e-6
        }
        let limit = memoryLimit
        guard bytes <= limit else {
            throw ExitStatus.InputError(String(format: "this run needs about %.1f GB of memory, over the limit of %.1f GB; use fewer replications or a coarser grid (or set CLEARCAST_MEMORY_LIMIT_MB)", bytes / 1e9, limit / 1e9))
        }
        let seconds = work / Double(max(1, options.threads))
        if seconds > 3_600, !yes {
            if isatty(STDIN_FILENO) == 1 {
                ExitStatus.writeToStandardError(String(format: "This run is estimated to take %.1f hours. Continue? [y/N] ", seconds / 3_600))
                if let answer = readLine(), answer.lowercased().hasPrefix("y") { return }
            }
            throw ExitStatus.InputError(String(format: "this run is estimated to take %.1f hours; pass --yes to run it anyway, or use fewer replications", seconds / 3_600))
        }
    }
}
