import ArgumentParser
import ClearanceModel
import ClearcastDomain
import Foundation
import Reporting
import ResourcePlanning
import Scenarios

/// `clearcast plan SCENARIO --by DATE`: the smallest resources that meet a release target.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Find the smallest team multiplier that meets a release target with a given probability.",
        discussion: """
            Scales the chosen team groups (all by default; or --kinds, --groups) by a multiplier on a \
            grid, simulating each level with common random numbers and sequential stopping, and reports \
            the smallest level that meets the target, the level just below it that does not, and every \
            level simulated (the frontier). With --budget-per-year, also the largest level whose teams \
            the budget can field (every year's teams at their full rates), and what it achieves. Team counts are rounded to whole teams.

              clearcast plan scenarios/karabakh/baseline.yaml --types AP,AV --by 2033-12-31 \\
                  --probability 0.9 --out out/plan.json
              clearcast plan scenarios/demo/demo.yaml --by 2030-12-31 --kinds manual,mechanical \\
                  --budget-per-year 2000000
            """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .long, help: "Deadline (YYYY-MM-DD): the target's area must be released by this day.")
    var by: String

    @Option(name: .long, help: "Contamination types counted, comma-separated: AP, AV, CM, UXO (default: all).")
    var types: String?

    @Option(name: .long, help: "Regions of the hazard layer counted, comma-separated (default: all).")
    var regions: String?

    @Option(name: .long, parsing: .unconditional, help: "Share of the counted area to release, in (0, 1] (default 1: all of it).")
    var share: Double = 1

    @Option(name: .long, parsing: .unconditional, help: "Required probability of meeting the target, in (0, 1).")
    var probability: Double = 0.9

    @Option(name: .long, help: "Team kinds to scale, comma-separated: manual, mechanical, dogs, bac, survey (default: all groups).")
    var kinds: String?

    @Option(name: .long, help: "Team groups to scale by name (the teams' name:, or kind-N for unnamed ones, as in the table), comma-separated.")
    var groups: String?

    @Option(name: .long, parsing: .unconditional, help: "Largest multiplier tried.")
    var maxMultiplier: Double = 8

    @Option(name: .long, parsing: .unconditional, help: "Multiplier grid step: answers are multiples of it.")
    var step: Double = 0.05

    @Option(name: .long, parsing: .unconditional, help: "Stop a level once its 95% interval's half-width is below this.")
    var resolution: Double = 0.02

    @Option(name: .long, parsing: .unconditional, help: "Most replications per level.")
    var maxReplications: Int = 2000

    @Option(name: .long, parsing: .unconditional, help: "Yearly budget (scenario currency): also find the largest level it affords.")
    var budgetPerYear: Double?

    @Option(name: .long, help: ArgumentHelp(
        "Find the cheapest whole-team mix within bounds per kind instead, e.g. 'manual=10..200,mechanical=5..60'.",
        discussion: "Bounds are teams at the start per kind (each kind's groups and yearly plans scale together). Needs the "
            + "scenario's costs.per_team_day for every kind given. The search starts from the smallest uniform multiplier "
            + "that meets the target and removes or swaps teams towards cheaper kinds while the target still holds, each "
            + "step checked by simulation with common random numbers.",
        valueName: "KIND=LOW..HIGH,..."))
    var mix: String?

    @Option(name: .long, help: "Write the JSON result here.")
    var out: String?

    @Option(name: .long, parsing: .unconditional, help: "Master seed (default: the scenario's).")
    var seed: UInt64?

    @Option(name: .long, parsing: .unconditional, help: RunContext.threadsHelp)
    var threads: Int?

    @Flag(name: .long, help: RunContext.quietHelp)
    var quiet = false

    @Flag(name: .long, help: RunContext.reproducibleHelp)
    var reproducible = false

    @OptionGroup(title: "Scenario overrides") var set: ScenarioOverrideOptions

    @OptionGroup(title: "Clusters (refused by plan; see its error)") var sharding: ShardOptions

    func validate() throws {
        if sharding.shard != nil || !sharding.emit.isEmpty || sharding.shards != nil {
            throw ValidationError("plan cannot be sharded (--shard, --emit): its search is sequential, each level it simulates "
                + "depends on the answers at the levels before, and each level stops adding replications as soon as it is "
                + "decided, so there is no fixed set of work to cut into shards. Run plan on one machine (it uses every "
                + "core: --threads), or shard the runs a plan leads to (simulate, compare, sensitivity)")
        }
        try RunContext.validateThreads(threads)
        if !(1...1_000_000).contains(maxReplications) {
            throw ValidationError("--max-replications must be between 1 and 1000000, found \(maxReplications)")
        }
        if kinds != nil && groups != nil { throw ValidationError("give --kinds or --groups, not both") }
        if mix != nil && (kinds != nil || groups != nil || budgetPerYear != nil) {
            throw ValidationError("--mix chooses the kinds and their numbers itself; give it without --kinds, --groups or --budget-per-year")
        }
    }

    func run() throws {
        Console.setQuiet(quiet)
        let outputs = [OutputPaths.Request(option: "--out", path: out, extensions: OutputPaths.json)]
        try OutputPaths.check(outputs)
        InterruptHandler.install()
        RunContext.adviseOnBLASKernel()
        let target = try parsedTarget()
        let loaded = try RunContext.loadScenario(scenario, overrides: set.overrides())
        try OutputPaths.check(outputs, against: OutputPaths.inputs(of: loaded))
        guard let spec = loaded.simulation else {
            throw ExitStatus.InputError("\(loaded.file.path): simulation: missing; expected a simulation section with teams")
        }
        let threads = RunContext.applyThreads(threads)
        let layers = try RunContext.loadLayers(loaded)
        try InterruptHandler.checkpoint()
        let model = try SimulationRun.model(scenario: loaded, layers: layers)
        if let mix {
            try runMix(bounds: try Self.bounds(mix), model: model, loaded: loaded, spec: spec, target: target, threads: threads)
            return
        }
        var planner = MultiplierPlanner(model: model, groups: try scaledGroups(model), seed: seed ?? spec.seed,
                                        threads: threads, costPerTeamDay: spec.costs?.perTeamDay)
        planner.step = step
        planner.maximumMultiplier = maxMultiplier
        planner.resolution = resolution
        planner.maximumReplications = maxReplications
        planner.batch = min(planner.batch, maxReplications)
        let quiet = self.quiet
        let plan = try planner.plan(for: target, budgetPerYear: budgetPerYear, progress: { level in
            guard !quiet else { return }
            let i = level.probability.interval()
            Console.info(String(format: "  %.2f× (%d teams): P(met) = %.3f [%.3f, %.3f] after %d replications",
                                level.multiplier, level.totalTeams, level.probability.estimate, i.lower, i.upper,
                                level.probability.trials))
        }, shouldStop: InterruptHandler.stopCheck)
        let provenance = try RunContext.provenance(command: "plan", scenarios: [(loaded, scenario)], seed: planner.seed,
                                                   replications: nil, threads: threads, reproducible: reproducible)
        let result = PlanResult.make(provenance: provenance, scenario: loaded.name, startDate: model.startDate,
                                     horizonYears: model.horizonYears, plan: plan, resolution: resolution,
                                     batch: planner.batch, maximumReplications: maxReplications, currency: spec.costs?.currency)
        try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(result, to: $0) }])
        Console.output(PlanTable.render(result))
        RunContext.reportWritten(out, "result")
    }

    /// The target from the options, each refused with the option's name and what was expected.
    func parsedTarget() throws -> PlanTarget {
        let deadline: CivilDate
        do { deadline = try CivilDate(iso: by) } catch {
            throw ExitStatus.InputError("--by: found '\(by)'; expected a date YYYY-MM-DD")
        }
        var contamination: Set<ContaminationType>?
        if let types {
            contamination = []
            for code in Self.list(types) {
                guard let type = ContaminationType(rawValue: code.uppercased()) else {
                    throw ExitStatus.InputError("--types: found '\(code)'; expected AP, AV, CM or UXO")
                }
                contamination?.insert(type)
            }
        }
        return PlanTarget(contaminationTypes: contamination, regions: regions.map { Set(Self.list($0)) }, share: share,
                          deadline: deadline, probability: probability)
    }

    /// The ids of the groups to scale: those of `--kinds`, those named by `--groups`, or all.
    func scaledGroups(_ model: ClearanceModel) throws -> Set<String> {
        if let groups { return Set(Self.list(groups)) }
        guard let kinds else { return Set(model.teams.map(\.id)) }
        var ids: Set<String> = []
        for name in Self.list(kinds) {
            guard let kind = TeamKind(rawValue: name.lowercased()) else {
                let names = TeamKind.allCases.map(\.rawValue)
                let hint = Spelling.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
                throw ExitStatus.InputError("--kinds: found '\(name)'; expected one of \(names.joined(separator: ", "))\(hint)")
            }
            let matching = model.teams.filter { $0.kind == kind }.map(\.id)
            guard !matching.isEmpty else {
                throw ExitStatus.InputError("--kinds: the scenario has no \(kind.rawValue) teams to scale")
            }
            ids.formUnion(matching)
        }
        return ids
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `manual=10..200,mechanical=5..60` as bounds per kind.
    static func bounds(_ text: String) throws -> [TeamKind: ClosedRange<Int>] {
        var bounds: [TeamKind: ClosedRange<Int>] = [:]
        for item in list(text) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let ends = parts.count == 2 ? parts[1].components(separatedBy: "..") : []
            guard parts.count == 2, ends.count == 2, let low = Int(ends[0]), let high = Int(ends[1]), low >= 0, low <= high else {
                throw ExitStatus.InputError("--mix: found '\(item)'; expected KIND=LOW..HIGH with whole numbers 0 ≤ LOW ≤ HIGH, e.g. manual=10..200")
            }
            guard let kind = TeamKind(rawValue: parts[0].lowercased()) else {
                let names = TeamKind.allCases.map(\.rawValue)
                let hint = Spelling.closest(to: parts[0], among: names).map { "; did you mean '\($0)'?" } ?? ""
                throw ExitStatus.InputError("--mix: found kind '\(parts[0])'; expected one of \(names.joined(separator: ", "))\(hint)")
            }
            bounds[kind] = low...high
        }
        return bounds
    }

    func runMix(bounds: [TeamKind: ClosedRange<Int>], model: ClearanceModel, loaded: Scenario, spec: SimulationSpec,
                target: PlanTarget, threads: Int) throws {
        var planner = MixPlanner(model: model, bounds: bounds, costPerTeamDay: spec.costs?.perTeamDay ?? [:],
                                 seed: seed ?? spec.seed, threads: threads)
        planner.resolution = resolution
        planner.maximumReplications = maxReplications
        planner.batch = min(planner.batch, maxReplications)
        let quiet = self.quiet
        let plan = try planner.plan(for: target, progress: { level in
            guard !quiet else { return }
            let teams = level.teams.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            Console.info(String(format: "  %@: P(met) = %.3f after %d replications", teams, level.probability.estimate, level.probability.trials))
        }, shouldStop: InterruptHandler.stopCheck)
        let provenance = try RunContext.provenance(command: "plan", scenarios: [(loaded, scenario)], seed: planner.seed,
                                                   replications: nil, threads: threads, reproducible: reproducible)
        let result = PlanResult.make(provenance: provenance, scenario: loaded.name, startDate: model.startDate,
                                     horizonYears: model.horizonYears, mixPlan: plan, resolution: resolution, batch: planner.batch,
                                     maximumReplications: maxReplications, currency: spec.costs?.currency)
        try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(result, to: $0) }])
        Console.output(PlanTable.render(result))
        RunContext.reportWritten(out, "result")
    }
}
