import ArgumentParser
import ArxiveKit

struct DayCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "day",
        abstract: "One day's papers in published order, with their verdicts.",
        discussion: """
            A day the generator ran twice (its topic bundle lists other papers
            than its page and JSON) has two runs: `day` shows the one the day
            published and names the other, which `--run bundle` shows.

            Examples:
              arxive day 2025-12-30
              arxive day 2025-12-30 --digest astro-ph --json
              arxive day 2026-04-01 --run bundle
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var mutes: MuteOptions

    @OptionGroup var day: DayChoice

    @Option(name: .customLong("run"), help: "Which run of the day: the one it published, or the other run its topic bundle holds.")
    var variant = RunVariant.published

    func run() throws {
        let listings = try archive.openExisting().day(day.date, digest: day.digest, variant: variant, showMuted: mutes.showMuted)
        let listing = try day.one(listings, of: variant == .published ? "run" : "\(variant.name) run", several: "ran") { $0.run.digest }
        if listing.mutedHidden > 0 {
            Terminal.note("note: \(listing.mutedHidden) of the day's papers are muted (--all shows them)")
        }
        try output.emit(listing) { RunRenderer.day($0, style: $1) }
    }
}
