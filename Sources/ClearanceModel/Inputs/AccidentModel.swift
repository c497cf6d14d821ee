import ClearcastDomain
import EventSimulation

// MARK: - AccidentModel

/// Deminer accidents: a Poisson process in area processed by hazard-entering steps (TS,
/// clearance, BAC). Each accident stands the team down and causes sampled casualties.
///
/// ```swift
/// AccidentModel(ratePerSquareMetre: 1e-7, standDownDays: 14, casualtiesPerAccident: .poisson(1.2))
/// ```
/// The area until the next accident is exponential with mean `1 / rate`, drawn when a team starts
/// (or resumes) a step; if it is smaller than the step's area the step is cut at that point, the
/// team stands down for ``standDownDays`` calendar days and the step returns to the pool.
public struct AccidentModel: Sendable, Equatable, Codable {
    public var ratePerSquareMetre: Double
    /// Per-kind rates; a group's own override wins over these, these over the default rate.
    public var ratePerKind: [TeamKind: Double]
    public var standDownDays: Int
    public var casualtiesPerAccident: Distribution

    public init(
        ratePerSquareMetre: Double = 0, ratePerKind: [TeamKind: Double] = [:], standDownDays: Int = 0,
        casualtiesPerAccident: Distribution = .constant(1)
    ) {
        self.ratePerSquareMetre = ratePerSquareMetre
        self.ratePerKind = ratePerKind
        self.standDownDays = standDownDays
        self.casualtiesPerAccident = casualtiesPerAccident
    }

    public static let none = AccidentModel()

    public func validate() throws {
        var c = IssueCollector()
        c.finite(ratePerSquareMetre, "ratePerSquareMetre", atLeast: 0)
        for (kind, r) in ratePerKind.sorted(by: { $0.key < $1.key }) {
            c.finite(r, "ratePerKind.\(kind.rawValue)", atLeast: 0)
        }
        if standDownDays < 0 || standDownDays > TeamGroup.maximumDays {
            c.add("standDownDays", "must be in 0...\(TeamGroup.maximumDays), found \(standDownDays)")
        }
        c.distribution(casualtiesPerAccident, "casualtiesPerAccident")
        try c.throwIfAny()
    }
}
