import ArgumentParser
import ArxiveKit

struct MatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "matches",
        abstract: "Papers by followed authors, newest first, with the rule and how it matched.",
        discussion: """
            Every paper in the archive counts, including the ones the digest selected for \
            other reasons. --new lists what arrived since the last --new (all of it: \
            --limit does not apply) and remembers where it stopped. --audit compares the \
            rules with the digest's own "Author match" verdicts.

            Examples:
              arxive matches --month 2025-12
              arxive matches --new
              arxive matches --since 2025-11-01 --loose --json
              arxive matches --audit
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var mutes: MuteOptions

    @Option(help: ArgumentHelp("Only papers listed in this month.", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: ArgumentHelp("Only papers listed on or after this day.", valueName: "YYYY-MM-DD"))
    var since: Day?

    @Flag(help: "Only papers that arrived since the last 'matches --new'.")
    var new = false

    @Flag(help: "Also match names that share only the surname.")
    var loose = false

    @Flag(help: "Digest author matches no rule explains, and rule matches the digest never flagged.")
    var audit = false

    @Option(help: "At most this many papers (per list with --audit).")
    var limit = 20

    @OptionGroup var export: ExportOptions

    func validate() throws {
        try export.validate(json: output.json)
        if audit && export.format != nil { throw ValidationError("--audit has no --format") }
        if month != nil && since != nil { throw ValidationError("give --month or --since, not both") }
        if audit && (new || loose || month != nil || since != nil) { throw ValidationError("--audit takes no other filter") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let archive = try self.archive.openExisting()
        if audit {
            try output.emit(try archive.matchAudit(limit: limit)) { FollowRenderer.audit($0, style: $1) }
            return
        }
        let dates: ClosedRange<String>? = month?.dateRange ?? since.map { $0.text..."9999-12-31" }
        let hits = try archive.matches(dates: dates, onlyNew: new, loose: loose, limit: limit, showMuted: mutes.showMuted)
        if export.format != nil { return try export.write(archive, arxivIDs: hits.map(\.arxivID)) }
        if !output.json && hits.isEmpty {
            Terminal.note(new ? "No new papers by followed authors." : "No papers by followed authors.")
            return
        }
        try output.emit(hits) { PaperRenderer.hits($0, style: $1) }
    }
}
