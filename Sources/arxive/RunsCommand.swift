import ArgumentParser
import ArxiveKit

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "runs",
        abstract: "A line per run: date, digest, model, tokens, cost, total/scanned/relevant.",
        discussion: """
            Examples:
              arxive runs --month 2025-12
              arxive runs --json | jq 'map(.total_cost // 0) | add'
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this digest's runs.")
    var digest: String?

    @Option(help: ArgumentHelp("Only this month's runs.", valueName: "YYYY-MM"))
    var month: Month?

    func validate() throws {
        try validateDigest(digest)
    }

    func run() throws {
        let runs = try archive.openExisting().runs(digest: digest, month: month)
        try output.emit(runs) { RunRenderer.runs($0, style: $1) }
    }
}
