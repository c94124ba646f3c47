import ArgumentParser
import ArxiveKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write papers as BibTeX, CSV, JSON lines or a Markdown reading list, or the whole archive.",
        discussion: """
            Every paper, or those a query finds, most recently listed first. BibTeX \
            entries are @misc with eprint, archivePrefix and primaryClass when the digest \
            gave it, names in TeX; JSON lines hold every stored field, the verdict history \
            and your marks. search, author, matches and rank take --format too.

            --format archive writes everything (papers, runs, verdicts, followed authors, \
            marks, saved searches, rank profiles) as JSON lines: 'arxive import FILE' \
            reads it back into an empty archive, or merges it into another one.

            Examples:
              arxive export 'is:starred' --format bibtex -o starred.bib
              arxive export --format jsonl | jq -r .title
              arxive export 'tag:to-read -is:read' --format md -o reading.md
              arxive export 'date:2025-12' --format csv -o december.csv
              arxive export --format archive -o ~/arxive-2026-11.jsonl
            """
    )

    @OptionGroup var archive: ArchiveOptions

    /// The paper formats, and the whole archive.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case bibtex, csv, jsonl, md, archive
    }

    @Option(help: ArgumentHelp("bibtex, csv, jsonl, md or archive.", valueName: "format"))
    var format: Format

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file, not standard output.", valueName: "file"))
    var file: String?

    @Argument(help: "Only the papers this query finds (the language of 'arxive search').")
    var query: [String] = []

    func validate() throws {
        if format == .archive && !query.isEmpty { throw ValidationError("--format archive writes the whole archive: no query") }
    }

    func run() throws {
        let archive = try self.archive.openExisting()
        var options = ExportOptions()
        options.file = file
        guard let paperFormat = ExportFormat(rawValue: format.rawValue) else {
            var text = ""
            try archive.exportArchive { text += $0 }
            return try options.write(text)
        }
        let query = try self.query.isEmpty ? nil : QueryParser.parse(self.query.joined(separator: " "))
        try options.write(PaperExport.render(try archive.records(matching: query), as: paperFormat))
    }
}
