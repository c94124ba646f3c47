/// Terminal styling, on or off. The command line decides (a TTY and no
/// NO_COLOR); renderers only apply it, so their output is testable.
public struct Style: Sendable {
    public let colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public static let plain = Style(colour: false)

    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func cyan(_ s: String) -> String { wrap(s, "36") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }
    public func green(_ s: String) -> String { wrap(s, "32") }

    /// A search match inside a snippet: `**word**` without colour, so that
    /// piped output still shows where the match is.
    public func highlight(_ s: String) -> String { colour ? wrap(s, "1;33") : "**\(s)**" }

    private func wrap(_ s: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
