import ArgumentParser
import ArxiveKit
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "import",
        abstract: "Import digest files and whole output folders (Markdown, JSON, HTML pages, topic bundles, hotspot reports) and arXiv snapshots.",
        discussion: """
            Folders are read recursively: every file, and .gz files when they hold an \
            arXiv snapshot. What each file is comes from its content: daily Markdown, JSON, \
            saved page text, the upstream generator's HTML pages, forks' pages in their own \
            layouts (Markdown or HTML) and daily-arXiv-ai-enhanced's JSON lines and pages become \
            runs (a day's files become one run; a translated page joins its day); topic bundles (-daily-papers.json) bring the \
            day's topics; spotlight files (-hotspot-papers.json) and the generator's \
            monthly overviews (monthly/YYYY-MM-summary.json) are kept with their papers. \
            Files that hold no digest (hotspot intermediates, web-page copies, images, \
            index and overview pages, evaluation logs, and any other file that names no \
            arXiv paper) are skipped and counted by kind (--verbose lists them, --strict \
            makes the 'other' ones errors). Each file is imported in one transaction. A \
            file that names arXiv papers but yields none ('names 36 arXiv papers, read 0'), \
            or that is damaged, is an error: it is named on stderr and the others go on \
            (exit status 1 at the end). A file that yields fewer papers than it names or \
            states is imported, and the summary says so (--verbose lists the ids). \
            Re-importing a file, or the same files in another order, changes nothing.

            With --git REPO, every version of every file on a branch's history is imported \
            as the file was when it was committed (a fork that rewrites one page a day, a \
            GitHub Pages branch): its day comes from its content, else from the commit's \
            day, and a day committed several times keeps its last version. PATH... then \
            limits the files considered (paths in the repository). A second import reads \
            only the commits after the last one read.

            When a sentence model is installed (arxive model install), the papers without a \
            vector are then embedded, so that search finds them by meaning (--no-embed skips \
            that; arxive embed does it later). An interrupted embedding keeps what it made.

            Examples:
              arxive import ~/gpt_paper_assistant/out
              arxive import --git ~/my-digest --ref gh-pages
              arxive import --git ~/my-digest --ref main --since 2026-01-01 out/output.md out/output.json
              arxive import --digest astro-ph out/2025-12-30-output.md out/2025-12-30-output.json
              arxive import --date 2026-08-20 out/output.json
              arxive import arxiv-metadata-oai-snapshot.json.gz

            The arXiv metadata snapshot (the JSON lines Kaggle distributes, plain or \
            gzip) fills the catalogue: papers without verdicts, which search, author and \
            matches include (in:digest leaves them out). It is committed in chunks: an \
            interrupted import keeps whole chunks, and running it again resumes. Progress \
            (papers, papers/s, ETA) is shown on stderr when it is a terminal.
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(
        help: """
            The digest these runs belong to (default: \(DigestImporter.defaultDigestName); \
            daily-arXiv-ai-enhanced's days: \(AIEnhancedReader.digestName)).
            """)
    var digest: String?

    @Option(help: ArgumentHelp("The day of a JSON file whose name carries no date.", valueName: "YYYY-MM-DD"))
    var date: Day?

    @Option(help: ArgumentHelp("Papers per commit when importing an arXiv snapshot.", valueName: "n"))
    var chunk = CatalogueImporter.Options().chunkSize

    @Flag(name: .shortAndLong, help: "List each file skipped because it holds no digest, with its kind, and the ids a file named but did not yield.")
    var verbose = false

    @Flag(help: "Make a file that holds no digest arxive knows (counted as 'other') an error.")
    var strict = false

    @Option(
        help: ArgumentHelp("Import every version of the digest files on a branch's history in this git repository (a clone, bare or not).", valueName: "REPO"))
    var git: String?

    @Option(help: ArgumentHelp("With --git: the branch, tag or commit whose history is read.", valueName: "REF"))
    var ref = "HEAD"

    @Option(help: ArgumentHelp("With --git: only commits made on or after this day.", valueName: "YYYY-MM-DD"))
    var since: Day?

    @Flag(help: "Do not embed the new papers, even when a sentence model is installed (arxive embed does it later).")
    var noEmbed = false

    @OptionGroup var model: ModelOptions

    @Argument(help: "Files and folders to import; with --git, the paths in the repository to consider (all when none).")
    var paths: [String] = []

    func validate() throws {
        guard chunk > 0 else { throw ValidationError("--chunk must be at least 1") }
        if let digest { try validateDigest(digest) }
        if git == nil, paths.isEmpty { throw ValidationError("name the files and folders to import (or a repository with --git)") }
        if git == nil, since != nil || ref != "HEAD" { throw ValidationError("--ref and --since go with --git") }
    }

    func run() throws {
        let archive = try self.archive.openOrCreate()
        let importer = DigestImporter(
            archive: archive,
            options: .init(
                digestName: digest, date: date?.text,
                catalogue: .init(chunkSize: chunk), strict: strict))
        let lastPaperBefore = try archive.lastPaperID()
        let progress = Progress(enabled: Terminal.stderrIsTTY)
        let report: DigestImporter.Report
        if let git {
            let history = try importer.run(
                gitRepository: git, ref: ref, since: since?.text, paths: paths, progress: { done, total, path in progress.show(done, total, path) })
            progress.finish()
            Terminal.note(ImportSummary.line(history, repository: git, ref: ref))
            report = history.report
        } else {
            report = importer.run(
                paths: paths, progress: { done, total, path in progress.show(done, total, path) },
                catalogueProgress: { progress.show($0) })
            progress.finish()
        }
        if verbose {
            for (path, kind, why) in report.skipped { Terminal.note("skipped \(path): \(kind.reason)" + (why.map { " (\($0))" } ?? "")) }
        } else {
            // A file no reader takes is named once, with why: it may be a digest of a layout arxive should learn.
            for (path, kind, why) in report.skipped where kind == .other {
                Terminal.note("skipped \(path): no digest arxive knows" + (why.map { " (\($0))" } ?? ""))
            }
        }
        for note in report.notes { Terminal.note(note) }
        for (path, shortfall) in report.shortfalls {
            Terminal.note("\(path): \(shortfall.description)")
            if verbose, !shortfall.missing.isEmpty { Terminal.note("  not read: " + shortfall.missing.joined(separator: " ")) }
        }
        for (path, reason) in report.failures {
            Terminal.error("\(path): \(reason)")
        }
        if let stopped = report.stopped {
            Terminal.error("\(stopped); run the same import again once that is fixed")
        }
        for catalogue in report.catalogue {
            for bad in catalogue.badLines {
                Terminal.error("\(catalogue.path): line \(bad.line): \(bad.reason)")
            }
            if catalogue.badLineCount > catalogue.badLines.count {
                Terminal.error("\(catalogue.path): \(catalogue.badLineCount - catalogue.badLines.count) more bad lines")
            }
            if let error = catalogue.error {
                Terminal.error("\(catalogue.path): \(error) (run the same import again to resume)")
            }
            Terminal.note(ImportSummary.line(catalogue))
        }
        if report.filesRead > 0 || report.catalogue.isEmpty { Terminal.note(ImportSummary.line(report)) }
        if report.newPapers > 0 {
            let followed = try archive.matchCount(afterPaperID: lastPaperBefore)
            if followed > 0 { Terminal.note("\(followed) new papers by followed authors (arxive matches --new).") }
        }
        if !noEmbed { try embedNewPapers(archive) }
        if !report.failures.isEmpty || report.stopped != nil || report.catalogue.contains(where: \.failed) { throw ExitCode.failure }
    }

    /// The papers without a vector of the installed model get one (none when no model is installed).
    func embedNewPapers(_ archive: Archive) throws {
        guard let loaded = try model.loadIfInstalled() else { return }
        let status = try archive.vectorStatus(model: loaded.identity)
        let missing = status.papers - status.embedded
        guard missing > 0 else { return }
        Terminal.note("Embedding \(missing) papers with \(loaded.identity) (--no-embed to skip; an interrupted run keeps its work)")
        let progress = EmbedProgress(enabled: Terminal.stderrIsTTY)
        let result = try VectorMaker(archive: archive, model: loaded).embedAll { done, total, started in
            progress.show(done: done, total: total, started: started)
        }
        progress.finish()
        Terminal.note(
            SemanticRenderer.embedSummary(
                embedded: result.embedded, seconds: result.seconds, status: try archive.vectorStatus(model: loaded.identity)))
    }
}
