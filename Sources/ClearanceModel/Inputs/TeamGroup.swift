import ClearcastDomain
import EventSimulation

// MARK: - TeamGroup

/// A group of identical teams of one kind, with their productivity, base and funding plan.
///
/// ```swift
/// let manual = TeamGroup(
///     id: "manual-north", kind: .manual, count: 12,
///     productivity: ["*": ["*": .lognormal(median: 60, p90: 120)], "AV": ["open": .constant(150)]],
///     baseX: 500_000, baseY: 4_100_000, travelSpeedKmPerDay: 150, mobilisationDays: 5,
///     capacityPlan: [CapacityChange(when: .yearOffset(2), count: 20)])
/// ```
///
/// Productivity is m² processed per team working day, keyed first by contamination code
/// (`"AP"`, `"AV"`, `"CM"`, `"UXO"` or `"*"`) then by terrain key (or `"*"`). Look-up order for a
/// task: (class, terrain), (class, `*`), (`*`, terrain), (`*`, `*`). One table serves every step
/// the group does; ``stepSpeedFactors`` scales it per step (e.g. TS covers ground faster).
public struct TeamGroup: Sendable, Equatable, Codable {
    /// What the productivity distributions measure.
    public enum RateUnit: String, Sendable, Hashable, Codable {
        /// m² processed per team working day (the step takes `ceil(area / sample)` days).
        case squareMetresPerDay
        /// Working days per task step, whatever its area (e.g. EOD call-outs); the step takes
        /// `ceil(sample / factors)` days.
        case daysPerTask
    }

    public var id: String
    public var kind: TeamKind
    /// Teams fielded at the start (or at ``availableFromDay``) until the first capacity change.
    public var count: Int
    /// Steps these teams may do; `nil` means ``TeamKind/defaultSteps``.
    public var steps: Set<LandReleaseStep>?
    /// Contamination types these teams may work on; `nil` means all (e.g. `[.unexplodedOrdnance]`
    /// for EOD/BAC teams that also do the technical survey of battle areas).
    public var contaminationTypes: Set<ContaminationType>?
    public var productivity: [String: [String: Distribution]]
    public var rateUnit: RateUnit
    /// Multiplier on sampled productivity per step (missing steps use 1).
    public var stepSpeedFactors: [LandReleaseStep: Double]
    public var baseX: Double
    public var baseY: Double
    /// Road travel speed between tasks, km per calendar day (travel ignores the work calendar).
    public var travelSpeedKmPerDay: Double
    /// Calendar days from activation (start or capacity increase) until a team can first work.
    public var mobilisationDays: Int
    /// First day (since simulation start) the group exists.
    public var availableFromDay: Int
    /// Day the group is withdrawn (exclusive); `nil` means never.
    public var availableUntilDay: Int?
    public var capacityPlan: [CapacityChange]
    /// Overrides ``AccidentModel/ratePerSquareMetre`` for these teams when set.
    public var accidentRatePerSquareMetre: Double?
    /// Extra calendar days before teams added after the start (by a capacity increase) can
    /// mobilise: buying and shipping machines, recruiting. Teams fielded on day 0 have none.
    public var procurementDays: Int = 0
    /// Learning curve of teams activated after day 0 (capacity increases, new groups, retraining).
    public var rampUp: RampUp?
    /// Where these teams go when no eligible work is left for them (instead of standing down).
    public var retraining: Retraining?

    /// New teams start at ``initialShare`` of their productivity, rising linearly to full
    /// productivity over ``days`` calendar days from activation (training, dog acclimatisation).
    public struct RampUp: Sendable, Equatable, Codable {
        public var days: Int
        public var initialShare: Double
        public init(days: Int, initialShare: Double) {
            self.days = days
            self.initialShare = initialShare
        }

        /// Productivity multiplier for work started `elapsed` calendar days after activation.
        public func factor(elapsedDays elapsed: Int) -> Double {
            guard days > 0, elapsed < days else { return 1 }
            return initialShare + (1 - initialShare) * Double(max(elapsed, 0)) / Double(days)
        }
    }

    /// Re-tasking: when a team of this group has no eligible work left anywhere, it is retrained
    /// as a team of group ``targetGroup`` (its kind, steps, productivity and ramp-up), which takes
    /// ``days`` calendar days (paid at the target kind's rate, plus the target kind's one-off
    /// ``TeamCosts/retrainingPerTeam``). It happens only while the target group has eligible work.
    public struct Retraining: Sendable, Equatable, Codable {
        public var targetGroup: String
        public var days: Int
        public init(targetGroup: String, days: Int) {
            self.targetGroup = targetGroup
            self.days = days
        }
    }

    public init(
        id: String, kind: TeamKind, count: Int, steps: Set<LandReleaseStep>? = nil,
        contaminationTypes: Set<ContaminationType>? = nil,
        productivity: [String: [String: Distribution]], rateUnit: RateUnit = .squareMetresPerDay,
        stepSpeedFactors: [LandReleaseStep: Double] = [:],
        baseX: Double = 0, baseY: Double = 0, travelSpeedKmPerDay: Double = 200,
        mobilisationDays: Int = 0, availableFromDay: Int = 0, availableUntilDay: Int? = nil,
        capacityPlan: [CapacityChange] = [], accidentRatePerSquareMetre: Double? = nil
    ) {
        self.id = id
        self.kind = kind
        self.count = count
        self.steps = steps
        self.contaminationTypes = contaminationTypes
        self.productivity = productivity
        self.rateUnit = rateUnit
        self.stepSpeedFactors = stepSpeedFactors
        self.baseX = baseX
        self.baseY = baseY
        self.travelSpeedKmPerDay = travelSpeedKmPerDay
        self.mobilisationDays = mobilisationDays
        self.availableFromDay = availableFromDay
        self.availableUntilDay = availableUntilDay
        self.capacityPlan = capacityPlan
        self.accidentRatePerSquareMetre = accidentRatePerSquareMetre
    }

    /// A copy with the movement settings (procurement lag, ramp-up, retraining) replaced.
    public func with(procurementDays: Int, rampUp: RampUp?, retraining: Retraining?) -> TeamGroup {
        var copy = self
        copy.procurementDays = procurementDays
        copy.rampUp = rampUp
        copy.retraining = retraining
        return copy
    }

    /// The steps these teams may do (explicit list or the kind's defaults).
    public var effectiveSteps: Set<LandReleaseStep> { steps ?? kind.defaultSteps }

    /// Largest team count and day offsets accepted (keeps unit tables and day arithmetic sane).
    public static let maximumCount = 100_000
    public static let maximumDays = 1_000_000

    /// True when these teams may do `step` on an area of `type`.
    public func canWork(_ step: LandReleaseStep, on type: ContaminationType) -> Bool {
        effectiveSteps.contains(step) && (contaminationTypes?.contains(type) ?? true)
    }

    /// The productivity distribution for a task class and terrain, applying the `*` fallbacks.
    public func productivity(for contamination: ContaminationType, terrain: String) -> Distribution? {
        let code = contamination.rawValue
        return productivity[code]?[terrain] ?? productivity[code]?["*"]
            ?? productivity["*"]?[terrain] ?? productivity["*"]?["*"]
    }

    // MARK: Validation

    public func validate() throws {
        var c = IssueCollector()
        if id.isEmpty { c.add("id", "must not be empty") }
        if count < 0 || count > Self.maximumCount { c.add("count", "must be in 0...\(Self.maximumCount), found \(count)") }
        if effectiveSteps.isEmpty { c.add("steps", "must name at least one step") }
        if let types = contaminationTypes, types.isEmpty { c.add("contaminationTypes", "must name at least one type (or be omitted for all)") }
        if productivity.isEmpty { c.add("productivity", "must have at least one entry (use \"*\" as a catch-all)") }
        let codes = Set(ContaminationType.allCases.map(\.rawValue)).union(["*"])
        for classKey in productivity.keys.sorted() {
            if !codes.contains(classKey) {
                c.add("productivity.\(classKey)", "unknown contamination code; expected one of AP, AV, CM, UXO or *")
            }
            for terrainKey in (productivity[classKey] ?? [:]).keys.sorted() {
                if let d = productivity[classKey]?[terrainKey] {
                    c.distribution(d, "productivity.\(classKey).\(terrainKey)")
                    if d.mean <= 0 { c.add("productivity.\(classKey).\(terrainKey)", "mean productivity must be > 0 m²/day") }
                }
            }
        }
        for (step, factor) in stepSpeedFactors.sorted(by: { $0.key < $1.key }) {
            c.finite(factor, "stepSpeedFactors.\(step.rawValue)", atLeast: 0)
            if factor == 0 { c.add("stepSpeedFactors.\(step.rawValue)", "must be > 0") }
        }
        c.finite(baseX, "baseX")
        c.finite(baseY, "baseY")
        if !(travelSpeedKmPerDay > 0) { c.add("travelSpeedKmPerDay", "must be > 0, found \(travelSpeedKmPerDay)") }
        if mobilisationDays < 0 || mobilisationDays > Self.maximumDays {
            c.add("mobilisationDays", "must be in 0...\(Self.maximumDays), found \(mobilisationDays)")
        }
        if availableFromDay < 0 || availableFromDay > Self.maximumDays {
            c.add("availableFromDay", "must be in 0...\(Self.maximumDays), found \(availableFromDay)")
        }
        if procurementDays < 0 || procurementDays > Self.maximumDays {
            c.add("procurementDays", "must be in 0...\(Self.maximumDays), found \(procurementDays)")
        }
        if let ramp = rampUp {
            if ramp.days < 0 || ramp.days > Self.maximumDays { c.add("rampUp.days", "must be in 0...\(Self.maximumDays), found \(ramp.days)") }
            if !(ramp.initialShare > 0 && ramp.initialShare <= 1) {
                c.add("rampUp.initialShare", "must be in (0, 1], found \(ramp.initialShare)")
            }
        }
        if let r = retraining {
            if r.days < 0 || r.days > Self.maximumDays { c.add("retraining.days", "must be in 0...\(Self.maximumDays), found \(r.days)") }
            if r.targetGroup == id { c.add("retraining.targetGroup", "must name another group, not '\(id)' itself") }
        }
        if let until = availableUntilDay, until < availableFromDay {
            c.add("availableUntilDay", "must be ≥ availableFromDay (\(availableFromDay)), found \(until)")
        }
        for (i, change) in capacityPlan.enumerated() {
            c.nest("capacityPlan[\(i)]") { try change.validate() }
        }
        if let rate = accidentRatePerSquareMetre { c.finite(rate, "accidentRatePerSquareMetre", atLeast: 0) }
        try c.throwIfAny()
    }
}
