// arxive/: the command line, one short file per subcommand: it parses, calls
// ArxiveKit, renders. It may call ArxiveKit and ArgumentParser.

import ArgumentParser
import ArxiveKit

/// `--db`, shared by every command.
struct ArchiveOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The archive file (default: $ARXIVE_DB, else $XDG_DATA_HOME/arxive/archive.sqlite).",
            valueName: "path"))
    var db: String?

    var path: String { ArchiveLocation.resolve(explicit: db) }

    /// Opens the archive for reading commands: a missing archive is an error, not a new empty file.
    func openExisting() throws -> Archive {
        try Archive(path: path, create: false)
    }

    func openOrCreate() throws -> Archive {
        try Archive(path: path, create: true)
    }
}
