import LinearAlgebra

// MARK: - Smoothing products

extension IncidentDensity {
    /// Smooths binned weights `h` (`grid.rows x grid.columns`, weight per cell) into a density per km²,
    /// `D = K_y · H · K_xᵀ`, and returns the FLOPs of the products performed.
    ///
    /// ```swift
    /// let (banded, flops) = try model.smooth(binned: h, method: .banded(tileSize: 256))
    /// let (dense, _) = try model.smooth(binned: h, method: .dense)   // same values, more work
    /// ```
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when `h` is not
    ///   `grid.rows x grid.columns`; ``IncidentDensityError/invalidParameter(name:value:expected:)``
    ///   for a tile size below 1.
    /// - Complexity: banded: 2·cells·(tileSize + 2·halfWidth) FLOPs per product (capped by the grid
    ///   size); dense: 2·cells·(rows + columns) FLOPs in total.
    public func smooth(binned h: Matrix, method: Method = .banded()) throws -> (density: Matrix, flops: Double) {
        guard h.rows == grid.rows, h.columns == grid.columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "IncidentDensity.smooth",
                details: "binned weights are \(h.rows) x \(h.columns), grid is \(grid.rows) x \(grid.columns)")
        }
        switch method {
        case .dense:
            let ky = kernelY.dense(size: grid.rows)
            let kx = kernelX.dense(size: grid.columns)
            let t = try Matrix.multiply(ky, h)
            let d = try Matrix.multiply(t, kx, transposeB: true)
            let (r, c) = (Double(grid.rows), Double(grid.columns))
            return (d, 2 * r * r * c + 2 * r * c * c)
        case let .banded(tileSize):
            guard tileSize >= 1 else {
                throw IncidentDensityError.invalidParameter(
                    name: "tileSize", value: Double(tileSize), expected: "at least 1 (about 256)")
            }
            var flops = 0.0
            let t = try bandedLeft(h, tileSize: tileSize, flops: &flops)
            let d = try bandedRight(t, tileSize: tileSize, flops: &flops)
            return (d, flops)
        }
    }

    /// `T = K_y · H`, one dgemm per tile of output rows against the band slice of `K_y`.
    private func bandedLeft(_ h: Matrix, tileSize: Int, flops: inout Double) throws -> Matrix {
        let (rows, columns) = (grid.rows, grid.columns)
        let block = min(tileSize, rows)
        let m = kernelY.halfWidth
        // K_y is Toeplitz: every band slice is a view of this one tile (see GaussianKernel.bandTile).
        let tile = kernelY.bandTile(blockSize: block)
        var t = Matrix(rows: rows, columns: columns, repeating: 0)
        for r0 in stride(from: 0, to: rows, by: block) {
            let r1 = min(rows, r0 + block)
            let k0 = max(0, r0 - m), k1 = min(rows, r1 + m)
            let a = try tile.block(rows: 0..<(r1 - r0), columns: (k0 - r0 + m)..<(k1 - r0 + m))
            let b = try h.block(rows: k0..<k1, columns: 0..<columns)
            try Matrix.gemm(a, b, into: &t, rows: r0..<r1, columns: 0..<columns)
            flops += 2 * Double(r1 - r0) * Double(k1 - k0) * Double(columns)
        }
        return t
    }

    /// `D = T · K_xᵀ`, one dgemm per tile of output columns against the band slice of `K_x`.
    private func bandedRight(_ t: Matrix, tileSize: Int, flops: inout Double) throws -> Matrix {
        let (rows, columns) = (grid.rows, grid.columns)
        let block = min(tileSize, columns)
        let m = kernelX.halfWidth
        let tile = kernelX.bandTile(blockSize: block)
        var d = Matrix(rows: rows, columns: columns, repeating: 0)
        for c0 in stride(from: 0, to: columns, by: block) {
            let c1 = min(columns, c0 + block)
            let k0 = max(0, c0 - m), k1 = min(columns, c1 + m)
            let a = try t.block(rows: 0..<rows, columns: k0..<k1)
            // K_x[c0..<c1, k0..<k1], used transposed.
            let b = try tile.block(rows: 0..<(c1 - c0), columns: (k0 - c0 + m)..<(k1 - c0 + m))
            try Matrix.gemm(a, b, into: &d, rows: 0..<rows, columns: c0..<c1, transposeB: true)
            flops += 2 * Double(rows) * Double(k1 - k0) * Double(c1 - c0)
        }
        return d
    }
}
