import ArgumentParser
import ArxiveKit

struct AuthorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "authors",
        abstract: "The most frequent authors, overall or in one month.",
        discussion: """
            Examples:
              arxive authors
              arxive authors --month 2025-12 --limit 50
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only papers listed in this month.", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: "At most this many authors.")
    var limit = 20

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let rows = try archive.openExisting().topAuthors(month: month, limit: limit)
        try output.emit(rows) { RunRenderer.authors($0, style: $1) }
    }
}
