import CGDAL
import Foundation

/// Process-wide limits on what GDAL may do while it reads a layer file.
///
/// Anyone can write a layer file, and GDAL treats some files almost like programs. A VRT (or VRT XML
/// saved as `.geojson`) names other files and URLs (`/vsicurl/http://…`). A GeoJSON `crs` of type
/// `link` makes GDAL fetch the URL. A GeoPackage can hold SQL triggers. Left alone, reading a
/// scenario could make HTTP requests or read files nobody named. So, once per process and before the
/// first open, GDAL is limited here in four ways. Each layer catches what the others might miss (a
/// driver or option added in a later GDAL version):
///
/// 1. **Configuration options** (``restrictiveConfiguration``) that switch off remote access, side
///    files and SQL tricks. Set with `CPLSetConfigOption`, they take precedence over the environment.
/// 2. **Only the drivers clearcast uses stay registered** (``keepOnlyClearcastDrivers()``), so a file
///    nested inside another (a VRT source, an external overview) can reach no other driver either.
/// 3. **Every HTTP fetch made through `CPLHTTPFetch` is refused** (the GeoJSON `crs` link, a URL given
///    as a CRS, PAM metadata). The refusal is a GDAL error that names the URL.
/// 4. **Every network virtual file system is replaced** by one that opens nothing: `/vsicurl/`, the
///    `_streaming` variants (these ignore `CPL_VSIL_CURL_ALLOWED_FILENAME`) and the cloud ones
///    (`/vsis3/` and the others, which would also ask cloud metadata endpoints for credentials).
///
/// GDAL 3.6 has no `VSIRemovePluginHandler`. Installing a plugin handler on an existing prefix
/// replaces the old handler, so that is the supported way to turn one off.
extension GDALRuntime {
    /// Drivers that read and write vector layers (the formats the scenario documentation lists).
    static let vectorDrivers = ["GeoJSON", "GPKG", "ESRI Shapefile", "CSV"]
    /// Drivers that read rasters (covariates) and write them (GTiff). Arc/Info ASCII grids are how
    /// many DEMs are shared, and plain text that names no other file.
    static let rasterDrivers = ["GTiff", "AAIGrid"]
    /// Drivers GeoData uses internally: rasterization burns into an in-memory raster.
    static let internalDrivers = ["MEM"]

    /// Virtual file systems that stay installed. `/vsimem/` holds vector files while they are written
    /// (``writeVectorLayer(path:epsg:layerName:fields:features:)``) and GDAL's internal scratch data.
    /// `/vsisubfile/` is how GTiff reads embedded JPEG tables. Both are local and cannot reach the
    /// network.
    static let keptFileSystems: Set<String> = ["/vsimem/", "/vsisubfile/"]

    /// The configuration options set for the whole process, with the reason for each.
    static let restrictiveConfiguration: [(key: String, value: String)] = [
        // /vsicurl/ (and the `/vsicurl?` form) opens and stats only this exact name when the option
        // is set. No URL is equal to it, so nothing is ever fetched. It takes precedence over
        // CPL_VSIL_CURL_ALLOWED_EXTENSIONS, which would therefore add nothing.
        ("CPL_VSIL_CURL_ALLOWED_FILENAME", "/vsicurl/clearcast-allows-no-network-access"),
        // Do not list the layer's directory on open. Drivers then look for the side files they
        // document (.dbf, .prj, .csvt) by name, and GDAL does not pick up stray .aux.xml, .ovr,
        // .tfw or .msk files that happen to lie next to a GeoTIFF.
        ("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR"),
        // PAM .aux.xml files could override a GeoTIFF's CRS and georeferencing from a file nobody
        // named. Without PAM, GDAL also never writes .aux.xml files into an input directory.
        ("GDAL_PAM_ENABLED", "NO"),
        // GeoPackage (SQLite) triggers and views may not open other datasets through VirtualOGR or
        // call OGR SQL functions. These are GDAL's defaults; setting them explicitly keeps an
        // environment variable from turning them back on.
        ("ALLOW_VIRTUAL_OGR_FROM_TRIGGER_AND_VIEW", "NO"),
        ("ALLOW_OGR_SQL_FUNCTIONS_FROM_TRIGGER_AND_VIEW", "NO"),
    ]

    /// Sets ``restrictiveConfiguration`` and turns off PROJ's network access (remote transformation
    /// grids), even when `PROJ_NETWORK=ON` is set in the environment.
    static func setRestrictiveConfiguration() {
        for (key, value) in restrictiveConfiguration { CPLSetConfigOption(key, value) }
        OSRSetPROJEnableNetwork(0)
    }

    /// Deregisters every driver not named in ``vectorDrivers``, ``rasterDrivers`` or ``internalDrivers``.
    ///
    /// Each is destroyed after deregistering (as GDAL's own driver-manager shutdown does): a
    /// deregistered driver belongs to nobody, and LeakSanitizer reported the ~145 of them at the
    /// end of every fuzz run, hiding real findings.
    static func keepOnlyClearcastDrivers() {
        let keep = Set(vectorDrivers + rasterDrivers + internalDrivers)
        for index in stride(from: Int(GDALGetDriverCount()) - 1, through: 0, by: -1) {
            guard let driver = GDALGetDriver(Int32(index)) else { continue }
            let name = GDALGetDriverShortName(driver).map { String(cString: $0) } ?? ""
            if !keep.contains(name) {
                GDALDeregisterDriver(driver)
                GDALDestroyDriver(driver)
            }
        }
    }

    /// Refuses every `CPLHTTPFetch` and replaces every virtual file system outside ``keptFileSystems``
    /// with one on which nothing exists.
    static func disableNetwork() {
        CPLHTTPSetFetchCallback(refuseHTTPFetch, nil)

        // The callbacks stay allocated for the life of the process; the handlers refer to them.
        guard let callbacks = VSIAllocFilesystemPluginCallbacksStruct() else { return }
        callbacks.pointee.open = { _, _, _ in nil }
        callbacks.pointee.stat = { _, _, _, _ in -1 }
        var prefixes: [String] = []
        if let list = VSIGetFileSystemsPrefixes() {
            var index = 0
            while let entry = list[index] {
                prefixes.append(String(cString: entry))
                index += 1
            }
            CSLDestroy(list)
        }
        // GDAL leaves this one out of its list of prefixes, but it is a way into /vsicurl/.
        prefixes.append("/vsicurl?")
        for prefix in prefixes where !keptFileSystems.contains(prefix) {
            // GDAL 3.6's plugin handler keeps the prefix *pointer*, not a copy: a Swift temporary
            // C string would dangle after this call (AddressSanitizer caught the read in VSIStatExL).
            // A copy made with GDAL's allocator lives as long as the handler: the whole process.
            VSIInstallPluginHandler(CPLStrdup(prefix), callbacks)
        }
    }
}

/// The process-wide `CPLHTTPFetch` replacement: raises a GDAL error naming the URL and returns a
/// failed result (allocated with GDAL's allocator, because the caller frees it with
/// `CPLHTTPDestroyResult`).
private let refuseHTTPFetch: CPLHTTPFetchCallbackFunc = { url, _, _, _, _, _, _ in
    let target = url.map { String(cString: $0) } ?? "a URL"
    let message = "clearcast allows no network access; refused to fetch \(target)"
    message.withCString { text in
        withVaList([text]) { CPLErrorV(CE_Failure, CPLErrorNum(CPLE_AppDefined), "%s", $0) }
    }
    guard let memory = CPLCalloc(1, MemoryLayout<CPLHTTPResult>.size) else { return nil }
    let result = memory.assumingMemoryBound(to: CPLHTTPResult.self)
    result.pointee.nStatus = 7  // CURLE_COULDNT_CONNECT: what a caller sees when the host is unreachable
    result.pointee.pszErrBuf = CPLStrdup(message)
    return result
}
