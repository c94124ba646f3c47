import ArgumentParser
import ArxiveKit

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "backup",
        abstract: "Copy the live archive to a file, consistently (SQLite's online backup).",
        discussion: """
            Safe while an import or a query runs. The copy is an archive like any other: \
            open it with --db.

            Examples:
              arxive backup ~/backups/arxive-$(date +%F).sqlite
              arxive stats --db ~/backups/arxive-2026-11-23.sqlite
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: ArgumentHelp("The copy to write (it must not exist).", valueName: "file"))
    var file: String

    func run() throws {
        try OutputFile.checkFolder(of: file)
        try archive.openExisting().backup(to: file)
        Terminal.note("Backed up to \(file).")
    }
}
