import Foundation

// MARK: - ScratchDirectory

/// A new empty directory under the system's temporary directory (`$TMPDIR`, else `/tmp`), named
/// `clearcast-<label>-<UUID>`, for one test's files. It is removed, with everything in it, when the
/// value is released or by ``remove()``, whichever comes first; tests never write into the source tree.
///
/// Swift Testing makes a new suite instance for every test (and every argument of a parameterized
/// test) and releases it when the test ends, so a struct suite can simply own one:
///
/// ```swift
/// @Suite struct WriterTests {
///     let scratch: ScratchDirectory
///     init() throws { scratch = try ScratchDirectory("writer") }
///
///     @Test func writes() throws {
///         let table = try scratch.write("a,b\n1,2\n", to: "in/table.csv")   // makes in/
///         try convert(table, to: scratch.file("out.json"))
///         #expect(try scratch.contents() == ["in", "out.json"])
///     }   // the directory is gone once the test ends
/// }
/// ```
///
/// Inside one function, remove it at the end with `defer`, which also keeps it alive that long
/// (Swift may release a value right after its last use, and paths taken from it do not count):
///
/// ```swift
/// let scratch = try ScratchDirectory("prepare")
/// defer { scratch.remove() }
/// ```
public final class ScratchDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// The directory's path.
    public var path: String { url.path }

    /// Creates the directory; `label` (letters, digits, `-`) says which test made it, should one be left.
    public init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("clearcast-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { remove() }

    /// Removes the directory and everything in it now (again later is harmless).
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The URL of `relativePath` inside the directory (which need not exist).
    public func fileURL(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }

    /// The path of `relativePath` inside the directory (which need not exist).
    public func file(_ relativePath: String) -> String {
        fileURL(relativePath).path
    }

    /// Writes `data` to `relativePath`, making the folders on the way, and returns the file's path.
    @discardableResult
    public func write(_ data: Data, to relativePath: String) throws -> String {
        let target = fileURL(relativePath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        return target.path
    }

    /// Writes `text` as UTF-8 to `relativePath`, making the folders on the way, and returns the file's path.
    @discardableResult
    public func write(_ text: String, to relativePath: String) throws -> String {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Copies the file `source` to `relativePath`, making the folders on the way, and returns the copy's URL.
    @discardableResult
    public func copy(_ source: URL, to relativePath: String) throws -> URL {
        let target = fileURL(relativePath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// The names of the entries directly inside the directory (hidden ones included), sorted.
    public func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}
