import CGDAL

extension GDALRuntime {
    /// Every error (not warning) message GDAL raises on this thread while `body` runs, even those
    /// a later GDAL call clears from the last-error slot.
    ///
    /// Some drivers report a problem and then carry on: the GeoJSON driver raises "PROJ:
    /// proj_create: crs not found" for a `crs` member it cannot resolve, opens the file anyway as
    /// WGS 84, and the successful open leaves no trace in ``lastErrorMessage()``. Pushing a
    /// thread-local handler for the duration of `body` catches such messages (nothing is printed:
    /// the handler only records).
    ///
    /// ```swift
    /// let (dataset, errors) = try GDALRuntime.collectingErrors { try GDALDataset.open(path: p, vector: true) }
    /// ```
    static func collectingErrors<T>(_ body: () throws -> T) rethrows -> (value: T, errors: [String]) {
        ensureInitialized()
        let log = ErrorLog()
        // GDAL hands the pointer back to the handler; the log outlives the push/pop pair.
        let context = Unmanaged.passRetained(log).toOpaque()
        CPLPushErrorHandlerEx({ kind, _, message in
            guard kind == CE_Failure || kind == CE_Fatal, let message,
                  let context = CPLGetErrorHandlerUserData() else { return }
            Unmanaged<ErrorLog>.fromOpaque(context).takeUnretainedValue().messages.append(String(cString: message))
        }, context)
        defer {
            CPLPopErrorHandler()
            Unmanaged<ErrorLog>.fromOpaque(context).release()
        }
        let value = try body()
        return (value, log.messages)
    }

    /// The messages recorded by ``collectingErrors(_:)`` (one per call, used by one thread).
    private final class ErrorLog {
        var messages: [String] = []
    }
}
