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

    @Argument(help: ArgumentHelp("The arXiv id, like 2512.22471 or hep-th/9901001 (a version suffix is ignored).", valueName: "arxiv-id"))
    var id: ArxivID

    func run() throws {
        guard let paper = try archive.openExisting().paper(id.text) else {
            throw CommandError("\(id) is not in the archive")
        }
        try output.emit(paper) { PaperRenderer.detail($0, style: $1) }
    }
}
