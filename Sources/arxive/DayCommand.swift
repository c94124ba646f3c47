import ArgumentParser
import ArxiveKit

struct DayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Option(help: "The digest, when several ran that day.")
    var digest: String?

    @Argument(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD"))
    var date: String

    func validate() throws {
        guard DigestDate.parse(date) != nil else { throw ValidationError("'\(date)' is not a date: use YYYY-MM-DD") }
        try validateDigest(digest)
    }

    func run() throws {
        let day = DigestDate.parse(date)!
        let listings = try archive.openExisting().day(day, digest: digest)
        guard let listing = listings.first else {
            throw CommandError("no run on \(day)" + (digest.map { " for digest \($0)" } ?? ""))
        }
        guard listings.count == 1 else {
            throw CommandError("\(listings.count) digests ran on \(day) (\(listings.map(\.run.digest).joined(separator: ", "))): pick one with --digest")
        }
        try output.emit(listing) { RunRenderer.day($0, style: $1) }
    }
}
