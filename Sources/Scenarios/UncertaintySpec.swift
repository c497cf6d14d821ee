import ClearcastDomain
import Foundation

/// The `uncertainty:` section: which scenario fields are uncertain, over what range, and which
/// outputs `clearcast sensitivity` reports (see `docs/scenario-format.md`).
///
/// ```yaml
/// uncertainty:
///   inputs:
///     - path: simulation.land_release.nts_cancel_share.alpha
///       range: [2, 8]                       # set to a value in the range
///     - path: simulation.teams[name=mechanical].count
///       range: [10, 40]                     # whole bounds: whole values
///     - paths:                              # a block list: a selector's [ ] would end a flow list
///         - simulation.teams[name=manual].productivity.median
///         - simulation.teams[name=manual].productivity.p90
///       scale: [0.7, 1.3]                   # multiply what the scenario says (every path by one factor)
///       label: manual productivity
///     - path: simulation.teams[name=bac].capacity_plan
///       scale: [0.7, 1.3]
///       whole: true                         # products rounded to whole numbers (team counts)
///   outputs: [completion_years.AP, civilian_casualties]
/// ```
public struct UncertaintySpec: Sendable, Equatable {
    public struct Input: Sendable, Equatable {
        /// How the input varies between the ends of its range.
        public enum Variation: Sendable, Equatable {
            /// The field is set to a value from `low` to `high`; whole values when `whole`.
            case range(low: Double, high: Double, whole: Bool)
            /// The field's numbers are multiplied by a factor from `low` to `high`; rounded to whole
            /// numbers when `whole`.
            case scale(low: Double, high: Double, whole: Bool)
        }

        /// What tables and charts call the input (default: the first path).
        public var label: String
        /// The fields, in `--set` path syntax (`simulation.teams[name=mechanical].count`); all move
        /// together (one factor or value for all).
        public var paths: [String]
        public var variation: Variation

        /// The first field (what messages name).
        public var path: String { paths.first ?? "" }

        public init(label: String, paths: [String], variation: Variation) {
            self.label = label
            self.paths = paths
            self.variation = variation
        }

        /// The number the input stands for at position `u` of its range: the field's value for a
        /// range (rounded when whole), the factor for a scale.
        public func number(at u: Double) -> Double {
            switch variation {
            case let .range(low, high, whole):
                let x = low + u * (high - low)
                return whole ? x.rounded() : x
            case let .scale(low, high, _):
                return low + u * (high - low)
            }
        }

        /// The `--set` value at position `u` in [0, 1] of the range: `0.42`, `17` or `*1.15`.
        public func value(at u: Double) -> String {
            switch variation {
            case let .range(low, high, whole):
                let x = low + u * (high - low)
                return whole ? String(Int(x.rounded())) : Self.number(x)
            case let .scale(low, high, whole):
                return (whole ? "*~" : "*") + Self.number(low + u * (high - low))
            }
        }

        /// The `--set` overrides that put every path of the input at position `u` of its range.
        public func overrides(at u: Double) throws -> [ScenarioOverride] {
            try paths.map { try ScenarioOverride(path: $0, value: value(at: u)) }
        }

        /// A decimal without exponent, to 12 significant digits (what `--set` parses exactly).
        static func number(_ x: Double) -> String {
            let rounded = Double(String(format: "%.12g", x)) ?? x
            var text = String(format: "%.12f", rounded)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text == "-0" ? "0" : text
        }
    }

    public var inputs: [Input]
    /// The outputs to analyse; nil means the default set (completion per type present, civilian
    /// casualties, and cost when the scenario has costs).
    public var outputs: [SensitivityOutput]?
}

/// A number `clearcast sensitivity` computes from one forecast.
public enum SensitivityOutput: Sendable, Hashable, CustomStringConvertible {
    /// Median years from the start until all land (or all of one type) is released; replications
    /// unfinished at the horizon count as the horizon.
    case completionYears(ContaminationType?)
    /// Mean expected civilian casualties over the horizon.
    case civilianCasualties
    /// Mean total cost over the horizon.
    case cost
    /// Mean hazardous area left at the horizon, km².
    case remainingKm2

    public var description: String {
        switch self {
        case .completionYears(nil): "completion_years"
        case .completionYears(let type?): "completion_years.\(type.rawValue)"
        case .civilianCasualties: "civilian_casualties"
        case .cost: "cost"
        case .remainingKm2: "remaining_km2"
        }
    }

    /// Every name an output can have, for messages.
    public static let names = ["completion_years"] + ContaminationType.allCases.map { "completion_years.\($0.rawValue)" }
        + ["civilian_casualties", "cost", "remaining_km2"]

    public init?(name: String) {
        switch name {
        case "completion_years": self = .completionYears(nil)
        case "civilian_casualties": self = .civilianCasualties
        case "cost": self = .cost
        case "remaining_km2": self = .remainingKm2
        default:
            guard name.hasPrefix("completion_years."),
                  let type = ContaminationType(rawValue: String(name.dropFirst("completion_years.".count))) else { return nil }
            self = .completionYears(type)
        }
    }
}
