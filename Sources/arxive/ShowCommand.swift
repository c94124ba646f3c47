import ArgumentParser
import ArxiveKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "show",
        abstract: "A paper and every verdict it received, day by day.",
        discussion: """
            Examples:
              arxive show 2512.22471
              arxive show arXiv:2512.22471v2 --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The arXiv id (a version suffix is ignored).")
    var id: String

    func validate() throws {
        guard ArxivID.parse(id) != nil else { throw ValidationError("'\(id)' is not an arXiv id (like 2512.22471 or hep-th/9901001)") }
    }

    func run() throws {
        let arxivID = ArxivID.parse(id)!.id
        guard let paper = try archive.openExisting().paper(arxivID) else {
            throw CommandError("\(arxivID) is not in the archive")
        }
        try output.emit(paper) { PaperRenderer.detail($0, style: $1) }
    }
}
