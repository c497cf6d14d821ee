import ClearcastDomain
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
    ///   size), the first product only 2·(non-zeros of `h`)·(2·halfWidth + 1) where `h` is sparse (see
    ///   ``Method/banded(tileSize:)``); dense: 2·cells·(rows + columns) FLOPs in total.
    public func smooth(binned h: Matrix, method: Method = .banded()) throws -> (density: Matrix, flops: Double) {
        try requireGridShape(rows: h.rows, columns: h.columns)
        switch method {
        case .dense:
            let ky = kernelY.dense(size: grid.rows)
            let kx = kernelX.dense(size: grid.columns)
            let t = try Matrix.multiply(ky, h)
            let d = try Matrix.multiply(t, kx, transposeB: true)
            let (r, c) = (Double(grid.rows), Double(grid.columns))
            return (d, 2 * r * r * c + 2 * r * c * c)
        case let .banded(tileSize):
            return try smooth(binned: h, tileSize: tileSize, firstProduct: .automatic)
        }
    }

    /// ``smooth(binned:method:)`` for weights already in sparse form (what incidents binned on a grid
    /// are): no dense `H` is read or allocated by the banded method.
    ///
    /// ```swift
    /// let h = SparseRowMatrix(nonzerosOf: binned)
    /// let (density, flops) = try model.smooth(sparse: h)
    /// ```
    /// - Throws: as ``smooth(binned:method:)``.
    public func smooth(sparse h: SparseRowMatrix, method: Method = .banded()) throws -> (density: Matrix, flops: Double) {
        try requireGridShape(rows: h.rows, columns: h.columns)
        return try smooth(sparse: h, method: method, firstProduct: .automatic)
    }

    /// Throws unless binned weights of `rows x columns` fit the grid.
    private func requireGridShape(rows: Int, columns: Int) throws {
        guard rows == grid.rows, columns == grid.columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "IncidentDensity.smooth",
                details: "binned weights are \(rows) x \(columns), grid is \(grid.rows) x \(grid.columns)")
        }
    }

    /// The banded ``smooth(binned:method:)`` with its first product forced (for tests).
    func smooth(binned h: Matrix, tileSize: Int, firstProduct: FirstProduct) throws -> (density: Matrix, flops: Double) {
        try smoothBanded(SparseRowMatrix(nonzerosOf: h), tileSize: tileSize, firstProduct: firstProduct)
    }

    /// How the banded smoothing forms each tile's first product `K_y[tile, band] · H[band, :]`.
    enum FirstProduct: Sendable, CaseIterable {
        /// Per tile: sparse rows when the band of `H` is sparse enough (see ``sparseRowsCostRatio``), else dgemm.
        case automatic
        /// Always dgemm on a dense panel of `H`'s band.
        case dgemm
        /// Always the dense-times-sparse-rows product.
        case sparseRows
    }

    /// A tile's first product uses the sparse rows of `H` when `entries · ratio <= band rows · columns`.
    ///
    /// Why 32: a sparse multiply-add (scattered into an L1/L2-resident row) costs about as much as 32
    /// of dgemm's on this class of machine (2 × EPYC, OpenBLAS Cooperlake: ~1.5 ns against ~0.02 ns per
    /// FLOP pair per core), so below ~3 % occupancy of the band the sparse product is faster. 10⁵
    /// incidents on 4000² cells occupy 0.6 % on average; the smoothing's first product drops from
    /// ~9 GFLOP of dgemm to ~30 M multiply-adds.
    static let sparseRowsCostRatio = 32

    /// Rows per output tile when `H` is sparse overall. Measured at 4000² (10⁵ incidents, 2 threads):
    /// the smoothing took 0.185 s with 128-row tiles, 0.138 s with 256 and 0.130–0.142 s with 512.
    static let sparseRowTile = 512

    /// `D = K_y · H · K_xᵀ` for sparse bins (what ``surface(for:method:)`` uses): no dense `H` is
    /// ever allocated.
    func smooth(bins: IncidentBins, method: Method, firstProduct: FirstProduct = .automatic) throws -> (density: Matrix, flops: Double) {
        try smooth(sparse: bins.sparseRows, method: method, firstProduct: firstProduct)
    }

    /// The one dispatch for sparse weights already of the grid's shape.
    private func smooth(sparse h: SparseRowMatrix, method: Method, firstProduct: FirstProduct) throws -> (density: Matrix, flops: Double) {
        switch method {
        case .dense: return try smooth(binned: h.dense(), method: .dense)
        case let .banded(tileSize): return try smoothBanded(h, tileSize: tileSize, firstProduct: firstProduct)
        }
    }

    /// `D = K_y · H · K_xᵀ` by output tiles, fused by row tile: for each tile of output rows
    /// `r0 ..< r1`, one product forms `T = K_y[r0 ..< r1, band] · H[band, :]` in a reused scratch
    /// (tileSize x columns) — a dgemm on a dense panel of `H`'s band, or, when the band is sparse, the
    /// dense-times-sparse-rows product (``FirstProduct``) — then one dgemm per tile of output columns
    /// forms `D[r0 ..< r1, c0 ..< c1] = T[:, band] · K_x[c0 ..< c1, band]ᵀ`.
    ///
    /// Why fused rather than two full passes: the scratch stays in cache and no second
    /// rows x columns intermediate is allocated (fresh pages cost as much as a product at 2000 x 2000).
    private func smoothBanded(
        _ h: SparseRowMatrix, tileSize: Int, firstProduct: FirstProduct
    ) throws -> (density: Matrix, flops: Double) {
        guard tileSize >= 1 else {
            throw IncidentDensityError.invalidParameter(
                name: "tileSize", value: Double(tileSize), expected: "at least 1 (about 256)")
        }
        let (rows, columns) = (grid.rows, grid.columns)
        // With a sparse first product, taller row tiles cost no extra FLOPs and make the second
        // product's dgemms larger (faster); with a dgemm first product they would add FLOPs.
        let sparse = useSparseRows(entries: h.entryCount(rows: 0..<rows), cells: rows * columns, firstProduct)
        let blockY = min(sparse ? max(tileSize, Self.sparseRowTile) : tileSize, rows), blockX = min(tileSize, columns)
        let mY = kernelY.halfWidth, mX = kernelX.halfWidth
        // Both kernels are Toeplitz: every band slice is a view of one tile (see GaussianKernel.bandTile).
        let tileY = kernelY.bandTile(blockSize: blockY)
        let tileX = kernelX.bandTile(blockSize: blockX)
        var scratch = Matrix(rows: blockY, columns: columns, repeating: 0)
        var panel: Matrix?   // dense band of H, for dgemm tiles only; zero outside fillPanel/clearPanel
        var flops = 0.0
        // Every (row tile, column tile) block of D is written once with beta = 0: no zero fill needed.
        let d = try Matrix.assembled(rows: rows, columns: columns) { d in
            for r0 in stride(from: 0, to: rows, by: blockY) {
                let r1 = min(rows, r0 + blockY)
                let band = max(0, r0 - mY)..<min(rows, r1 + mY)
                let kernel = try tileY.block(rows: 0..<(r1 - r0), columns: (band.lowerBound - r0 + mY)..<(band.upperBound - r0 + mY))
                if useSparseRows(entries: h.entryCount(rows: band), cells: band.count * columns, firstProduct) {
                    flops += 2 * Double(try Matrix.multiply(kernel, h, rows: band, into: &scratch, rows: 0..<(r1 - r0)))
                } else {
                    // Taken out of the optional, so the panel stays uniquely referenced (no copy on write).
                    var dense = panel.take() ?? Matrix(rows: min(rows, blockY + 2 * mY), columns: columns, repeating: 0)
                    Self.fill(&dense, from: h, rows: band)
                    try Matrix.gemm(kernel, dense.block(rows: 0..<band.count, columns: 0..<columns),
                                    into: &scratch, rows: 0..<(r1 - r0), columns: 0..<columns)
                    Self.clear(&dense, from: h, rows: band)
                    panel = dense
                    flops += 2 * Double(r1 - r0) * Double(band.count) * Double(columns)
                }
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

    private func useSparseRows(entries: Int, cells: Int, _ policy: FirstProduct) -> Bool {
        switch policy {
        case .automatic: return entries * Self.sparseRowsCostRatio <= cells
        case .dgemm: return false
        case .sparseRows: return true
        }
    }

    /// Adds the entries of rows `band` of `h` into rows `0 ..< band.count` of `panel`, which must be
    /// zero there. Entries of one cell are added in entry order, as `H[r, c] += w` in a loop over the
    /// incidents would.
    ///
    /// Why sparse updates instead of zeroing and refilling the panel: a panel is ~300 x 4000 cells
    /// holding a few thousand incidents, so touching only those keeps the cost proportional to them.
    ///
    /// - Complexity: O(entries in those rows).
    private static func fill(_ panel: inout Matrix, from h: SparseRowMatrix, rows band: Range<Int>) {
        for r in band {
            for e in h.rowStarts[r]..<h.rowStarts[r + 1] { panel[r - band.lowerBound, Int(h.columnIndices[e])] += h.values[e] }
        }
    }

    /// Sets back to zero the cells ``fill(_:from:rows:)`` wrote.
    ///
    /// - Complexity: O(entries in those rows).
    private static func clear(_ panel: inout Matrix, from h: SparseRowMatrix, rows band: Range<Int>) {
        for r in band {
            for e in h.rowStarts[r]..<h.rowStarts[r + 1] { panel[r - band.lowerBound, Int(h.columnIndices[e])] = 0 }
        }
    }
}
