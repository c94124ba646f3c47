import ArgumentParser
import ArxiveKit
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import digest files and folders (Markdown, saved page text, JSON).",
        discussion: """
            Folders are read recursively (their .md, .json and .txt files). The format of \
            each file is recognised from its content. A day's Markdown and JSON become one \
            run. Each file is imported in one transaction; a file that fails is named on \
            stderr and the others go on (exit status 1 at the end). Re-importing a file \
            changes nothing.

            Examples:
              arxive import ~/gpt_paper_assistant/out
              arxive import --digest astro-ph out/2025-12-30-output.md out/2025-12-30-output.json
              arxive import --date 2026-08-20 out/output.json
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "The digest these runs belong to (default: \(DigestImporter.defaultDigestName)).")
    var digest: String = DigestImporter.defaultDigestName

    @Option(help: ArgumentHelp("The day of a JSON file whose name carries no date (YYYY-MM-DD).", valueName: "date"))
    var date: String?

    @Argument(help: "Files and folders to import.")
    var paths: [String]

    func validate() throws {
        if let date, DigestDate.parse(date) == nil {
            throw ValidationError("--date '\(date)' is not a date: use YYYY-MM-DD")
        }
        if digest.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--digest needs a name")
        }
    }

    func run() throws {
        let archive = try self.archive.openOrCreate()
        let importer = DigestImporter(archive: archive, options: .init(digestName: digest, date: date.flatMap(DigestDate.parse)))
        let lastPaperBefore = try archive.lastPaperID()
        let progress = Progress(enabled: Terminal.stderrIsTTY)
        let report = importer.run(paths: paths) { done, total, path in progress.show(done, total, path) }
        progress.finish()
        for (path, reason) in report.skipped {
            Terminal.note("skipped \(path): \(reason)")
        }
        for (path, reason) in report.failures {
            Terminal.error("\(path): \(reason)")
        }
        Terminal.note(ImportSummary.line(report))
        if report.newPapers > 0 {
            let followed = try archive.matchCount(afterPaperID: lastPaperBefore)
            if followed > 0 { Terminal.note("\(followed) new papers by followed authors (arxive matches --new).") }
        }
        if !report.failures.isEmpty { throw ExitCode.failure }
    }
}
