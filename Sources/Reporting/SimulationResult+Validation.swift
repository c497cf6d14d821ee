import ClearanceModel
import ClearcastDomain

// MARK: - SimulationResult validation

extension SimulationResult {
    /// Checks the ranges of `schemas/result.schema.json` and what the notebook and text exporters
    /// assume: a horizon in (0, 100] years, at least one replication, dates that exist, completion
    /// quantiles ordered and inside the horizon with dates matching their days, a start stock ≥ 0,
    /// yearly entries for consecutive calendar years covering the horizon day by day, quantiles finite and ordered
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

        let initialPath = field("initialArea")
        c.nonNegative(initialArea.total, C.key(initialPath, "total"))
        for (code, area) in initialArea.byType.sorted(by: { $0.key < $1.key }) {
            let typePath = C.key(C.key(initialPath, "byType"), code)
            c.oneOf(code, typePath, C.contaminationCodes)
            c.nonNegative(area, typePath)
        }
        checkYearly(&c, at: field("yearly"), start: start, wholeYears: wholeYears, horizonDays: horizonDays)

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
        if let cost {
            let costPath = field("cost")
            c.quantiles(cost.total, C.key(costPath, "total"))
            if let done = cost.toCompletion { c.quantiles(done, C.key(costPath, "toCompletion")) }
            if let share = cost.completedShare { c.share(share, C.key(costPath, "completedShare")) }
            if let share = cost.overheadShare { c.share(share, C.key(costPath, "overheadShare")) }
            for (method, value) in (cost.perSquareMetre ?? [:]).sorted(by: { $0.key < $1.key }) {
                let path = C.key(C.key(costPath, "perSquareMetre"), method)
                if !["cancelled", "reduced", "cleared", "battleAreaCleared"].contains(method) {
                    c.fail(path, "found method '\(method)'; expected cancelled, reduced, cleared or battleAreaCleared")
                }
                c.nonNegative(value, path)
            }
        }
        if let n = teamsStoodDown { c.nonNegative(n, field("teamsStoodDown")) }
        if let n = teamsRetrained { c.nonNegative(n, field("teamsRetrained")) }
        c.count(eventsSimulated, field("eventsSimulated"), in: 0...Int.max)
        c.count(unfinishedReplications, field("unfinishedReplications"), in: 0...max(0, replications),
                "a count of replications")
        for (i, task) in tasks.enumerated() {
            c.dateQuantiles(task.release, C.key(C.index(field("tasks"), i), "release"), start: start, horizonDays: horizonDays)
        }
        for (i, found) in (discoveries ?? []).enumerated() {
            let path = C.index(field("discoveries"), i)
            c.oneOf(found.type, C.key(path, "type"), C.contaminationCodes)
            c.oneOf(found.status, C.key(path, "status"), ["CHA", "SHA"])
            c.nonNegative(found.meanArea, C.key(path, "meanArea"))
            if let found = c.date(found.foundDate, C.key(path, "foundDate")), let start,
               !(0..<horizonDays).contains(start.days(to: found)) {
                c.fail(C.key(path, "foundDate"), "found \(found); expected a date within the horizon (\(start) to the day before \(start.adding(days: horizonDays)))")
            }
            c.dateQuantiles(found.release, C.key(path, "release"), start: start, horizonDays: horizonDays)
        }
    }

    /// One entry per calendar year from the start date's
    /// year, at most the horizon's (rounded up) years plus one: consecutive years, the first from the
    /// start date, each following the previous one's last day, every one but the last ending on
    /// 31 December, the last within the horizon; `days` and `partial` matching the dates; released
    /// and remaining areas ≥ 0.
    private func checkYearly(_ c: inout ResultChecker, at path: String, start: CivilDate?, wholeYears: Int, horizonDays: Int) {
        typealias C = ResultChecker
        if yearly.count > wholeYears + 1 {
            c.fail(path, "found \(yearly.count) years; expected at most \(wholeYears + 1) (the calendar years of the horizon, \(horizonYears) years)")
        }
        var previousLast: CivilDate?
        for (i, entry) in yearly.enumerated() {
            let entryPath = C.index(path, i)
            let first = c.date(entry.firstDate, C.key(entryPath, "firstDate"))
            let last = c.date(entry.lastDate, C.key(entryPath, "lastDate"))
            let yearMatches = start.map { entry.year == $0.year + i } ?? true
            if let start, !yearMatches {
                c.fail(C.key(entryPath, "year"), "found \(entry.year); expected \(start.year + i) (calendar years from the start date's year, \(start.year))")
            }
            if let first {
                let expected = i == 0 ? start : previousLast.map { $0.adding(days: 1) }
                if let expected, first != expected {
                    c.fail(C.key(entryPath, "firstDate"), "found \(entry.firstDate); expected \(expected) "
                        + (i == 0 ? "(the start date)" : "(the day after the previous year's last day)"))
                }
                if yearMatches, first.year != entry.year {
                    c.fail(C.key(entryPath, "firstDate"), "found \(entry.firstDate); expected a date in \(entry.year)")
                }
            }
            if let first, let last {
                let isLast = i == yearly.count - 1
                if last < first || last.year != first.year || (!isLast && (last.month, last.day) != (12, 31)) {
                    c.fail(C.key(entryPath, "lastDate"), "found \(entry.lastDate); expected "
                        + (isLast ? "a date from \(first) to 31 December" : "\(first.year)-12-31 (years other than the last end on 31 December)"))
                } else {
                    if entry.days != first.days(to: last) + 1 {
                        c.fail(C.key(entryPath, "days"), "found \(entry.days); expected \(first.days(to: last) + 1) (\(first) to \(last), both included)")
                    }
                    let full = (first.month, first.day) == (1, 1) && (last.month, last.day) == (12, 31)
                    if entry.partial == full {
                        c.fail(C.key(entryPath, "partial"), "found \(entry.partial); expected \(!full) (\(first) to \(last))")
                    }
                }
                if let start, start.days(to: last) >= horizonDays {
                    c.fail(C.key(entryPath, "lastDate"), "found \(entry.lastDate); expected a date before \(start.adding(days: horizonDays)) (the horizon's end)")
                }
            }
            previousLast = last
            c.quantiles(entry.cancelled, C.key(entryPath, "cancelled"))
            c.quantiles(entry.reduced, C.key(entryPath, "reduced"))
            if let bac = entry.battleAreaCleared { c.quantiles(bac, C.key(entryPath, "battleAreaCleared")) }
            if let money = entry.cost { c.quantiles(money, C.key(entryPath, "cost")) }
            for (code, q) in (entry.releasedByType ?? [:]).sorted(by: { $0.key < $1.key }) {
                c.quantiles(q, C.key(C.key(entryPath, "releasedByType"), code))
            }
            if let found = entry.discovered { c.quantiles(found, C.key(entryPath, "discovered")) }
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
