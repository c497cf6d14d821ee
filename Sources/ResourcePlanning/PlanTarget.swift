import ClearanceModel
import ClearcastDomain
import Foundation

// MARK: - PlanTarget

/// What a plan must achieve: a share of the hazardous area of some contamination types (and
/// regions) released by a date, with at least a given probability.
///
/// ```swift
/// // All anti-personnel and anti-vehicle mined land released by the end of 2030, 9 times in 10:
/// let target = PlanTarget(contaminationTypes: [.antiPersonnel, .antiVehicle],
///                         deadline: CivilDate(year: 2030, month: 12, day: 31), probability: 0.9)
/// ```
///
/// Area counts as released on the day its hazard area's last step ends (cancelled by survey,
/// reduced, or cleared): an area half cleared by the deadline counts for nothing, so a `share`
/// below 1 is met a little later than the area-weighted progress would suggest.
public struct PlanTarget: Sendable, Equatable, Codable {
    /// The contamination types whose areas count; nil means every type.
    public var contaminationTypes: Set<ContaminationType>?
    /// The regions (of the hazard layer) whose areas count; nil means every region.
    public var regions: Set<String>?
    /// Share of the counted area to release, in (0, 1].
    public var share: Double
    /// The last day (inclusive) by which the share must be released.
    public var deadline: CivilDate
    /// Required probability of meeting the target, in (0, 1).
    public var probability: Double

    public init(contaminationTypes: Set<ContaminationType>? = nil, regions: Set<String>? = nil, share: Double = 1,
                deadline: CivilDate, probability: Double) {
        self.contaminationTypes = contaminationTypes
        self.regions = regions
        self.share = share
        self.deadline = deadline
        self.probability = probability
    }

    /// "all AP+AV land in North released by 2030-12-31 with probability ≥ 0.9", or "80 % of hazardous
    /// land released by …".
    public var summary: String {
        let types = contaminationTypes.map { ContaminationType.allCases.filter($0.contains).map(\.rawValue).joined(separator: "+") + " land" }
            ?? "hazardous land"
        let regions = regions.map { " in " + $0.sorted().joined(separator: ", ") } ?? ""
        let share = self.share == 1 ? "all" : "\(String(format: "%g", (self.share * 1000).rounded() / 10)) % of"
        return "\(share) \(types)\(regions) released by \(deadline) with probability ≥ \(probability)"
    }
}

// MARK: - TargetEvaluator

/// Decides, for one replication, whether a ``PlanTarget`` was met.
///
/// - Complexity: O(tasks) per replication.
public struct TargetEvaluator: Sendable {
    public let target: PlanTarget
    /// Days from the model's start date to the deadline.
    public let deadlineDay: Int
    /// Indices (into the model's tasks) of the areas the target counts, and their areas (m²).
    let counted: [Int]
    let areas: [Double]
    let totalArea: Double

    /// - Throws: ``PlanningError/invalidTarget(_:)`` naming what does not fit the model: a share or
    ///   probability out of range, a deadline before the start or after the horizon, a region or
    ///   contamination type with no hazard area.
    public init(_ target: PlanTarget, model: ClearanceModel) throws {
        var problems: [String] = []
        if !(target.share > 0 && target.share <= 1) { problems.append("share must be in (0, 1], found \(target.share)") }
        if !(target.probability > 0 && target.probability < 1) {
            problems.append("probability must be in (0, 1), found \(target.probability)")
        }
        let deadlineDay = model.startDate.days(to: target.deadline)
        if deadlineDay < 0 { problems.append("the deadline \(target.deadline) is before the start date \(model.startDate)") }
        if deadlineDay >= model.horizonDays {
            problems.append("the deadline \(target.deadline) is after the horizon's end "
                + "\(model.startDate.adding(days: model.horizonDays - 1)); raise horizon_years")
        }
        let regionNames = Set(model.tasks.map(\.region))
        for region in (target.regions ?? []).sorted() where !regionNames.contains(region) {
            let hint = Spelling.closest(to: region, among: regionNames.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            problems.append("no hazard area lies in region '\(region)'\(hint)")
        }
        let presentTypes = Set(model.tasks.map(\.contamination))
        for type in ContaminationType.allCases where target.contaminationTypes?.contains(type) == true && !presentTypes.contains(type) {
            problems.append("no hazard area has contamination type \(type.rawValue)")
        }
        var counted: [Int] = [], areas: [Double] = []
        for (i, task) in model.tasks.enumerated()
        where (target.contaminationTypes?.contains(task.contamination) ?? true) && (target.regions?.contains(task.region) ?? true) {
            counted.append(i)
            areas.append(task.area)
        }
        if problems.isEmpty && counted.isEmpty { problems.append("no hazard area matches the target") }
        guard problems.isEmpty else { throw PlanningError.invalidTarget(problems) }
        self.target = target
        self.deadlineDay = deadlineDay
        self.counted = counted
        self.areas = areas
        // Summed in task order, so the result never depends on threads.
        totalArea = areas.reduce(0, +)
    }

    /// Share of the counted area released by the deadline in one replication.
    public func releasedShare(_ record: ReplicationRecord) -> Double {
        var released = 0.0
        for (k, i) in counted.enumerated() {
            let day = Int(record.releaseDays[i])
            if day >= 0 && day <= deadlineDay { released += areas[k] }
        }
        return totalArea > 0 ? released / totalArea : 1
    }

    /// Whether the replication met the target. A share of 1 asks for every counted area (no
    /// rounding can make a nearly finished programme count as finished).
    public func isMet(_ record: ReplicationRecord) -> Bool {
        if target.share == 1 {
            return counted.allSatisfy { let d = Int(record.releaseDays[$0]); return d >= 0 && d <= deadlineDay }
        }
        return releasedShare(record) >= target.share
    }
}
