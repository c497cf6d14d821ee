import BenchWorkloads
import Foundation

// The summary tool: `BenchSummary [--quick | --full] [--runs N] [--json FILE] [--only a,b] [--risk-sizes 1000,4000]`
//                   `BenchSummary peers-export --out DIR [--size N] [--incidents M] [--runs R]`
//                   `BenchSummary peers-export-clearance --out DIR [--tasks N] [--teams T] [--replications R]`
// Prints ONE table of every key figure with its ratio to a limit measured in the same run.

let arguments = Array(CommandLine.arguments.dropFirst())

func value(of option: String) -> String? {
    guard let i = arguments.firstIndex(of: option), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("BenchSummary: \(message)\n".utf8))
    exit(2)
}

if arguments.first == "peers-export" {
    guard let out = value(of: "--out") else { fail("peers-export needs --out DIR") }
    do {
        try PeerExport.write(to: URL(fileURLWithPath: out), size: Int(value(of: "--size") ?? "") ?? 1_000,
                             incidents: Int(value(of: "--incidents") ?? "") ?? 100_000,
                             runs: Int(value(of: "--runs") ?? "") ?? 3)
    } catch {
        fail("\(error)")
    }
    exit(0)
}

if arguments.first == "peers-export-clearance" {
    guard let out = value(of: "--out") else { fail("peers-export-clearance needs --out DIR") }
    do {
        try PeerClearanceExport.write(to: URL(fileURLWithPath: out), tasks: Int(value(of: "--tasks") ?? "") ?? 2_000,
                                      teams: Int(value(of: "--teams") ?? "") ?? 100,
                                      replications: Int(value(of: "--replications") ?? "") ?? 200)
    } catch {
        fail("\(error)")
    }
    exit(0)
}

let full = arguments.contains("--full")
let runs = Int(value(of: "--runs") ?? "") ?? 3
let only = Set((value(of: "--only") ?? "dgemm,risk,ranking,events,clearance,decisions,merge,learned").split(separator: ",").map(String.init))
let cores = ProcessInfo.processInfo.activeProcessorCount
let threadCounts = cores >= 2 ? [1, 2] : [1]

var suites = Suites(runs: runs)
var rows: [SummaryRow] = []
do {
    // The dgemm ceilings come first: every product rate is divided by them.
    if only.contains("dgemm") || only.contains("risk") {
        rows += try suites.dgemm(sizes: full ? [1_000, 2_000, 4_000] : [1_000, 2_000], threads: threadCounts)
    }
    if only.contains("risk") {
        // `--risk-sizes 4000` narrows the grid sizes (for iterating on one size; default by mode).
        let sizes = value(of: "--risk-sizes").map { $0.split(separator: ",").compactMap { Int($0) } }
            ?? (full ? [1_000, 2_000, 4_000] : [1_000])
        rows += try suites.risk(sizes: sizes, incidentCounts: [10_000, 100_000],
                                threads: threadCounts.max() ?? 1)
    }
    if only.contains("ranking") { rows += try suites.ranking(hazards: 10_000) }
    if only.contains("events") { rows += try suites.events(count: 1_000_000, live: 10_000) }
    if only.contains("clearance") { rows += try ClearanceSuite.rows(runs: runs, full: full, progress: suites.progress) }
    if only.contains("decisions") { rows += try DecisionSuite.rows(progress: suites.progress) }
    if only.contains("plan") && !only.contains("decisions") { rows += try DecisionSuite.rows(planOnly: true, progress: suites.progress) }
    if only.contains("merge") { rows += try MergeSuite.rows(runs: runs, progress: suites.progress) }
    if only.contains("learned") {
        let ceiling = try suites.dgemmCeiling[2].map { (gflops: $0.gflops, name: $0.name) } ?? suites.adjacentCeiling(threads: 2)
        rows += try LearnedSuite.rows(runs: runs, dgemmCeiling: ceiling, progress: suites.progress)
    }
} catch {
    fail("a measurement failed: \(error)")
}

let environment = BenchEnvironment.current()
print(SummaryTable.render(rows, environment: environment))

if let path = value(of: "--json") {
    struct Report: Codable {
        var environment: BenchEnvironment
        var mode: String
        var results: [SummaryRow]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
        let data = try encoder.encode(Report(environment: environment, mode: full ? "full" : "quick", results: rows))
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        FileHandle.standardError.write(Data("Wrote \(path)\n".utf8))
    } catch {
        fail("cannot write \(path): \(error)")
    }
}
