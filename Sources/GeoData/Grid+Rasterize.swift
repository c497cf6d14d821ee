import CGDAL
import ClearcastDomain

extension Grid {
    /// The cells covered by a polygon or multipolygon given in the grid's CRS.
    ///
    /// GDAL's `GDALRasterizeGeometries` burns the polygon into an in-memory (MEM driver) byte raster
    /// limited to the polygon's bounding-box window (plus one cell of margin), so the cost depends on
    /// the polygon's size, not the grid's. Parts outside the grid are clipped away.
    ///
    /// Cell rule: see ``RasterizationRule`` (default: cell centre inside the polygon). A polygon that
    /// overlaps the grid but covers no cell under the rule (e.g. smaller than a cell) is assigned the
    /// single cell holding the centroid of its part inside the grid (or, if that centroid falls outside
    /// the polygon's grid part, a point GEOS guarantees is on its surface): **hazards smaller than a
    /// cell are never lost**; ``CellCoverage/usedCentroidFallback`` tells when this happened.
    ///
    /// ```swift
    /// let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 10, rows: 10)
    /// let square = Geometry.polygon([[Point2(x: 0, y: 0), Point2(x: 20, y: 0), Point2(x: 20, y: 20),
    ///                                 Point2(x: 0, y: 20), Point2(x: 0, y: 0)]])
    /// try grid.rasterize(square).cellIndices   // [80, 81, 90, 91]: the 2 × 2 south-west cells
    /// ```
    ///
    /// - Throws: `invalidArgument` for non-areal geometries, `invalidGeometry` for invalid polygons
    ///   (e.g. self-intersecting), `rasterizeFailed` when GDAL fails.
    /// - Complexity: O(w·h + vertices) where w × h is the polygon's bounding-box window in cells.
    public func rasterize(_ polygon: Geometry, rule: RasterizationRule = .cellCenter) throws -> CellCoverage {
        guard polygon.isAreal else {
            throw GeoDataError(.invalidArgument, path: nil, "cannot rasterize a \(polygon.typeName) as an area; expected a Polygon or MultiPolygon")
        }
        guard let geometry = OGRGeometry(polygon) else {
            throw GeoDataError(.rasterizeFailed, path: nil, "GDAL could not build the polygon")
        }
        guard geometry.isValid else {
            let reason = geometry.invalidityReason().map { " (\($0))" } ?? ""
            throw GeoDataError(.invalidGeometry, path: nil, "the \(polygon.typeName) is not valid\(reason); expected a simple polygon without self-intersections")
        }
        let area = geometry.area
        guard let box = polygon.boundingBox, box.minX.isFinite, box.maxX.isFinite, box.minY.isFinite, box.maxY.isFinite else {
            throw GeoDataError(.invalidGeometry, path: nil, "the \(polygon.typeName) has no finite coordinates")
        }
        // Window in cell indices, one cell of margin so ALL_TOUCHED sees edges on cell boundaries.
        let c0 = clampedCell((box.minX - minX) / cellSize, rounding: .down, margin: -1, limit: columns)
        let c1 = clampedCell((box.maxX - minX) / cellSize, rounding: .up, margin: 1, limit: columns)
        let r0 = clampedCell((maxY - box.maxY) / cellSize, rounding: .down, margin: -1, limit: rows)
        let r1 = clampedCell((maxY - box.minY) / cellSize, rounding: .up, margin: 1, limit: rows)
        guard c0 < c1, r0 < r1, box.maxX > minX, box.minX < maxX, box.maxY > minY, box.minY < maxY else {
            return CellCoverage(cellIndices: [], polygonArea: area, cellArea: cellArea, usedCentroidFallback: false)
        }
        let mask = try burn(geometry, column: c0, row: r0, width: c1 - c0, height: r1 - r0, rule: rule)
        var indices: [Int] = []
        let width = c1 - c0
        for (offset, value) in mask.enumerated() where value != 0 {
            indices.append(index(row: r0 + offset / width, column: c0 + offset % width))
        }
        if !indices.isEmpty {
            return CellCoverage(cellIndices: indices, polygonArea: area, cellArea: cellArea, usedCentroidFallback: false)
        }
        let fallback = fallbackCell(for: geometry).map { [$0] } ?? []
        return CellCoverage(cellIndices: fallback, polygonArea: area, cellArea: cellArea, usedCentroidFallback: !fallback.isEmpty)
    }

    // MARK: Helpers

    /// `value` rounded, shifted by `margin` and clamped to `0...limit`, without trapping on huge values.
    private func clampedCell(_ value: Double, rounding: FloatingPointRoundingRule, margin: Int, limit: Int) -> Int {
        let rounded = value.rounded(rounding) + Double(margin)
        return Int(min(max(rounded, 0), Double(limit)))
    }

    /// Burns `geometry` into a zeroed MEM raster covering the window and returns its bytes, row-major.
    private func burn(_ geometry: OGRGeometry, column: Int, row: Int, width: Int, height: Int,
                      rule: RasterizationRule) throws -> [UInt8] {
        let dataset = try GDALDataset.create(driverName: "MEM", path: "", columns: width, rows: height, bands: 1, type: GDT_Byte)
        guard let handle = dataset.handle else { return [] }
        var transform = [minX + Double(column) * cellSize, cellSize, 0, maxY - Double(row) * cellSize, 0, -cellSize]
        GDALRuntime.resetError()
        guard GDALSetGeoTransform(handle, &transform) == CE_None else {
            throw GeoDataError(.rasterizeFailed, path: nil, GDALRuntime.annotate("could not georeference the rasterization window"))
        }
        var bandList: [Int32] = [1]
        var burnValues: [Double] = [1]
        var geometries: [OGRGeometryH?] = [geometry.handle]
        let options = CStringList(rule == .allTouched ? ["ALL_TOUCHED=TRUE"] : [])
        let status = GDALRasterizeGeometries(handle, 1, &bandList, 1, &geometries, nil, nil, &burnValues,
                                             options.pointer, nil, nil)
        guard status == CE_None, let band = GDALGetRasterBand(handle, 1) else {
            throw GeoDataError(.rasterizeFailed, path: nil, GDALRuntime.annotate("GDALRasterizeGeometries failed"))
        }
        var mask = [UInt8](repeating: 0, count: width * height)
        let read = mask.withUnsafeMutableBytes { buffer in
            GDALRasterIO(band, GF_Read, 0, 0, Int32(width), Int32(height), buffer.baseAddress,
                         Int32(width), Int32(height), GDT_Byte, 0, 0)
        }
        guard read == CE_None else {
            throw GeoDataError(.rasterizeFailed, path: nil, GDALRuntime.annotate("could not read the rasterized window"))
        }
        return mask
    }

    /// Row-major index of the cell holding the centroid of the polygon's part inside the grid.
    private func fallbackCell(for geometry: OGRGeometry) -> Int? {
        let extent = Geometry.polygon([[Point2(x: minX, y: minY), Point2(x: maxX, y: minY), Point2(x: maxX, y: maxY),
                                        Point2(x: minX, y: maxY), Point2(x: minX, y: minY)]])
        guard let frame = OGRGeometry(extent), let inside = geometry.intersection(frame), !inside.isEmpty else { return nil }
        for candidate in [inside.centroid(), inside.pointOnSurface()] {
            if let point = candidate, let cell = cell(containingX: point.x, y: point.y) {
                return index(row: cell.row, column: cell.column)
            }
        }
        return nil
    }
}
