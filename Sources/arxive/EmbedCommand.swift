import ArgumentParser
import ArxiveKit
import Foundation

struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "embed",
        abstract: "Give the archive's papers vectors from the local model, so that search finds them by meaning.",
        discussion: """
            Embeds every paper the digests listed (title and abstract, 256 tokens at most) that \
            has no vector of the model in use yet, a chunk at a time: each chunk is one \
            transaction, so an interrupted run loses at most a chunk and the next run goes on \
            where it stopped. Papers embedded by another model are embedded again. \
            `arxive import` embeds its new papers itself when a model is installed.

            --catalogue embeds the catalogue's papers too: on 2 cores that is about an hour per \
            50,000 papers (see `arxive model` for the count).

            Examples:
              arxive model install && arxive embed
              arxive embed --catalogue
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var model: ModelOptions

    @Flag(help: "Embed the catalogue's papers too (slow: hours for a large catalogue).")
    var catalogue = false

    @Option(help: "Papers per transaction.")
    var chunk = 64

    func validate() throws {
        guard chunk > 0 else { throw ValidationError("--chunk must be at least 1") }
    }

    func run() throws {
        guard let loaded = try model.loadIfInstalled() else {
            throw CommandError("no model at \(model.folder): arxive model install (or --model DIR)")
        }
        let archive = try self.archive.openExisting()
        let progress = EmbedProgress(enabled: Terminal.stderrIsTTY)
        let result = try VectorMaker(archive: archive, model: loaded).embedAll(catalogue: catalogue, chunk: chunk) { done, total, started in
            progress.show(done: done, total: total, started: started)
        }
        progress.finish()
        Terminal.print(
            SemanticRenderer.embedSummary(
                embedded: result.embedded, seconds: result.seconds,
                status: try archive.vectorStatus(model: loaded.identity, catalogue: catalogue)))
    }
}
