import ArgumentParser
import ArxiveKit

extension PeriodKind: ExpressibleByArgument {}

struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "trends",
        abstract: "How topics, authors, terms and cost move across months or weeks.",
        discussion: """
            For each query (quote each one): per period, the distinct papers the period's \
            runs listed that match, their share of the period's papers, and their mean \
            relevance and novelty there. --authors: each period's most frequent authors. \
            --terms: the title terms whose share of papers rose or fell most against \
            the period before (two-proportion z-score; stop words left out). --cost: runs, \
            tokens and cost per period and per model. --topics: each topic the digests file \
            papers under (their own topics and tags), as the query topic:ID.

            Examples:
              arxive trends 'mixture of experts' 'ti:quantiz*' --from 2025-06
              arxive trends 'rel:>=9' --by week --from 2025-11 --to 2025-12
              arxive trends --cost --json | jq '.[] | select(.model == null)'
              arxive trends --terms --from 2025-10
              arxive trends --topics --from 2026-04
              arxive trends 'topic:memory_systems rel:>=8'
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Queries (the language of 'arxive search'), one per argument.")
    var queries: [String] = []

    @Option(help: ArgumentHelp("First month (default: the first run's).", valueName: "YYYY-MM"))
    var from: Month?

    @Option(help: ArgumentHelp("Last month (default: the last run's).", valueName: "YYYY-MM"))
    var to: Month?

    @Option(help: "Count by month or by week (ISO weeks).")
    var by: PeriodKind = .month

    @Flag(help: "Each period's most frequent authors.")
    var authors = false

    @Flag(help: "Terms rising and falling period over period.")
    var terms = false

    @Flag(help: "Runs, tokens and cost per period and per model.")
    var cost = false

    @Flag(help: "Each of the digests' topics as a query (topic:ID): its papers per period.")
    var topics = false

    @Option(help: "How many authors, or terms each way, per period.")
    var limit = 5

    func validate() throws {
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        let modes = [!queries.isEmpty, authors, terms, cost, topics].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give queries, or one of --authors, --terms, --cost, --topics") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let archive = try self.archive.openExisting()
        if cost {
            try output.emit(try archive.costTrends(by: by, from: from, to: to)) { TrendsRenderer.cost($0, style: $1) }
        } else if authors {
            try output.emit(try archive.authorTrends(by: by, from: from, to: to, limit: limit)) { TrendsRenderer.authors($0, style: $1) }
        } else if terms {
            try output.emit(try archive.termTrends(by: by, from: from, to: to, limit: limit)) { TrendsRenderer.terms($0, style: $1) }
        } else if topics {
            let parsed = try archive.topics().map { (text: $0.label, query: Query.filter(.topic($0.key))) }
            guard !parsed.isEmpty else { throw CommandError("no digest in the archive files its papers under topics") }
            let rows = try archive.trends(parsed, by: by, from: from, to: to)
            if rows.contains(where: { $0.count > 0 }), rows.allSatisfy({ $0.meanRelevance == nil && $0.meanNovelty == nil }) {
                Terminal.note("note: these digests give no relevance or novelty (daily-arXiv-ai-enhanced keeps every paper): counts only")
            }
            try output.emit(rows) { TrendsRenderer.queries($0, style: $1) }
        } else {
            let parsed = try queries.map { (text: $0, query: try QueryParser.parse($0)) }
            try output.emit(try archive.trends(parsed, by: by, from: from, to: to)) { TrendsRenderer.queries($0, style: $1) }
        }
    }
}
