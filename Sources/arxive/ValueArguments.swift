import ArgumentParser
import ArxiveKit

// Days, months and arXiv ids are parsed where they enter: one that is none
// is a usage error naming the option and its form (`--to <YYYY-MM>`),
// before any command runs, and the commands get `Day`, `Month` and
// `ArxivID` values.

extension Day: ExpressibleByArgument {
    /// `YYYY-MM-DD`, or a spelling the digests use (`12/30/2025`).
    public init?(argument: String) {
        guard let text = DigestDate.parse(argument), let day = Day(text) else { return nil }
        self = day
    }
}

extension Month: ExpressibleByArgument {
    /// `YYYY-MM` (any year: `--from 0001-01` is from the start), or `YYYY/MM`.
    public init?(argument: String) {
        guard let month = Month(argument) ?? DigestDate.month(argument).flatMap({ Month($0) }) else { return nil }
        self = month
    }
}

extension ArxivID: ExpressibleByArgument {
    /// `2512.22471`, `hep-th/9901001`, with or without `arXiv:` and a version.
    public init?(argument: String) { self.init(argument) }
}

extension RunVariant: ExpressibleByArgument {
    /// `published` or `bundle`.
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.name) }
    public var defaultValueDescription: String { name }
}

/// `arxive report YYYY-MM|YYYY`: a month, or a year's twelve.
enum ReportPeriod: ExpressibleByArgument {
    case month(Month)
    case year(String)

    init?(argument: String) {
        if let month = Month(argument) {
            self = .month(month)
        } else if argument.utf8.count == 4, !Month.all(ofYear: argument).isEmpty {
            self = .year(argument)
        } else {
            return nil
        }
    }
}
