import Foundation
import FuzzSupport
import GeoData

/// libFuzzer entry point: the bytes are a layer file, read once as GeoJSON and once as CSV.
///
/// Each read goes through `readVectorLayer(at:targetEPSG:)` (GDAL open, CRS handling, GEOS
/// validity, reprojection to UTM 38N), and every polygon read is rasterized onto a small grid
/// with both rasterization rules. Thrown errors are fine; crashes, sanitizer reports, hangs and
/// runaway memory are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let workspace = FuzzWorkspace.shared
    for name in ["layer.geojson", "layer.csv"] {
        let path = workspace.write(data, size, named: name)
        guard let layer = try? readVectorLayer(at: path, targetEPSG: workspace.grid.epsg) else { continue }
        for feature in layer.features where feature.geometry.isAreal {
            _ = try? workspace.grid.rasterize(feature.geometry, rule: .cellCenter)
            _ = try? workspace.grid.rasterize(feature.geometry, rule: .allTouched)
        }
    }
    return 0
}
