// MARK: - ReturnPressureSummary

/// Book-keeping of one return pressure computation.
public struct ReturnPressureSummary: Sendable, Equatable {
    /// Settlements contributing (all valid ones, inside the grid or not).
    public var settlementsUsed: Int
    /// Of those, settlements located outside the grid (they still contribute; their decay reaches in).
    public var settlementsOutsideGrid: Int
    /// Σ displaced · returnShare over the settlements: people expected back.
    public var totalExpectedReturnees: Double
    /// Floating-point operations of the product (2 · rows · columns · settlements).
    public var flops: Double

    /// Creates a summary.
    public init(settlementsUsed: Int, settlementsOutsideGrid: Int, totalExpectedReturnees: Double, flops: Double) {
        self.settlementsUsed = settlementsUsed
        self.settlementsOutsideGrid = settlementsOutsideGrid
        self.totalExpectedReturnees = totalExpectedReturnees
        self.flops = flops
    }
}
