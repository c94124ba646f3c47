import ArgumentParser
import ArxiveKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write papers as BibTeX, CSV, JSON lines or a Markdown reading list.",
        discussion: """
            Every paper, or those a query finds, most recently listed first. BibTeX \
            entries are @misc with eprint, archivePrefix and primaryClass when the digest \
            gave it, names in TeX; JSON lines hold every stored field, the verdict history \
            and your marks. search, author, matches and rank take --format too.

            Examples:
              arxive export 'is:starred' --format bibtex -o starred.bib
              arxive export --format jsonl | jq -r .title
              arxive export 'tag:to-read -is:read' --format md -o reading.md
              arxive export 'date:2025-12' --format csv -o december.csv
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(help: ArgumentHelp("bibtex, csv, jsonl or md.", valueName: "format"))
    var format: ExportFormat

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file, not standard output.", valueName: "file"))
    var file: String?

    @Argument(help: "Only the papers this query finds (the language of 'arxive search').")
    var query: [String] = []

    func run() throws {
        let query = try self.query.isEmpty ? nil : QueryParser.parse(self.query.joined(separator: " "))
        let records = try archive.openExisting().records(matching: query)
        var options = ExportOptions()
        options.format = format
        options.file = file
        try options.write(PaperExport.render(records, as: format))
    }
}
