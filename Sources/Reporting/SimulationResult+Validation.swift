import ClearanceModel
import ClearcastDomain

// MARK: - SimulationResult validation

extension SimulationResult {
    /// Checks the ranges of `schemas/result.schema.json` and what the notebook and text exporters
    /// assume: a horizon in (0, 100] years, at least one replication, dates that exist, completion
    /// quantiles ordered and inside the horizon with dates matching their days, yearly entries
    /// numbered 1, 2, ... and no more than the horizon's years, quantiles finite and ordered
    /// (P10 ≤ P50 ≤ P90), areas and counts ≥ 0, shares in [0, 1].
    ///
    /// - Throws: ``ResultValidationError`` listing each problem with its field path.
    public func validate() throws {
        var checker = ResultChecker()
        check(&checker, at: "", commands: ["simulate"])
        try checker.finish()
    }

    /// `commands`: what the provenance may say (a `compare` result's scenarios say `compare`).
    func check(_ c: inout ResultChecker, at path: String, commands: [String]) {
        typealias C = ResultChecker
        let field = { (name: String) in C.key(path, name) }
        c.oneOf(schema, field("schema"), ResultSchema.readable)
        c.oneOf(kind, field("kind"), ["simulate"])
        c.count(replications, field("replications"), in: 1...C.maximumReplications, "replications")
        c.provenance(provenance, field("provenance"), commands: commands, schema: schema, replications: replications)

        let maximumYears = Double(ClearanceModel.maximumHorizonYears)
        let validHorizon = horizonYears.isFinite && horizonYears > 0 && horizonYears <= maximumYears
        if !validHorizon {
            c.fail(field("horizonYears"), "found \(horizonYears); expected a horizon in years, > 0 and ≤ \(ClearanceModel.maximumHorizonYears)")
        }
        let wholeYears = validHorizon ? Int(horizonYears.rounded(.up)) : ClearanceModel.maximumHorizonYears
        let start = c.date(startDate, field("startDate"))
        if let start, validHorizon, start.year + wholeYears > 9999 {
            c.fail(field("startDate"), "found \(startDate); expected a start date whose horizon of \(wholeYears) years ends by 9999")
        }
        // Completion days are bounded by the horizon's last day (or, when the start is unknown, 366 days a year).
        let horizonDays = start.map { $0.days(to: $0.adding(years: wholeYears)) } ?? wholeYears * 366

        let completionPath = field("completion")
        c.dateQuantiles(completion.overall, C.key(completionPath, "overall"), start: start, horizonDays: horizonDays)
        for (code, q) in completion.byType.sorted(by: { $0.key < $1.key }) {
            let typePath = C.key(C.key(completionPath, "byType"), code)
            c.oneOf(code, typePath, C.contaminationCodes)
            c.dateQuantiles(q, typePath, start: start, horizonDays: horizonDays)
        }
        for (region, q) in completion.byRegion.sorted(by: { $0.key < $1.key }) {
            c.dateQuantiles(q, C.key(C.key(completionPath, "byRegion"), region), start: start, horizonDays: horizonDays)
        }

        checkYearly(&c, at: field("yearly"), start: start, wholeYears: wholeYears)

        let casualtiesPath = field("casualties")
        c.quantiles(casualties.civilianExpected, C.key(casualtiesPath, "civilianExpected"))
        c.nonNegative(casualties.civilianWithoutClearance, C.key(casualtiesPath, "civilianWithoutClearance"))
        c.quantiles(casualties.civilianAverted, C.key(casualtiesPath, "civilianAverted"), nonNegative: false)
        c.quantiles(casualties.deminers, C.key(casualtiesPath, "deminers"))
        c.quantiles(casualties.accidents, C.key(casualtiesPath, "accidents"))
        for (kind, share) in utilisation.sorted(by: { $0.key < $1.key }) {
            c.share(share, C.key(field("utilisation"), kind))
        }
        c.quantiles(teamYears, field("teamYears"))
        if let cost { c.quantiles(cost.total, C.key(field("cost"), "total")) }
        c.count(eventsSimulated, field("eventsSimulated"), in: 0...Int.max)
        c.count(unfinishedReplications, field("unfinishedReplications"), in: 0...max(0, replications),
                "a count of replications")
        for (i, task) in tasks.enumerated() {
            c.dateQuantiles(task.release, C.key(C.index(field("tasks"), i), "release"), start: start, horizonDays: horizonDays)
        }
    }

    /// One entry per simulation year, numbered from 1, at most the horizon's (rounded up) years;
    /// end dates after the start and increasing; released and remaining areas ≥ 0.
    private func checkYearly(_ c: inout ResultChecker, at path: String, start: CivilDate?, wholeYears: Int) {
        typealias C = ResultChecker
        if yearly.count > wholeYears {
            c.fail(path, "found \(yearly.count) years; expected at most \(wholeYears) (the horizon, \(horizonYears) years)")
        }
        var previousEnd = start
        for (i, entry) in yearly.enumerated() {
            let entryPath = C.index(path, i)
            if entry.year != i + 1 {
                c.fail(C.key(entryPath, "year"), "found \(entry.year); expected \(i + 1) (years count 1, 2, ... from the start date)")
            }
            if let text = entry.endDate, let end = c.date(text, C.key(entryPath, "endDate")) {
                if let previousEnd, end <= previousEnd {
                    c.fail(C.key(entryPath, "endDate"), "found \(text); expected a date after \(previousEnd) "
                        + (i == 0 ? "(the start date)" : "(the previous year's end)"))
                }
                previousEnd = end
            }
            c.quantiles(entry.cancelled, C.key(entryPath, "cancelled"))
            c.quantiles(entry.reduced, C.key(entryPath, "reduced"))
            c.quantiles(entry.cleared, C.key(entryPath, "cleared"))
            c.quantiles(entry.remaining, C.key(entryPath, "remaining"))
            for (code, q) in entry.remainingByType.sorted(by: { $0.key < $1.key }) {
                let typePath = C.key(C.key(entryPath, "remainingByType"), code)
                c.oneOf(code, typePath, C.contaminationCodes)
                c.quantiles(q, typePath)
            }
        }
    }
}

// MARK: - CompareResult validation

extension CompareResult {
    /// Checks every scenario as a simulate result (their provenance may say `compare`), that there
    /// is at least one, that the base is the first scenario's name, that all ran the same number of
    /// replications (common random numbers), and that each difference names a scenario and has
    /// finite values with p5 ≤ p95.
    ///
    /// - Throws: ``ResultValidationError`` listing each problem with its field path.
    public func validate() throws {
        typealias C = ResultChecker
        var c = ResultChecker()
        c.oneOf(schema, "schema", ResultSchema.readable)
        c.oneOf(kind, "kind", ["compare"])
        c.provenance(provenance, "provenance", commands: ["compare"], schema: schema, replications: scenarios.first?.replications)
        if let first = scenarios.first {
            if base != first.scenario {
                c.fail("base", "found \(C.quote(base)); expected \(C.quote(first.scenario)), the first scenario's name")
            }
        } else {
            c.fail("scenarios", "found none; expected at least one scenario")
        }
        for (i, scenario) in scenarios.enumerated() {
            let path = C.index("scenarios", i)
            if let first = scenarios.first, scenario.replications != first.replications {
                c.fail(C.key(path, "replications"), "found \(scenario.replications); expected \(first.replications) "
                    + "like scenarios[0] (common random numbers pair replication i of every scenario)")
            }
            scenario.check(&c, at: path, commands: ["compare", "simulate"])
        }
        let names = Set(scenarios.map(\.scenario))
        for (i, difference) in differences.enumerated() {
            let path = C.index("differences", i)
            if !names.contains(difference.scenario) {
                c.fail(C.key(path, "scenario"), "found \(C.quote(difference.scenario)); expected the name of one of the scenarios")
            }
            c.finite(difference.mean, C.key(path, "mean"))
            c.finite(difference.p5, C.key(path, "p5"))
            c.finite(difference.p95, C.key(path, "p95"))
            if difference.p5 > difference.p95 {
                c.fail(path, "found p5 \(difference.p5) > p95 \(difference.p95); expected p5 ≤ p95")
            }
        }
        try c.finish()
    }
}
