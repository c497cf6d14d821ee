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
            return try smoothBanded(tileSize: tileSize) { band, body in
                try body(h.block(rows: band, columns: 0..<h.columns))
            }
        }
    }

    /// `D = K_y · H · K_xᵀ` for sparse bins (what ``surface(for:method:)`` uses): the banded method
    /// reads `H` a band of rows at a time from one reused panel, so no dense `H` is ever allocated.
    func smooth(bins: IncidentBins, method: Method) throws -> (density: Matrix, flops: Double) {
        guard case let .banded(tileSize) = method, tileSize >= 1 else {
            return try smooth(binned: bins.dense(), method: method)
        }
        let blockY = min(tileSize, grid.rows)
        var panel = Matrix(rows: min(grid.rows, blockY + 2 * kernelY.halfWidth), columns: grid.columns, repeating: 0)
        return try smoothBanded(tileSize: tileSize) { band, body in
            bins.fillPanel(rows: band, into: &panel)
            defer { bins.clearPanel(rows: band, in: &panel) }
            try body(panel.block(rows: 0..<band.count, columns: 0..<grid.columns))
        }
    }

    /// `D = K_y · H · K_xᵀ` by output tiles, fused by row tile: for each tile of output rows
    /// `r0 ..< r1`, one dgemm forms `T = K_y[r0 ..< r1, band] · H[band, :]` in a reused scratch
    /// (tileSize x columns), then one dgemm per tile of output columns forms
    /// `D[r0 ..< r1, c0 ..< c1] = T[:, band] · K_x[c0 ..< c1, band]ᵀ`.
    ///
    /// Why fused rather than two full passes: the scratch stays in cache and no second
    /// rows x columns intermediate is allocated (fresh pages cost as much as a product at 2000 x 2000).
    ///
    /// `withRows(band, body)` hands `body` the rows `band` of `H` as a block (`band.count x columns`).
    private func smoothBanded(
        tileSize: Int, withRows: (_ band: Range<Int>, _ body: (MatrixBlock) throws -> Void) throws -> Void
    ) throws -> (density: Matrix, flops: Double) {
        let (rows, columns) = (grid.rows, grid.columns)
        let blockY = min(tileSize, rows), blockX = min(tileSize, columns)
        let mY = kernelY.halfWidth, mX = kernelX.halfWidth
        // Both kernels are Toeplitz: every band slice is a view of one tile (see GaussianKernel.bandTile).
        let tileY = kernelY.bandTile(blockSize: blockY)
        let tileX = kernelX.bandTile(blockSize: blockX)
        var scratch = Matrix(rows: blockY, columns: columns, repeating: 0)
        var flops = 0.0
        // Every (row tile, column tile) block of D is written once with beta = 0: no zero fill needed.
        let d = try Matrix.assembled(rows: rows, columns: columns) { d in
            for r0 in stride(from: 0, to: rows, by: blockY) {
                let r1 = min(rows, r0 + blockY)
                let k0 = max(0, r0 - mY), k1 = min(rows, r1 + mY)
                try withRows(k0..<k1) { hBand in
                    try Matrix.gemm(
                        tileY.block(rows: 0..<(r1 - r0), columns: (k0 - r0 + mY)..<(k1 - r0 + mY)), hBand,
                        into: &scratch, rows: 0..<(r1 - r0), columns: 0..<columns)
                }
                flops += 2 * Double(r1 - r0) * Double(k1 - k0) * Double(columns)
                for c0 in stride(from: 0, to: columns, by: blockX) {
                    let c1 = min(columns, c0 + blockX)
                    let j0 = max(0, c0 - mX), j1 = min(columns, c1 + mX)
                    // K_x[c0 ..< c1, j0 ..< j1], used transposed.
                    try Matrix.gemm(
                        scratch.block(rows: 0..<(r1 - r0), columns: j0..<j1),
                        tileX.block(rows: 0..<(c1 - c0), columns: (j0 - c0 + mX)..<(j1 - c0 + mX)),
                        into: &d, rows: r0..<r1, columns: c0..<c1, transposeB: true)
                    flops += 2 * Double(r1 - r0) * Double(j1 - j0) * Double(c1 - c0)
                }
            }
        }
        return (d, flops)
    }
}
