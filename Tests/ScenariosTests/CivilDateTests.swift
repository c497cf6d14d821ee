import Foundation
import Testing
@testable import Scenarios

@Suite struct CivilDateTests {
    /// Foundation's Gregorian calendar in UTC is an independent reference for the arithmetic
    /// (after 1582 only: before it Foundation switches to the Julian calendar).
    @Test func agreesWithFoundationOnRandomDays() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let days = Int.random(in: -100_000...100_000, using: &rng)
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let civil = CivilDate(daysSinceEpoch: days)
            let (y, m, d) = civil.components
            #expect(y == parts.year && m == parts.month && d == parts.day)
            // Foundation: 1 = Sunday; ISO: 7 = Sunday.
            #expect(civil.isoWeekday == ((parts.weekday! + 5) % 7) + 1)
            #expect(CivilDate(year: y, month: m, day: d) == civil)
        }
    }

    @Test func knownDates() {
        #expect(CivilDate(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CivilDate(iso: "2020-11-10")?.daysSinceEpoch == 18_576)
        #expect(CivilDate(iso: "2020-11-10")?.isoWeekday == 2)  // a Tuesday
        #expect(CivilDate(iso: "2000-02-29") != nil)
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "2023-13-01") == nil)
        #expect(CivilDate(iso: "2023-1-01") == nil)
        #expect(CivilDate(iso: "yesterday") == nil)
        #expect((CivilDate(iso: "2020-12-31")! + 1).description == "2021-01-01")
    }
}
