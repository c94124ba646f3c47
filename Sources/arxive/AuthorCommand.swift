import ArgumentParser
import ArxiveKit

struct AuthorCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "author",
        abstract: "The papers of one person across the whole history.",
        discussion: """
            Names match whatever the digest wrote: TeX accents (R{\\o}d), diacritics, case, \
            and initials ("Y. Bengio" finds Yoshua Bengio). People who share only the \
            surname are listed as possible, not matched, unless --loose.

            Examples:
              arxive author "Marcel Rod"
              arxive author "Y. Bengio" --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Also match names that share only the surname.")
    var loose = false

    @Option(help: "At most this many papers.")
    var limit = 20

    @Argument(help: "The person's name.")
    var name: [String]

    @OptionGroup var export: ExportOptions

    func validate() throws {
        try export.validate(json: output.json)
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !PersonName.key(for: name.joined(separator: " ")).isEmpty else { throw ValidationError("give a name with letters in it") }
    }

    func run() throws {
        let fullName = name.joined(separator: " ")
        let archive = try self.archive.openExisting()
        let result = try archive.papers(byAuthor: fullName, loose: loose, limit: limit)
        if export.format != nil { return try export.write(archive, arxivIDs: result.papers.map(\.arxivID)) }
        if output.json {
            Terminal.print(try JSONOutput.string(result.papers))
            return
        }
        if result.papers.isEmpty {
            Terminal.note("No papers by \(fullName).")
        } else {
            Terminal.print(PaperRenderer.hits(result.papers, style: output.style))
        }
        if !result.possible.isEmpty {
            let names = result.possible.map { "\($0.name) (\($0.papers))" }.joined(separator: ", ")
            Terminal.note("Possible, same surname only (not matched; use a fuller name or --loose): \(names)")
        }
    }
}
