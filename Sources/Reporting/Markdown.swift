import Foundation
// MARK: - Markdown

/// Safe Markdown for notebooks: user text (scenario names, hazard ids) is escaped so it cannot add
/// HTML (`<script>`), links, emphasis or table columns.
///
/// ```swift
/// Markdown.escape("A|B <b>")                         // "A\\|B &lt;b&gt;"
/// Markdown.table(["x", "y"], [["1", "2"]])           // "| x | y |\n|---|---|\n| 1 | 2 |"
/// ```
enum Markdown {
    /// `text` as literal Markdown inline text on one line. HTML specials become entities (Jupyter
    /// renders raw HTML in Markdown cells); Markdown punctuation gets a backslash; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\\", "|", "*", "_", "`", "[", "]", "#", "$", "~": escaped += "\\" + String(character)
            case "\n", "\r", "\r\n", "\t": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A GitHub-flavoured table. Cells are used as given (escape user text first); a `|` left in
    /// a cell would still be escaped here, so no cell can split into two columns.
    ///
    /// `alignRight` marks numeric columns by index.
    static func table(_ header: [String], _ rows: [[String]], alignRight: Set<Int> = []) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(protect).joined(separator: " | ") + " |"
        }
        let rule = "|" + header.indices.map { alignRight.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map { row in
            line(header.indices.map { $0 < row.count ? row[$0] : "" })
        }).joined(separator: "\n")
    }

    /// Escapes any `|` not already escaped (cells built from escaped text keep their `\|`).
    private static func protect(_ cell: String) -> String {
        var result = ""
        var backslashes = 0
        for character in cell {
            if character == "|" && backslashes % 2 == 0 { result += "\\" }
            result.append(character)
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return result.replacingOccurrences(of: "\n", with: " ")
    }
}
