import ArgumentParser
import ArxiveKit
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "report",
        abstract: "A month's (or a year's) overview: Markdown, one self-contained HTML page, or JSON.",
        discussion: """
            A month: a calendar of its runs; totals (runs, papers listed, distinct papers, \
            scanned, arXiv totals); tokens and cost by model; the top papers; author matches \
            and followed authors' papers; the most frequent authors; terms rising against \
            the month before; papers listed on several days and papers whose verdict changed. \
            A year: its months side by side. The HTML has inline style and SVG charts, no \
            script, and reads on a phone.

            Examples:
              arxive report 2025-12
              arxive report 2025-12 --format html -o december.html
              arxive report 2025 --format html -o 2025.html
              arxive report 2025-12 --json | jq '{runs, total_cost}'
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var mutes: MuteOptions

    @Argument(help: ArgumentHelp("The month or the year.", valueName: "YYYY-MM|YYYY"))
    var period: ReportPeriod

    @Option(help: "md (default), html or json.")
    var format: Format = .md

    @Flag(help: "The same as --format json.")
    var json = false

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file, not standard output.", valueName: "file"))
    var file: String?

    func validate() throws {
        if json && format != .md && format != .json { throw ValidationError("give --json or --format, not both") }
    }

    func run() throws {
        let archive = try self.archive.openExisting()
        let format = json ? .json : self.format
        let text: String
        switch period {
        case .year(let year):
            let report = try archive.yearReport(year, showMuted: mutes.showMuted)
            switch format {
            case .md: text = ReportMarkdown.year(report)
            case .html: text = ReportHTML.year(report)
            case .json: text = try JSONOutput.string(report) + "\n"
            }
        case .month(let month):
            let report = try archive.monthReport(month, showMuted: mutes.showMuted)
            switch format {
            case .md: text = ReportMarkdown.month(report)
            case .html: text = ReportHTML.month(report)
            case .json: text = try JSONOutput.string(report) + "\n"
            }
        }
        try OutputFile.write(text, to: file)
    }
}
