import Foundation
import Scenarios

/// Estimates what a run needs before starting it, and refuses or asks instead of being killed
/// hours later by the out-of-memory killer.
///
/// Memory counts the process as it stands (the binary, GDAL, OpenBLAS and the loaded layers: read
/// from `/proc/self/statm`) plus every large buffer still to come: the score layers, the raster
/// written by `--raster`, and the Monte Carlo outcomes. Time is driven by what the simulator
/// loops over: tasks and fielded team units, per replication (measured on the release build:
/// about 9 µs per task and 1 µs per team unit and replication, on one core).
enum ResourceCheck {
    static let environmentKey = "CLEARCAST_MEMORY_LIMIT_MB"
    /// Smallest limit accepted: below it no run can start (the process alone takes ~60 MB).
    static let smallestLimitMB = 64

    /// Memory a run may use, in bytes: `CLEARCAST_MEMORY_LIMIT_MB` (a whole number of MiB), or 3/4 of RAM.
    ///
    /// - Throws: `InputError` for a value that is not a whole number from 64 to 2^40 (`50MB`, `abc`,
    ///   `-1`, `0`, `inf` are refused, not ignored).
    static func memoryLimit(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Double {
        // Under `ulimit -v`, what is left of the address space caps the run too (see AddressSpace).
        let addressSpace = AddressSpace.limit.map { max(0, $0 - AddressSpace.reservedBytes) + residentBytes } ?? .infinity
        guard let text = environment[environmentKey] else {
            return min(Double(ProcessInfo.processInfo.physicalMemory) * 0.75, addressSpace)
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let mb = Int(text),
              (smallestLimitMB...(1 << 40)).contains(mb) else {
            throw ExitStatus.InputError("\(environmentKey): found '\(text)', expected a whole number of mebibytes from \(smallestLimitMB) to \(1 << 40), e.g. 4096")
        }
        return min(Double(mb) * 1_048_576, addressSpace)
    }

    /// What the user can raise: the variable, and the address-space limit when one is set.
    static var raiseHint: String { environmentKey + (AddressSpace.limit == nil ? "" : " or ulimit -v") }

    /// `bytes` for people: "812 KB", "86 MB", "1.2 GB".
    static func describe(bytes: Double) -> String {
        switch bytes {
        case ..<1e6: return String(format: "%.0f KB", bytes / 1e3)
        case ..<1e9: return String(format: "%.0f MB", bytes / 1e6)
        default: return String(format: "%.1f GB", bytes / 1e9)
        }
    }

    /// What loading the layers adds on top of the process as it stands when the check runs (GDAL's
    /// drivers and PROJ's database, OpenBLAS' buffers): measured, the demo's peak is ~30 MB above
    /// the resident size after the scenario is read.
    static let libraryHeadroom = 32.0 * 1_048_576

    /// Resident memory of this process now (0 where `/proc` is missing).
    static var residentBytes: Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Grid cells of `grid` (as Double: a hostile bbox must not overflow an Int).
    static func cells(_ grid: GridSpec) -> Double {
        ((grid.maxX - grid.minX) / grid.cellSize).rounded(.up) * ((grid.maxY - grid.minY) / grid.cellSize).rounded(.up)
    }

    /// Bytes of the score layers: per factor the raw, normalised and stacked layer, plus the
    /// composite and its ranks; with `raster`, the GeoTIFF's bands too (factors + 1).
    static func scoringBytes(_ grid: GridSpec, factors: Int = 4, raster: Bool = false) -> Double {
        cells(grid) * 8 * (Double(factors) * 3 + 2 + (raster ? Double(factors + 1) : 0))
    }

    /// Bytes of the Monte Carlo buffers: per replication, yearly series, per-task release days and
    /// outcome areas (cancelled, reduced, cleared, remaining).
    static func simulationBytes(tasks: Int, years: Int, replications: Int) -> Double {
        Double(replications) * (Double(years + 2) * 8 * 12 + Double(tasks) * 8 * 6 + 2_048)
    }

    /// Team units a scenario ever fields (each group's largest count over its funding plan).
    static func teamUnits(_ scenario: Scenario) -> Double {
        (scenario.simulation?.teams ?? []).reduce(0.0) { total, team in
            total + Double(max(team.count, team.capacityPlan.values.max() ?? 0))
        }
    }

    /// Seconds on one core for `replications` of `scenario` with `tasks` hazard areas.
    static func simulationSeconds(_ scenario: Scenario, tasks: Int, replications: Int) -> Double {
        Double(replications) * (Double(tasks) * 9e-6 + teamUnits(scenario) * 1e-6)
    }

    /// Refuses a scoring run whose layers (and raster) would not fit in memory.
    static func confirmScoring(_ scenario: Scenario, raster: Bool = false) throws {
        let limit = try memoryLimit()
        let bytes = residentBytes + libraryHeadroom + scoringBytes(scenario.grid, raster: raster)
        guard bytes <= limit else {
            throw ExitStatus.InputError("\(scenario.file.path): grid: scoring this grid needs about \(describe(bytes: bytes)) of memory, over the limit of \(describe(bytes: limit)); use a larger cell_size or a smaller bbox (or raise \(raiseHint))")
        }
    }

    /// Refuses runs that would not fit in memory; asks for `--yes` for runs estimated over an hour.
    /// `runs` forecasts of the scenarios are made one after another (a sensitivity design's points):
    /// they multiply the time, not the memory.
    static func confirm(scenarios: [Scenario], layers: [ScenarioLayers], options: SimulationRun.Options, yes: Bool,
                        runs: Int = 1) throws {
        let limit = try memoryLimit()
        var largest = 0.0, work = 0.0
        for (scenario, layer) in zip(scenarios, layers) {
            let years = scenario.simulation?.horizonYears ?? 1
            largest = max(largest, scoringBytes(scenario.grid)
                + simulationBytes(tasks: layer.hazards.count, years: years, replications: options.replications))
            work += simulationSeconds(scenario, tasks: layer.hazards.count, replications: options.replications)
        }
        let bytes = residentBytes + libraryHeadroom + largest
        guard bytes <= limit else {
            throw ExitStatus.InputError("this run needs about \(describe(bytes: bytes)) of memory, over the limit of \(describe(bytes: limit)); use fewer replications or a coarser grid (or raise \(raiseHint))")
        }
        let seconds = work * Double(max(1, runs)) / Double(max(1, options.threads))
        if seconds > 3_600, !yes {
            if isatty(STDIN_FILENO) == 1 {
                ExitStatus.writeToStandardError(String(format: "This run is estimated to take %.1f hours. Continue? [y/N] ", seconds / 3_600))
                if let answer = readLine(), answer.lowercased().hasPrefix("y") { return }
            }
            throw ExitStatus.InputError(String(format: "this run is estimated to take %.1f hours; pass --yes to run it anyway, or use fewer replications", seconds / 3_600)
                + (runs > 1 ? " or design points (--samples, --method)" : ""))
        }
    }
}
