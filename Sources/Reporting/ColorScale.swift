// MARK: - ColorScale

/// A sequential, binned colour scale for the priority map: values in [0, maximum] fall in one of
/// `bins` equal classes, coloured along viridis (dark purple for low, yellow for high).
///
/// Binning (rather than a continuous ramp) keeps the legend readable and lets neighbouring map
/// cells of the same class merge into one SVG rectangle. Bin `k` takes viridis at `k / (bins - 1)`,
/// so with the default 9 bins, bins 0, 2, 4, 6, 8 are exactly the anchors below.
///
/// ```swift
/// let scale = ColorScale(maximum: 0.8)
/// scale.bin(for: 0.4)      // 4
/// scale.color(for: 0.4)    // "#21918c"
/// ```
struct ColorScale {
    /// Viridis sampled at 0, 0.25, 0.5, 0.75 and 1 (matplotlib's values).
    static let anchors: [(r: Double, g: Double, b: Double)] = [
        (0x44, 0x01, 0x54), (0x3b, 0x52, 0x8b), (0x21, 0x91, 0x8c), (0x5e, 0xc9, 0x62), (0xfd, 0xe7, 0x25),
    ]

    let maximum: Double
    let bins: Int

    /// - Precondition: `bins >= 2` (a programmer choice, not data).
    init(maximum: Double, bins: Int = 9) {
        precondition(bins >= 2, "a colour scale needs at least two bins")
        self.maximum = maximum > 0 && maximum.isFinite ? maximum : 1
        self.bins = bins
    }

    /// The class of `value`; values at or below 0 go to bin 0, at or above `maximum` to the last bin.
    func bin(for value: Double) -> Int {
        guard value.isFinite, value > 0 else { return 0 }
        // Clamped before the conversion: Int(_:) traps on values beyond Int's range (or infinity).
        let position = min(Double(bins - 1), (value / maximum * Double(bins)).rounded(.down))
        return max(0, Int(position))
    }

    func color(for value: Double) -> String { color(bin: bin(for: value)) }

    func color(bin: Int) -> String {
        let t = Double(min(max(bin, 0), bins - 1)) / Double(bins - 1)
        let scaled = t * Double(Self.anchors.count - 1)
        let index = min(Self.anchors.count - 2, Int(scaled.rounded(.down)))
        let fraction = scaled - Double(index)
        let a = Self.anchors[index], b = Self.anchors[index + 1]
        func channel(_ x: Double, _ y: Double) -> String {
            let value = Int((x + (y - x) * fraction).rounded())
            let hex = String(value, radix: 16)
            return value < 16 ? "0" + hex : hex
        }
        return "#" + channel(a.r, b.r) + channel(a.g, b.g) + channel(a.b, b.b)
    }

    /// The value interval of `bin`, for the legend.
    func range(bin: Int) -> (lower: Double, upper: Double) {
        let width = maximum / Double(bins)
        return (Double(bin) * width, Double(bin + 1) * width)
    }
}
