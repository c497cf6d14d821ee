import ClearanceModel
import ClearcastDomain
import EventSimulation
import Testing

/// The hazard `density` class multiplies productivity by `land_release.density_factors`.
@Suite("Density factors")
struct DensityFactorTests {
    /// 1000 m² at 100 m²/day: TS 10 days + clearance 10 days = released on day 19 (continuous
    /// calendar, day 0 first). At factor 0.5 each step takes twice as long: day 39; a low-density
    /// area at factor 2 takes half: day 9. An unlisted class keeps factor 1.
    @Test func factorsScaleTheWorkByHand() throws {
        func releaseDay(_ density: DensityClass, factors: [DensityClass: Double]) throws -> Int? {
            var area = task("T", area: 1000)
            area.density = density
            var m = model([area], [manualTeams(1)])
            m.landRelease = LandReleaseParameters(densityProductivityFactors: factors)
            return try releaseDays(m)["T"] ?? nil
        }
        #expect(try releaseDay(.medium, factors: [:]) == 19)
        #expect(try releaseDay(.high, factors: [.high: 0.5]) == 39)
        #expect(try releaseDay(.low, factors: [.low: 2, .high: 0.5]) == 9)
        #expect(try releaseDay(.medium, factors: [.low: 2, .high: 0.5]) == 19)
    }
}
