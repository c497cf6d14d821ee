import _TestSupport
import ClearanceModel
import ClearcastDomain
import EventSimulation
@testable import Scenarios
import Testing

/// `discovery:`, survey shares by evidence strength and ageing suspicion, as read from a file.
@Suite("Discovery and evidence in scenarios")
struct DiscoveryScenarioTests {
    static let anchor = "    ts_reduce_share: {dist: uniform, min: 0.1, max: 0.4}"

    func load(_ extra: String) throws -> (ScenarioFixture, Result<Scenario, ScenarioError>) {
        let fixture = try ScenarioFixture()
        _ = try fixture.write("s.yaml", ScenarioFixture.valid.replacing(Self.anchor, with: Self.anchor + "\n" + extra))
        return (fixture, fixture.load("s.yaml"))
    }

    @Test func fieldsAreRead() throws {
        let (fixture, result) = try load("""
                nts_cancel_share_by_evidence: {weak: 0.8, strong: {dist: uniform, min: 0, max: 0.2}}
                ts_reduce_share_by_evidence: {strong: 0}
                nts_cancel_rise_per_year: 0.05
              discovery:
                - {name: d1, region: North, type: AP, area_km2_per_year: {dist: uniform, min: 1, max: 3}, from: 2022, to: 2024, terrain: mountain}
                - {region: South, type: UXO, status: CHA, area_km2_per_year: 0.5, from: 2023, to: 2023}
            """)
        defer { fixture.remove() }
        let spec = try #require(try result.get().simulation)
        #expect(spec.ntsCancelShareByEvidence == [.weak: .constant(0.8), .strong: .uniform(min: 0, max: 0.2)])
        #expect(spec.tsReduceShareByEvidence == [.strong: .constant(0)])
        #expect(spec.ntsCancelRisePerYear == 0.05)
        #expect(spec.discoveries.count == 2)
        let first = spec.discoveries[0], second = spec.discoveries[1]
        #expect(first.region == "North" && first.type == .antiPersonnel && first.status == .suspected && first.terrain == "mountain")
        #expect(first.areaPerYear == .uniform(min: 1_000_000, max: 3_000_000))   // km² read as m²
        #expect(first.fromYear == 2022 && first.toYear == 2024)
        #expect(second.status == .confirmed && second.areaPerYear == .constant(500_000))
    }

    @Test func badDiscoveriesNameTheFieldAndWhatWasExpected() throws {
        let (fixture, result) = try load("""
              discovery:
                - {region: North, type: XX, area_km2_per_year: {dist: normal, mean: 1, sd: 1}, from: 2025, to: 2022}
                - {type: AP, area_km2_per_year: 1, from: 2025, to: 2026, colour: red}
            """)
        defer { fixture.remove() }
        guard case .failure(let error) = result else {
            Issue.record("expected errors")
            return
        }
        let text = error.issues.map { "\($0.file) \($0.path): \($0.message)" }.joined(separator: "\n")
        #expect(error.issues.allSatisfy { $0.file.hasSuffix("s.yaml") }, "\(text)")
        #expect(text.contains("simulation.discovery[0].type"), "\(text)")
        #expect(text.contains("simulation.discovery[0].area_km2_per_year") && text.contains("negative"), "\(text)")
        #expect(text.contains("simulation.discovery[0].to") && text.contains("expected a year ≥ from (2025)"), "\(text)")
        #expect(text.contains("simulation.discovery[1]") && text.contains("region"), "\(text)")
        #expect(text.contains("colour"), "\(text)")
    }
}
