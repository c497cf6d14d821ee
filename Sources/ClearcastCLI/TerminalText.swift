/// Text from files (scenario names, ids, policies, file contents in messages) made safe to show on
/// a terminal.
///
/// A scenario file travels between organisations; a name holding `ESC ] … BEL` could retitle the
/// terminal, hide lines or fake a prompt. Every control character except newline and tab, DEL,
/// the C1 controls and the bidirectional overrides ("Trojan source") is shown as `\u{…}`.
///
/// ```swift
/// TerminalText.escaped("ok\u{1B}[2J")   // "ok\\u{1B}[2J"
/// ```
enum TerminalText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
