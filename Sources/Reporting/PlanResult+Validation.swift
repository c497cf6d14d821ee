import ClearanceModel
import ClearcastDomain

// MARK: - Validation

extension PlanResult {
    /// The verdicts a level may carry.
    static let verdicts = ["meets", "fails", "meets_within_error", "fails_within_error"]

    /// Checks what the schema cannot: estimates inside their intervals, successes within
    /// replications, a frontier in multiplier order, a deadline inside the horizon, and the answer,
    /// its neighbour and the budget level among the frontier's levels.
    ///
    /// - Throws: ``ResultValidationError`` listing every problem with its field path.
    public func validate() throws {
        typealias C = ResultChecker
        var c = ResultChecker()
        c.oneOf(schema, "schema", [ResultSchema.identifier])
        c.oneOf(kind, "kind", ["plan"])
        c.provenance(provenance, "provenance", commands: ["plan"], schema: schema)
        c.count(horizonYears, "horizonYears", in: 1...ClearanceModel.maximumHorizonYears, "a horizon in years")
        let start = c.date(startDate, "startDate")
        if let deadline = c.date(target.deadline, "target.deadline"), let start {
            let last = start.adding(years: min(max(horizonYears, 1), ClearanceModel.maximumHorizonYears)).adding(days: -1)
            if deadline < start || deadline > last {
                c.fail("target.deadline", "found \(target.deadline); expected a date from \(start) to \(last), within the horizon")
            }
        }
        c.number(target.share, "target.share", in: 1e-9...1, "a share")
        c.number(target.probability, "target.probability", in: 1e-9...(1 - 1e-9), "a probability")
        for (i, code) in (target.types ?? []).enumerated() { c.oneOf(code, C.index("target.types", i), C.contaminationCodes) }
        c.number(search.step, "search.step", in: 1e-6...1, "a multiplier step")
        c.number(search.maximumMultiplier, "search.maximumMultiplier", in: 1...100, "a multiplier")
        c.number(search.resolution, "search.resolution", in: 1e-9...0.5, "a probability resolution")
        c.count(search.batch, "search.batch", in: 1...C.maximumReplications, "replications")
        c.count(search.maximumReplications, "search.maximumReplications", in: 1...C.maximumReplications, "replications")
        if search.maximumReplications < search.batch {
            c.fail("search.maximumReplications", "found \(search.maximumReplications); expected at least the batch, \(search.batch)")
        }
        if let budget = budgetPerYear { c.number(budget, "budgetPerYear", in: 0...C.magnitude, "an amount") }

        check(&c, baseline, "baseline")
        for (name, level) in [("answer", answer), ("nextSmaller", nextSmaller), ("bestAchievable", bestAchievable),
                              ("affordable", affordable)] {
            guard let level else { continue }
            check(&c, level, name)
            if !frontier.contains(level) { c.fail(name, "is not among the frontier's levels; expected one of them") }
        }
        for (i, level) in frontier.enumerated() { check(&c, level, C.index("frontier", i)) }
        for i in frontier.indices.dropFirst() where !(frontier[i - 1].multiplier < frontier[i].multiplier) {
            c.fail(C.index("frontier", i), "found multiplier \(frontier[i].multiplier) after \(frontier[i - 1].multiplier); expected increasing multipliers")
        }
        if let mode { c.oneOf(mode, "mode", ["mix"]) }
        if (mode == "mix") != (mix != nil) { c.fail("mix", "expected a mix exactly when mode is mix") }
        if let mix {
            for (kind, range) in mix.bounds {
                c.oneOf(kind, C.key("mix.bounds", kind), TeamKind.allCases.map(\.rawValue))
                if range.count != 2 || range[0] < 0 || range[0] > range[1] {
                    c.fail(C.key("mix.bounds", kind), "found \(range); expected [lowest, highest] with 0 ≤ lowest ≤ highest")
                }
            }
            for (name, level) in [("start", mix.start), ("answer", mix.answer), ("bestAchievable", mix.bestAchievable)] {
                if let level { check(&c, level, "mix." + name) }
            }
            for (i, level) in mix.evaluated.enumerated() { check(&c, level, C.index("mix.evaluated", i)) }
            if mix.answer != nil && mix.bestAchievable != nil {
                c.fail("mix.bestAchievable", "found alongside an answer; expected only when no mix meets the target")
            }
        }
        if answer != nil && bestAchievable != nil {
            c.fail("bestAchievable", "found alongside an answer; expected only when no level meets the target")
        }
        try c.finish()
    }

    private func check(_ c: inout ResultChecker, _ level: MixLevel, _ path: String) {
        typealias C = ResultChecker
        let field = { (name: String) in C.key(path, name) }
        c.count(level.replications, field("replications"), in: 1...C.maximumReplications, "replications")
        c.count(level.successes, field("successes"), in: 0...max(level.replications, 0), "successes, at most the replications")
        for (kind, count) in level.teams {
            c.oneOf(kind, C.key(field("teams"), kind), TeamKind.allCases.map(\.rawValue))
            c.count(count, C.key(field("teams"), kind), in: 0...100_000_000, "a team count")
        }
        checkEstimate(&c, probability: level.probability, lower: level.lower, upper: level.upper, verdict: level.verdict, path)
        c.number(level.costPerYear, field("costPerYear"), in: 0...C.magnitude, "an amount")
        c.share(level.shareReleasedAtProbability, field("shareReleasedAtProbability"))
    }

    private func check(_ c: inout ResultChecker, _ level: Level, _ path: String) {
        typealias C = ResultChecker
        let field = { (name: String) in C.key(path, name) }
        c.number(level.multiplier, field("multiplier"), in: 0...100, "a multiplier")
        c.count(level.replications, field("replications"), in: 1...C.maximumReplications, "replications")
        c.count(level.successes, field("successes"), in: 0...max(level.replications, 0), "successes, at most the replications")
        c.count(level.totalTeams, field("totalTeams"), in: 0...100_000_000, "a team count")
        for (group, count) in level.teams { c.count(count, C.key(field("teams"), group), in: 0...100_000_000, "a team count") }
        checkEstimate(&c, probability: level.probability, lower: level.lower, upper: level.upper, verdict: level.verdict, path)
        if let cost = level.costPerYear { c.number(cost, field("costPerYear"), in: 0...C.magnitude, "an amount") }
        c.share(level.shareReleasedAtProbability, field("shareReleasedAtProbability"))
    }

    /// A level's estimate (a multiplier level's or a mix's): the probability of meeting the target
    /// and its interval, all shares, the probability inside the interval, and a known verdict.
    private func checkEstimate(_ c: inout ResultChecker, probability: Double, lower: Double, upper: Double, verdict: String,
                               _ path: String) {
        let field = { (name: String) in ResultChecker.key(path, name) }
        c.share(probability, field("probability"))
        c.share(lower, field("lower"))
        c.share(upper, field("upper"))
        if !(lower <= probability && probability <= upper) {
            c.fail(field("probability"), "found \(probability) outside its interval [\(lower), \(upper)]; expected it inside")
        }
        c.oneOf(verdict, field("verdict"), Self.verdicts)
    }
}
