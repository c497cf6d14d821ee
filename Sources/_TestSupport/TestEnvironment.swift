import Foundation

// MARK: - TestEnvironment

/// What the machine running the tests offers beyond the package: where the package is, the shared
/// data sets beside it, Python and its packages. Each answer is worked out once per test process.
///
/// Tests that need something missing are skipped visibly, with the reason, never passed silently:
///
/// ```swift
/// @Test(.enabled(if: TestEnvironment.sharedDataDirectory != nil,
///                "needs the shared data sets in ../shared (present in CI)"))
/// func committedLayersAreCurrent() throws {
///     let raw = try #require(TestEnvironment.sharedDataDirectory).appendingPathComponent("data/victims.csv")
///     ...
/// }
/// ```
public enum TestEnvironment {
    /// The package's root directory (where Package.swift is), from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)   // Sources/_TestSupport/TestEnvironment.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether this test process (and the `clearcast` it spawns, built alike) runs under
    /// AddressSanitizer or ThreadSanitizer: their runtimes are linked in only then. They reserve
    /// terabytes of address space, so an address-space limit (`ulimit -v`) cannot be tested under them.
    public static let isSanitized: Bool = dlsym(nil, "__asan_init") != nil || dlsym(nil, "__tsan_init") != nil

    /// The URL of `relativePath` inside the package, e.g. `packageURL("schemas/validate.py")`.
    public static func packageURL(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent(relativePath)
    }

    /// The directory of the large shared data sets (not in the repository): `$CLEARCAST_SHARED` when
    /// set, else `../shared` beside the package; nil when it does not exist.
    public static let sharedDataDirectory: URL? = {
        let candidate: URL
        if let path = ProcessInfo.processInfo.environment["CLEARCAST_SHARED"], !path.isEmpty {
            candidate = URL(fileURLWithPath: path, relativeTo: packageRoot)
        } else {
            candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return candidate.standardizedFileURL
    }()

    /// The file at `relativePath` inside ``sharedDataDirectory``, or nil when the directory or the file is missing.
    ///
    /// ```swift
    /// @Test(.enabled(if: TestEnvironment.sharedFile("data/x.csv") != nil, "needs ../shared/data/x.csv"))
    /// ```
    public static func sharedFile(_ relativePath: String) -> URL? {
        guard let file = sharedDataDirectory?.appendingPathComponent(relativePath),
              FileManager.default.fileExists(atPath: file.path) else { return nil }
        return file
    }
}
