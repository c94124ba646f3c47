import ArgumentParser
import ArxiveKit

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "similar",
        abstract: "Papers like this one, from the archive's own index (no network).",
        discussion: """
            Takes the paper's most distinctive terms (tf-idf over the archive), finds the \
            papers that share them (bm25, titles first), and favours those that share \
            authors too.

            Examples:
              arxive similar 2512.22471
              arxive similar 2512.22471 --limit 5 --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "At most this many papers.")
    var limit = 10

    @Argument(help: ArgumentHelp("The paper.", valueName: "arxiv-id"))
    var arxivID: ArxivID

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let hits = try archive.openExisting().similar(to: arxivID.text, limit: limit)
        if !output.json && hits.isEmpty {
            Terminal.note("Nothing like \(arxivID) in the archive.")
            return
        }
        try output.emit(hits) { PaperRenderer.hits($0, style: $1) }
    }
}
