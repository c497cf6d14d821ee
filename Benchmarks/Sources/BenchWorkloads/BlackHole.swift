// MARK: - blackHoleDouble

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never)
public func blackHoleDouble(_ value: Double) {
    withExtendedLifetime(value) {}
}
