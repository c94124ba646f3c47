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

    @OptionGroup var day: DayChoice

    func run() throws {
        let listings = try archive.openExisting().day(day.date, digest: day.digest, showMuted: mutes.showMuted)
        let listing = try day.one(listings, of: "run", several: "ran") { $0.run.digest }
        if listing.mutedHidden > 0 {
            Terminal.note("note: \(listing.mutedHidden) of the day's papers are muted (--all shows them)")
        }
        try output.emit(listing) { RunRenderer.day($0, style: $1) }
    }
}
