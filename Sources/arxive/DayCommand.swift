import ArgumentParser
import ArxiveKit

struct DayCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "day",
        abstract: "One day's papers in published order, with their verdicts.",
        discussion: """
            Examples:
              arxive day 2025-12-30
              arxive day 2025-12-30 --digest astro-ph --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var mutes: MuteOptions

    @Option(help: "The digest, when several ran that day.")
    var digest: String?

    @Argument(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD"))
    var date: Day

    func validate() throws {
        try validateDigest(digest)
    }

    func run() throws {
        let listing = try oneListing(
            try archive.openExisting().day(date, digest: digest, showMuted: mutes.showMuted), of: "run", several: "ran", on: date,
            digest: digest
        ) { $0.run.digest }
        if listing.mutedHidden > 0 {
            Terminal.note("note: \(listing.mutedHidden) of the day's papers are muted (--all shows them)")
        }
        try output.emit(listing) { RunRenderer.day($0, style: $1) }
    }
}
