import ArgumentParser
import ArxiveKit

struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "feed",
        abstract: "Write an Atom feed of the newest papers a search finds, for a feed reader.",
        discussion: """
            Entries are the newest matching papers (by the last day a digest listed them), \
            each with its arXiv abs URL as its id, that day as its updated time, and the \
            digest's verdict and comment, your note and the abstract as its content. Point a \
            feed reader at the file and re-run after each import ('arxive site' writes one \
            per saved search too).

            Examples:
              arxive feed 'ti:pruning rel:>=8' -o pruning.xml
              arxive feed q:todo -o todo.xml
              arxive feed --following --limit 100 -o following.xml
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var mutes: MuteOptions

    @Argument(help: ArgumentHelp("The query (a saved search: q:NAME).", valueName: "query"))
    var query: String?

    @Flag(help: "The papers of followed authors instead (what 'arxive matches' lists).")
    var following = false

    @Option(help: "At most this many papers.")
    var limit = AtomFeed.defaultLength

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file, not standard output.", valueName: "file"))
    var file: String?

    func validate() throws {
        guard (query != nil) != following else { throw ValidationError("give a query or --following (one of them)") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let source: AtomFeed.Source = query.map(AtomFeed.Source.query) ?? .following
        // A malformed query: checked before the archive opens, and exits 2 as in every command.
        if let query { _ = try QueryParser.parse(query) }
        let records = try source.records(try archive.openExisting(), limit: limit, showMuted: mutes.showMuted)
        if output.json { return try OutputFile.write(try JSONOutput.string(records) + "\n", to: file) }
        try OutputFile.write(AtomFeed.render(source, records: records), to: file)
    }
}
