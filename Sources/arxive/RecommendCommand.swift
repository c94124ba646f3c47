import ArgumentParser
import ArxiveKit

struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "recommend",
        abstract: "Papers like the ones you starred or tagged, by a model learned from your marks.",
        discussion: """
            Trains a logistic regression now, from your marks alone (no network, no LLM): \
            the starred papers (or one tag's) are its positives; dismissed papers and a \
            fixed sample of unmarked ones its negatives. Features are the title's and \
            abstract's terms (the archive's own tokenizer, tf-idf), the authors, and, when \
            the papers have vectors (arxive embed), their sentence vectors. It then \
            scores the papers in scope, leaving out the marked ones: every paper a digest \
            listed, or a month's, a day's, or a query's. At least 3 positives are needed.

            Examples:
              arxive recommend
              arxive recommend --tag bayesian --month 2025-12 --explain
              arxive recommend 'date:2025-12 -is:read' --limit 10 --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var mutes: MuteOptions
    @OptionGroup var model: ModelOptions

    @Flag(help: "Leave the papers' sentence vectors out of the features.")
    var noVectors = false

    @Flag(help: "Learn from the starred papers (the default).")
    var starred = false

    @Option(help: ArgumentHelp("Learn from the papers with this tag instead.", valueName: "name"))
    var tag: String?

    @Option(help: ArgumentHelp("Score only the papers listed this month.", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: ArgumentHelp("Score only the papers listed this day.", valueName: "YYYY-MM-DD"))
    var date: Day?

    @Argument(help: ArgumentHelp("Score only the papers this query finds.", valueName: "query"))
    var query: String?

    @Option(help: "At most this many papers (0: all).")
    var limit = 20

    @Flag(help: "List each paper's strongest features.")
    var explain = false

    func validate() throws {
        if starred && tag != nil { throw ValidationError("--starred and --tag are two sources of positives: give one") }
        if [month != nil, date != nil, query != nil].filter({ $0 }).count > 1 {
            throw ValidationError("--month, --date and a query each give the scope: give one")
        }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more") }
    }

    func run() throws {
        let marks: MarkedPapers = tag.map(MarkedPapers.tag) ?? .starred
        let scope: Query? =
            try month.map { try QueryParser.parse("date:\($0)") }
            ?? date.map { try QueryParser.parse("date:\($0)") }
            ?? query.map(QueryParser.parse)
        let archive = try self.archive.openExisting()
        let vectors = noVectors ? nil : try model.loadIfInstalled().flatMap { try archive.vectorIndex(model: $0.identity) }
        let result = try archive.recommend(
            from: marks, in: scope, limit: limit == 0 ? nil : limit, explain: explain, showMuted: mutes.showMuted, vectors: vectors)
        Terminal.note(RecommendRenderer.training(result.training, marks: marks))
        try output.emit(result.papers) { RecommendRenderer.papers($0, style: $1) }
    }
}
