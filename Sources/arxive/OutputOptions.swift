import ArgumentParser
import ArxiveKit
import Foundation

/// `--json`, shared by every read command.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document (snake_case keys, null where the source said nothing).")
    var json = false

    var style: Style { Style(colour: Terminal.colour) }

    /// Prints `value` as JSON, or `human(value)` as text.
    func emit<T: Encodable>(_ value: T, human: (T, Style) -> String) throws {
        if json {
            Terminal.print(try JSONOutput.string(value))
        } else {
            Terminal.print(human(value, style))
        }
    }
}

/// An error the command itself reports (its message is the whole story).
struct CommandError: LocalizedError {
    var message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}

extension SearchOrder: ExpressibleByArgument {}

/// `--digest NAME`: a name, not blanks.
func validateDigest(_ digest: String?) throws {
    if let digest, digest.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--digest needs a name") }
}

/// `YYYY-MM-DD [--digest NAME]`: one day of one digest (`day`, `hot day`).
struct DayChoice: ParsableArguments {
    @Option(help: "The digest, when several have that day.")
    var digest: String?

    @Argument(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD"))
    var date: Day

    func validate() throws { try validateDigest(digest) }

    /// The one listing of the day: an error when there is none, or when
    /// several digests have one and `--digest` did not pick. `several` says
    /// what the digests did: `ran`, `have a hotspot report`.
    func one<T>(_ listings: [T], of what: String, several: String, digestOf: (T) -> String) throws -> T {
        guard let listing = listings.first else { throw CommandError("no \(what) on \(date)" + (digest.map { " for digest \($0)" } ?? "")) }
        guard listings.count == 1 else {
            throw CommandError("\(listings.count) digests \(several) on \(date) (\(listings.map(digestOf).joined(separator: ", "))): pick one with --digest")
        }
        return listing
    }
}
