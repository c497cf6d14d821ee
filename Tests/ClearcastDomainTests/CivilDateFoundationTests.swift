import ClearcastDomain
import Foundation
import Testing

@Suite struct CivilDateFoundationTests {
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
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day)
            // Foundation: 1 = Sunday; ISO: 7 = Sunday.
            #expect(civil.weekday == ((parts.weekday! + 5) % 7) + 1)
            #expect(CivilDate(year: civil.year, month: civil.month, day: civil.day).daysSinceEpoch == days)
        }
    }

    @Test func knownDates() throws {
        #expect(try CivilDate(iso: "1970-01-01").daysSinceEpoch == 0)
        #expect(try CivilDate(iso: "2020-11-10").daysSinceEpoch == 18_576)
        #expect(try CivilDate(iso: "2020-11-10").weekday == 2)  // a Tuesday
        #expect((try? CivilDate(iso: "2000-02-29")) != nil)
        for bad in ["2023-02-29", "2023-13-01", "2023-1-01", "yesterday"] {
            #expect((try? CivilDate(iso: bad)) == nil, "\(bad)")
        }
        #expect(try CivilDate(iso: "2020-12-31").adding(days: 1).description == "2021-01-01")
    }
}
