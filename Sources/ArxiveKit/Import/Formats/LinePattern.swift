import Foundation

/// A regular expression for one line (a page's title), compiled once.
///
/// Not `String.range(of:options: .regularExpression)`: Foundation builds
/// the expression anew on each call, and every Markdown file's first
/// headings are tested against four titles when it is recognised, then
/// again when it is read.
struct LinePattern: Sendable {
    private let expression: NSRegularExpression

    init(_ pattern: String) {
        // The patterns are the code's own: one that does not compile is a programmer's error.
        expression = try! NSRegularExpression(pattern: pattern)
    }

    /// Whether `line` holds a match (anchor the pattern to match it whole).
    func matches(_ line: String) -> Bool {
        expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}
