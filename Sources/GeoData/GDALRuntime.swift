import CGDAL
import Foundation

/// Process-wide GDAL set-up and access to GDAL's per-thread error state.
///
/// GDAL must have its drivers registered once before any open/create, and by default it prints
/// warnings and errors to stderr. We register drivers lazily (Swift initialises globals exactly
/// once, thread-safely) and install `CPLQuietErrorHandler` so nothing reaches stderr; instead each
/// wrapper resets GDAL's **thread-local** last-error slot before a call and folds
/// `CPLGetLastErrorMsg()` into the ``GeoDataError`` it throws. Thread-local state means concurrent
/// callers never see each other's messages.
///
/// Layer files are hostile input: the same set-up locks GDAL down for the whole process (no
/// network, only the drivers clearcast reads and writes; see `GDALRuntime+Lockdown.swift`) before
/// the first file is opened, so no code path can forget to.
enum GDALRuntime {
    /// Runs the one-time set-up on first access.
    private static let initialized: Bool = {
        // Process-lifetime set-up: not leaks (see clearcast_lsan_disable in the C shim).
        clearcast_lsan_disable()
        defer { clearcast_lsan_enable() }
        setRestrictiveConfiguration()  // before any driver exists, so none starts with a laxer setting
        GDALAllRegister()
        keepOnlyClearcastDrivers()
        disableNetwork()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        return true
    }()

    /// Makes sure GDAL is locked down, drivers are registered and the quiet error handler is installed.
    static func ensureInitialized() {
        _ = initialized
    }

    /// Clears this thread's last GDAL error, so a later ``lastErrorMessage()`` refers to the next call only.
    static func resetError() {
        ensureInitialized()
        CPLErrorReset()
    }

    /// This thread's last GDAL error message, or nil when none was raised since ``resetError()``.
    static func lastErrorMessage() -> String? {
        guard CPLGetLastErrorType() != CE_None, let cString = CPLGetLastErrorMsg() else { return nil }
        let message = String(cString: cString).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? nil : message
    }

    /// Whether GDAL raised an error (not a warning) since ``resetError()``.
    static func lastCallFailed() -> Bool {
        let type = CPLGetLastErrorType()
        return type == CE_Failure || type == CE_Fatal
    }

    /// `message` followed by GDAL's diagnostic in parentheses, when GDAL gave one.
    static func annotate(_ message: String) -> String {
        guard let gdal = lastErrorMessage() else { return message }
        return "\(message) (GDAL: \(gdal))"
    }
}

// MARK: - C string lists

/// An owned GDAL string list (`char **`, NULL-terminated), freed with `CSLDestroy`.
///
/// GDAL takes options and driver lists as `char **`; building them with `CSLAddString` keeps the
/// memory in GDAL's allocator and the pointer valid for the lifetime of this object.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ strings: [String]) {
        for string in strings { pointer = CSLAddString(pointer, string) }
    }

    deinit { CSLDestroy(pointer) }

    /// The list as `const char * const *`, the type GDALOpenEx expects.
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        pointer.map { UnsafePointer(OpaquePointer($0)) }
    }
}
