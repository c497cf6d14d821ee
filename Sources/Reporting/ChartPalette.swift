// MARK: - ChartPalette

/// Colours for chart series: the Okabe–Ito palette, distinguishable with the common colour-vision
/// deficiencies, and fixed per series index so the same class keeps its colour across charts.
///
/// ```swift
/// ChartPalette.color(0)   // "#0072b2"
/// ```
enum ChartPalette {
    static let colors = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"]

    static func color(_ index: Int) -> String { colors[((index % colors.count) + colors.count) % colors.count] }

    /// Land-release outcomes, stacked in IMAS order: cancelled (non-technical survey), reduced, cleared.
    static let cancelled = "#9ecae1"
    static let reduced = "#4292c6"
    static let cleared = "#08519c"
    /// Battle-area clearance, the UXO part of cleared land: another hue (Okabe–Ito vermillion), so
    /// it stands apart from mine clearance in colour and, lighter than it, in greyscale.
    static let battleAreaCleared = "#d55e00"
    /// Money per year.
    static let cost = "#e69f00"

    static let axis = "#555555"
    static let grid = "#e5e5e5"
}
