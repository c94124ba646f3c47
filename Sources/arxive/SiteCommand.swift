import ArgumentParser
import ArxiveKit
import Foundation

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "site",
        abstract: "Write the archive as static HTML: a page per run, the monthly and yearly overviews, an index.",
        discussion: """
            Day pages follow the digest's own layout (Previous Day / Monthly Overview / Next \
            Day). Pages are self-contained (no script, nothing fetched). Running it again on \
            an unchanged archive rewrites nothing.

            Examples:
              arxive site ~/public_html/arxive
              python3 -m http.server -d ~/public_html/arxive
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: ArgumentHelp("The folder to write (created if missing).", valueName: "outdir"))
    var outdir: String

    func run() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: outdir, isDirectory: &isFolder), !isFolder.boolValue {
            throw CommandError("\(outdir) is a file, not a folder: give a folder for the site")
        }
        let result = try Site.build(try archive.openExisting(), into: URL(fileURLWithPath: outdir))
        Terminal.note("\(result.written) pages written, \(result.unchanged) unchanged, in \(outdir)")
    }
}
