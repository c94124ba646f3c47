import ArgumentParser
import ArxiveKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "search",
        abstract: "Search titles, abstracts and verdict comments, by words and by meaning.",
        discussion: """
            Words are ANDed; "a phrase"; prefix*; OR; -word or NOT word; ( ).
            Fields: ti: abs: comment: au: id: date: rel: nov: score: match:author digest:

            Search in your own words: when fewer papers than --limit hold every word, \
            the papers that hold some of them follow, ranked by bm25 (more of the words, \
            and rarer ones, first); filters, phrases, fields and -word still apply. \
            --exact keeps to the papers that hold every word. Translations and AI \
            summaries (any script, Chinese too) are searched as well.

            By meaning: once a sentence model is installed and the papers have vectors \
            (arxive model install; arxive embed), the query's words are also compared by \
            meaning with every paper's title and abstract, and the two rankings are fused \
            (reciprocal rank fusion). --mode words|meaning|both picks (default: both when \
            the papers have vectors, else words). Filters and -word apply to both rankings. \
            --json adds word_rank and meaning_rank to each hit (null where that ranking did \
            not hold it) and says the mode on stderr; --explain shows them.

            Examples:
              arxive search 'mixture of experts'
              arxive search 'how do language models remember things across long conversations'
              arxive search 'robots that learn from watching people' --mode meaning
              arxive search 'ti:"sparse attention" rel:>=8 date:2025-12'
              arxive search 'quantiz* -diffusion' --sort date
              arxive search 'au:bengio match:author' --json | jq '.[].title'
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var mutes: MuteOptions
    @OptionGroup var model: ModelOptions

    @Option(help: "At most this many papers.")
    var limit = 20

    @Option(help: "Order: rank (bm25, titles first), date (last seen) or score (latest verdict's, then last seen).")
    var sort: SearchOrder = .rank

    @Option(help: "Rank by words, meaning or both (default: both when the papers have vectors, else words).")
    var mode: SearchMode?

    @Flag(help: "Only papers that hold every word (no papers that hold some of them after).")
    var exact = false

    @Flag(help: "Show each hit's place in the word and the meaning ranking.")
    var explain = false

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
        let loaded = mode == .words ? nil : try model.loadIfInstalled()
        let request = SearchRequest(order: sort, limit: limit, showMuted: mutes.showMuted, exact: exact, mode: mode)
        let outcome = try archive.search(parsed, request, model: loaded)
        // Said once per archive and reason; an archive that cannot record it (read-only) does not say it.
        if let reason = outcome.wordsOnlyReason, (try? archive.firstTime("search_hint: " + reason)) ?? false {
            Terminal.note("note: searching by words only; \(reason) (said once)")
        }
        if outcome.papersWithoutVectors > 0 {
            Terminal.note("note: \(outcome.papersWithoutVectors) papers have no vector yet, so only their words can find them (arxive embed)")
        }
        let results = outcome.results
        let ran = outcome.mode
        let hits = results.hits
        if ran == .words && results.partialMatches > 0 {
            let all = hits.count - results.partialMatches
            Terminal.note(
                "\(all) paper\(all == 1 ? " holds" : "s hold") every word; the \(results.partialMatches) after hold some of them, "
                    + "ranked by bm25 (--exact for every word only)")
        }
        if let among = results.orderedAmong {
            Terminal.note("note: these words match more than \(among) papers; the \(among) added last were ordered (add words or filters to narrow it)")
        }
        if export.format != nil { return try export.write(archive, arxivIDs: hits.map(\.arxivID)) }
        if output.json { Terminal.note("mode: \(ran.rawValue)") }
        if hits.isEmpty && !output.json {
            Terminal.note("No papers match.")
            return
        }
        try output.emit(hits) { hits, style in
            PaperRenderer.searchHeading(mode: ran, count: hits.count) + "\n\n" + PaperRenderer.hits(hits, style: style, ranks: explain)
        }
    }
}

extension SearchMode: ExpressibleByArgument {}
