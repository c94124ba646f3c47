import ArgumentParser
import ArxiveKit

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "similar",
        abstract: "Papers like this one, from the archive's own index (no network).",
        discussion: """
            Takes the paper's most distinctive terms (tf-idf over the archive), finds the \
            papers that share them (bm25, titles first), and favours those that share \
            authors too. When the papers have vectors (arxive embed), the papers nearest \
            it by meaning are fused in (reciprocal rank fusion).

            Examples:
              arxive similar 2512.22471
              arxive similar 2512.22471 --limit 5 --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var model: ModelOptions

    @Option(help: "At most this many papers.")
    var limit = 10

    @Argument(help: ArgumentHelp("The paper.", valueName: "arxiv-id"))
    var arxivID: ArxivID

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let archive = try self.archive.openExisting()
        // The vectors need no model to compare: only to know which model's vectors are the current ones.
        let vectors = try model.loadIfInstalled().flatMap { try archive.vectorIndex(model: $0.identity) }
        let hits = try archive.similar(to: arxivID.text, limit: limit, vectors: vectors)
        if !output.json && hits.isEmpty {
            Terminal.note("Nothing like \(arxivID) in the archive.")
            return
        }
        try output.emit(hits) { PaperRenderer.hits($0, style: $1) }
    }
}
