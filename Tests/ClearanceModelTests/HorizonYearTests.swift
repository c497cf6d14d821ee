import ClearcastDomain
import EventSimulation
import Testing
@testable import ClearanceModel

/// The year a day is booked in (``CompiledModel/year(ofDay:)``): clamped into the horizon, and no
/// year at all for a horizon of 0 days, which ``ClearanceModel/validate()`` refuses before any run.
@Suite("Horizon years")
struct HorizonYearTests {
    /// A reference by hand: clamp the day into [0, horizon), then the first year whose end (the
    /// first day after it) lies beyond it.
    static func naiveYear(_ day: Int, yearEnds: [Int]) -> Int? {
        guard let horizon = yearEnds.last, horizon > 0 else { return nil }
        let d = min(max(day, 0), horizon - 1)
        return yearEnds.firstIndex { d < $0 }
    }

    /// From 1 July 2026 over 2 years: 184 days of 2026, 365 of 2027, 182 of 2028 (731 in all).
    @Test func yearOfDayClampsIntoTheHorizon() {
        let m = model([task("T", area: 1_000)], [manualTeams(1)], start: CivilDate(year: 2026, month: 7, day: 1), years: 2)
        let compiled = CompiledModel(m)
        #expect(m.yearEndDays == [184, 549, 731])
        for day in [-5, -1, 0, 1, 183, 184, 548, 549, 730, 731, 732, 10_000] {
            #expect(compiled.year(ofDay: day) == Self.naiveYear(day, yearEnds: m.yearEndDays), "day \(day)")
        }
        #expect(compiled.year(ofDay: -1) == 0 && compiled.year(ofDay: 184) == 1 && compiled.year(ofDay: 731) == 2)
    }

    /// Random starts and horizons against the reference.
    @Test func yearOfDayMatchesTheReferenceOnRandomModels() {
        var rng = SplitMix64(seed: 17)
        for _ in 0..<20 {
            let start = CivilDate(year: 2020 + Int(rng.next() % 10), month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))
            let m = model([task("T", area: 1_000)], [manualTeams(1)], start: start, years: 1 + Int(rng.next() % 6))
            let compiled = CompiledModel(m)
            for _ in 0..<50 {
                let day = Int(rng.next() % UInt64(compiled.horizon + 20)) - 10
                #expect(compiled.year(ofDay: day) == Self.naiveYear(day, yearEnds: m.yearEndDays), "\(start) \(m.horizonYears) years, day \(day)")
            }
        }
    }

    /// A horizon of 0 years is refused with the field named; compiled anyway (as only a caller
    /// skipping validation could), it has no year to book in and a replication does not crash.
    @Test func zeroHorizonIsRefusedAndBooksNothing() throws {
        let m = model([task("T", area: 1_000)], [manualTeams(2)], years: 0)
        #expect(throws: ClearanceModelError.self) { try m.validate() }
        do {
            try m.validate()
        } catch let ClearanceModelError.invalidInput(issues) {
            #expect(issues.contains { $0.path == "horizonYears" && $0.message.contains("must be in 1...") }, "\(issues)")
        }
        let compiled = CompiledModel(m)
        #expect(compiled.horizon == 0 && m.yearEndDays.isEmpty)
        for day in [-1, 0, 1, 365] { #expect(compiled.year(ofDay: day) == nil) }
        var simulator = ReplicationSimulator(model: compiled, seed: 1, replication: 0)
        let outcome = try simulator.run()
        #expect(outcome.summary.deminerCasualtiesByYear.isEmpty && outcome.releaseDay == [-1])
    }
}
