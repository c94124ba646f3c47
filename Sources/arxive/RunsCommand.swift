import ArgumentParser
import ArxiveKit

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "runs",
        abstract: "A line per run: date, digest, model, tokens, cost, total/scanned/relevant.",
        discussion: """
            A day the generator ran twice (its topic bundle lists other papers than
            its page and JSON) has two lines: the published run, and its
            `(bundle run)`, which `arxive day DATE --run bundle` shows.

            Examples:
              arxive runs --month 2025-12
              arxive runs --summary 'latent reasoning'     # days whose research summary says so
              arxive runs --json | jq 'map(.total_cost // 0) | add'
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this digest's runs.")
    var digest: String?

    @Option(help: ArgumentHelp("Only this month's runs.", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: ArgumentHelp("Only the runs whose research summary of the day (some forks write one) holds these words.", valueName: "words"))
    var summary: String?

    func validate() throws {
        try validateDigest(digest)
        if let summary, summary.split(whereSeparator: \.isWhitespace).isEmpty { throw ValidationError("--summary needs words") }
    }

    func run() throws {
        let words = summary.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
        let runs = try archive.openExisting().runs(digest: digest, month: month, summaryWords: words)
        try output.emit(runs) { RunRenderer.runs($0, style: $1) }
    }
}
