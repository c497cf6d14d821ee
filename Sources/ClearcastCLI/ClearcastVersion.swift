/// The tool's version, recorded in every result.
public enum ClearcastVersion {
    public static let string = "0.1.0"
}
