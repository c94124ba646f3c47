import ArgumentParser
import ArxiveKit
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "stats",
        abstract: "How much the archive holds.",
        discussion: """
            Examples:
              arxive stats
              arxive stats --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let stats = try archive.openExisting().stats()
        let size = (try? FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? NSNumber)?.int64Value
        try output.emit(stats) { RunRenderer.stats($0, path: archive.path, bytes: size, style: $1) }
    }
}
