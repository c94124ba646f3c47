import ArgumentParser
import ArxiveKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "search",
        abstract: "Full-text search over titles, abstracts and verdict comments.",
        discussion: """
            Words are ANDed; "a phrase"; prefix*; OR; -word or NOT word; ( ).
            Fields: ti: abs: comment: au: id: date: rel: nov: score: match:author digest:

            Search in your own words: when fewer papers than --limit hold every word, \
            the papers that hold some of them follow, ranked by bm25 (more of the words, \
            and rarer ones, first); filters, phrases, fields and -word still apply. \
            --exact keeps to the papers that hold every word. Translations and AI \
            summaries (any script, Chinese too) are searched as well.

            Examples:
              arxive search 'mixture of experts'
              arxive search 'how do language models remember things across long conversations'
              arxive search 'ti:"sparse attention" rel:>=8 date:2025-12'
              arxive search 'quantiz* -diffusion' --sort date
              arxive search 'au:bengio match:author' --json | jq '.[].title'
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var mutes: MuteOptions

    @Option(help: "At most this many papers.")
    var limit = 20

    @Option(help: "Order: rank (bm25, titles first), date (last seen) or score (latest verdict's, then last seen).")
    var sort: SearchOrder = .rank

    @Flag(help: "Only papers that hold every word (no papers that hold some of them after).")
    var exact = false

    @Argument(parsing: .allUnrecognized, help: "The query (quote it in the shell).")
    var query: [String] = []

    @OptionGroup var export: ExportOptions

    func validate() throws {
        try export.validate(json: output.json)
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !query.isEmpty else { throw ValidationError("give a query, e.g. arxive search 'sparse attention'") }
    }

    func run() throws {
        let parsed = try QueryParser.parse(query.joined(separator: " "))
        let archive = try self.archive.openExisting()
        let results = try archive.searchResults(parsed, order: sort, limit: limit, showMuted: mutes.showMuted, relaxed: !exact)
        let hits = results.hits
        if results.partialMatches > 0 {
            let all = hits.count - results.partialMatches
            Terminal.note(
                "\(all) paper\(all == 1 ? " holds" : "s hold") every word; the \(results.partialMatches) after hold some of them, "
                    + "ranked by bm25 (--exact for every word only)")
        }
        if let among = results.orderedAmong {
            Terminal.note("note: these words match more than \(among) papers; the \(among) added last were ordered (add words or filters to narrow it)")
        }
        if export.format != nil { return try export.write(archive, arxivIDs: hits.map(\.arxivID)) }
        if hits.isEmpty && !output.json {
            Terminal.note("No papers match.")
            return
        }
        try output.emit(hits) { PaperRenderer.hits($0, style: $1) }
    }
}
