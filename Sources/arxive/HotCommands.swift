import ArgumentParser
import ArxiveKit

/// `arxive hot ...`: the second daily digest, "Daily AI Hotspots".
struct HotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hot",
        abstract: "The \"Daily AI Hotspots\" reports: search, a day, trends, runs.",
        discussion: """
            `arxive import` takes the reports (hot/reports/YYYY-MM-DD.json) with the rest of \
            a generator's output folder.

            Examples:
              arxive hot search 'agent sandbox heat:>=6'
              arxive hot day 2026-05-14
              arxive hot trends
              arxive hot runs --month 2026-05
            """,
        subcommands: [HotSearchCommand.self, HotDayCommand.self, HotTrendsCommand.self, HotRunsCommand.self]
    )
}

struct HotSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "search",
        abstract: "Full-text search over hotspot topics: titles, headlines, summaries, takeaways and their sources' titles.",
        discussion: """
            Words are ANDed; "a phrase"; prefix*; OR; -word or NOT word; ( ).
            Fields: ti: date: category:"Product Release" source:NAME (a source's id or name) \
            section:featured|category|long_tail|watchlist|x_buzz, and the scores: heat:>=7 \
            quality: importance: final_score: (and every other score the reports give).

            Examples:
              arxive hot search 'sandbox windows'
              arxive hot search 'category:"Product Release" heat:>=6 date:2026-05'
              arxive hot search 'source:hn_discussion' --json | jq '.[].title'
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "At most this many topics.")
    var limit = 20

    @Argument(parsing: .allUnrecognized, help: "The query (quote it in the shell).")
    var query: [String] = []

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !query.isEmpty else { throw ValidationError("give a query, e.g. arxive hot search 'model release'") }
    }

    func run() throws {
        let parsed = try QueryParser.parseHotspotQuery(query.joined(separator: " "))
        let hits = try archive.openExisting().hotspotSearch(parsed, limit: limit)
        if hits.isEmpty && !output.json {
            Terminal.note("No hotspot topics match.")
            return
        }
        try output.emit(hits) { HotspotRenderer.hits($0, style: $1) }
    }
}

struct HotDayCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "day",
        abstract: "One hotspot day as published: featured topics first, then the sections.",
        discussion: """
            Examples:
              arxive hot day 2026-05-14
              arxive hot day 2026-05-14 --json | jq '.featured[].title'
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var day: DayChoice

    func run() throws {
        let listings = try archive.openExisting().hotspotDay(day.date, digest: day.digest)
        let listing = try day.one(listings, of: "hotspot report", several: "have a hotspot report") { $0.digest }
        try output.emit(listing) { HotspotRenderer.day($0, style: $1) }
    }
}

struct HotTrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "trends",
        abstract: "Hotspot topics per month by category and by source, and the most frequent sources and tags.",
        discussion: """
            Examples:
              arxive hot trends
              arxive hot trends --json | jq '.top_sources'
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "How many sources and tags in the most-frequent lists.")
    var limit = 10

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try output.emit(try archive.openExisting().hotspotTrends(limit: limit)) { HotspotRenderer.trends($0, style: $1) }
    }
}

struct HotRunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "runs",
        abstract: "Each hotspot day: its topics, spotlighted papers, cost and items per source.",
        discussion: """
            Examples:
              arxive hot runs
              arxive hot runs --month 2026-05 --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only this month.", valueName: "YYYY-MM"))
    var month: Month?

    func run() throws {
        try output.emit(try archive.openExisting().hotspotRuns(month: month)) { HotspotRenderer.runs($0, style: $1) }
    }
}
