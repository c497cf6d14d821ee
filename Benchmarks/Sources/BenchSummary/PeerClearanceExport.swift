import BenchWorkloads
import ClearanceModel
import ClearcastDomain
import EventSimulation
import Foundation

// MARK: - PeerClearanceExport

/// The clearance model the SimPy peer (`peers/clearance_peer.py`) re-implements, and clearcast's
/// results on it.
///
/// The national-scale synthetic model has calendars, seasons, weather, accidents, travel, funding
/// changes and five team kinds; a faithful SimPy copy of all of it would be a second simulator.
/// The peer therefore runs the *core* of land release, built here as an ordinary `ClearanceModel`
/// and simulated by clearcast's real engine: `tasks` confirmed hazard areas (lognormal areas,
/// median 8,000 m²) worked in list order by `teams` identical manual teams; each task is a
/// technical survey that releases a Beta(2, 3) share, then clearance of the rest; productivity per
/// step is lognormal (median 300 m²/day, σ 0.5), days = ⌈area / productivity⌉; every day is a
/// working day; no travel, weather, accidents or funding changes; 15-year horizon.
///
/// Writes `clearance_model.json` (what the peer needs) and `clearance_clearcast.json` (completion
/// day and remaining area at each year end per replication, tasks completed, times on one thread
/// and on all cores).
enum PeerClearanceExport {
    struct Exported: Codable {
        var areas: [Double]
        var teams: Int
        var horizonDays: Int
        var yearEndDays: [Int]
        var productivityMu: Double
        var productivitySigma: Double
        var surveyShareAlpha: Double
        var surveyShareBeta: Double
    }

    struct Results: Codable {
        var replications: Int
        var completionDays: [Int?]
        /// Hazardous area left at each year end (the last is the horizon), per replication.
        var remainingByYear: [[Double]]
        var tasksCompleted: Int
        var secondsOneThread: Double
        var secondsAllThreads: Double
        var threadsAll: Int
        var environment: BenchEnvironment
    }

    static let mu = log(300.0), sigma = 0.5, alpha = 2.0, beta = 3.0

    static func model(tasks: Int, teams: Int, seed: UInt64) -> ClearanceModel {
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "bench-core-clearance")
        let areas = (0..<tasks).map { _ in min(exp(log(8_000) + rng.nextStandardNormal()), 2_000_000) }
        let hazards = areas.enumerated().map { i, a in
            HazardArea(id: "T\(i + 1)", area: a, contamination: .antiPersonnel, status: .confirmed, rank: i + 1)
        }
        let group = TeamGroup(id: "manual", kind: .manual, count: teams,
                              productivity: ["*": ["*": .lognormal(mu: mu, sigma: sigma)]])
        return ClearanceModel(
            startDate: CivilDate(year: 2026, month: 1, day: 1), horizonYears: 15, tasks: hazards, teams: [group],
            calendar: WorkCalendar(workingWeekdays: [1, 2, 3, 4, 5, 6, 7]),
            landRelease: LandReleaseParameters(technicalSurveyReduceShare: .beta(alpha: alpha, beta: beta)),
            policy: .asListed)
    }

    static func write(to directory: URL, tasks: Int, teams: Int, replications: Int) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let m = model(tasks: tasks, teams: teams, seed: 11)
        let exported = Exported(areas: m.tasks.map(\.area), teams: teams, horizonDays: m.horizonDays, yearEndDays: m.yearEndDays,
                                productivityMu: mu, productivitySigma: sigma, surveyShareAlpha: alpha, surveyShareBeta: beta)
        try JSONEncoder().encode(exported).write(to: directory.appendingPathComponent("clearance_model.json"))

        let all = ProcessInfo.processInfo.activeProcessorCount
        func run(threads: Int) throws -> (Double, ClearanceForecast) {
            var forecast: ClearanceForecast?
            let seconds = try Stopwatch.time {
                forecast = try MonteCarloRunner.run(m, replications: replications, seed: 2026, threads: threads,
                                                    keepReplicationSummaries: true)
            }
            guard let forecast else { throw CocoaError(.featureUnsupported) }
            return (seconds, forecast)
        }
        _ = try run(threads: all)  // warm-up
        let (one, forecast) = try run(threads: 1)
        let (many, _) = try run(threads: all)
        let summaries = forecast.replicationSummaries ?? []
        let completed = summaries.reduce(0) { $0 + tasks - $1.unfinishedTasks }
        var env = BenchEnvironment.current()
        env.blasThreads = 1
        let results = Results(replications: replications, completionDays: summaries.map(\.completionDay),
                              remainingByYear: summaries.map(\.remainingByYear),
                              tasksCompleted: completed, secondsOneThread: one, secondsAllThreads: many,
                              threadsAll: all, environment: env)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: directory.appendingPathComponent("clearance_clearcast.json"))
        FileHandle.standardError.write(Data("Wrote the core clearance model and clearcast's results (\(tasks) tasks, \(teams) teams, \(replications) replications) to \(directory.path)\n".utf8))
    }
}
