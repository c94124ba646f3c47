import ArgumentParser
import ArxiveKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "export",
        abstract: "Write papers as BibTeX, CSL-JSON, RIS, CSV, JSON lines, a Markdown reading list or Obsidian notes, or the whole archive.",
        discussion: """
            Every paper, or those a query finds, most recently listed first. BibTeX \
            entries are @misc with eprint, archivePrefix and primaryClass when the digest \
            gave it, names in TeX; CSL-JSON (what Zotero, pandoc and citeproc read) has one \
            preprint item per paper with its arXiv number, DOI and URL; JSON lines hold every \
            stored field, the verdict history and your marks. search, author, matches and rank take --format too.

            --format obsidian -o DIR writes one note per paper into DIR (an Obsidian vault's \
            folder): YAML properties (arxiv_id, title, authors, date, tags, starred, \
            relevance, novelty, ...), the abstract, the verdicts and your note. Run it again \
            and only the notes that changed are rewritten; what you write below a note's \
            marker line is kept.

            --format archive writes everything (papers, runs, verdicts, followed authors, \
            marks, saved searches, rank profiles) as JSON lines: 'arxive import FILE' \
            reads it back into an empty archive, or merges it into another one. The arXiv \
            catalogue is not in it (papers no digest listed, and every paper's categories): \
            import the snapshot again where you import the file.

            Examples:
              arxive export 'is:starred' --format bibtex -o starred.bib
              arxive export 'tag:thesis' --format csljson -o thesis.json
              arxive export 'tag:thesis' --format ris -o thesis.ris
              arxive export 'is:starred OR tag:to-read' --format obsidian -o ~/vault/arxiv
              arxive export --format jsonl | jq -r .title
              arxive export 'tag:to-read -is:read' --format md -o reading.md
              arxive export 'date:2025-12' --format csv -o december.csv
              arxive export --format archive -o ~/arxive-2026-11.jsonl
            """
    )

    @OptionGroup var archive: ArchiveOptions

    /// The paper formats, and the whole archive.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case bibtex, csljson, ris, csv, jsonl, md, obsidian, archive
    }

    @Option(help: ArgumentHelp("bibtex, csljson, ris, csv, jsonl, md, obsidian or archive.", valueName: "format"))
    var format: Format

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write to this file, not standard output (obsidian: this folder).", valueName: "file"))
    var file: String?

    @Argument(help: "Only the papers this query finds (the language of 'arxive search').")
    var query: [String] = []

    func validate() throws {
        if format == .archive && !query.isEmpty { throw ValidationError("--format archive writes the whole archive: no query") }
        if format == .obsidian && file == nil { throw ValidationError("--format obsidian writes a folder of notes: give it with -o DIR") }
    }

    func run() throws {
        let archive = try self.archive.openExisting()
        let query = try self.query.isEmpty ? nil : QueryParser.parse(self.query.joined(separator: " "))
        if format == .obsidian { return try writeObsidian(try archive.records(matching: query)) }
        guard let paperFormat = ExportFormat(rawValue: format.rawValue) else {
            try writeArchive(archive)
            // The archive format predates the catalogue, and a snapshot is
            // gigabytes: the catalogue travels as the snapshot it came from.
            let stats = try archive.stats()
            if stats.catalogueOnly > 0 {
                Terminal.note(
                    "note: the \(stats.catalogueOnly) catalogue papers no digest listed are not in the archive file; "
                        + "import the arXiv snapshot again where you import it")
            }
            return
        }
        try OutputFile.write(PaperExport.render(try archive.records(matching: query), as: paperFormat), to: file)
    }

    /// A note per paper in the folder `-o` names; what it did on stderr.
    func writeObsidian(_ records: [PaperRecord]) throws {
        let folder = URL(fileURLWithPath: file!)
        try OutputFile.checkFolder(of: folder.path)
        let outcome: ObsidianNotes.Outcome
        do {
            outcome = try ObsidianNotes.write(records, to: folder)
        } catch {
            throw CommandError("cannot write the notes in \(folder.path): \(error.localizedDescription)")
        }
        let written = outcome.created.count + outcome.updated.count
        Terminal.note(
            "\(written) note\(written == 1 ? "" : "s") written in \(folder.path) (\(outcome.created.count) new, \(outcome.updated.count) changed), "
                + "\(outcome.unchanged.count) unchanged")
        if !outcome.leftAlone.isEmpty {
            Terminal.note(
                "note: left alone \(outcome.leftAlone.count) file\(outcome.leftAlone.count == 1 ? "" : "s") without arxive's marker line: "
                    + outcome.leftAlone.prefix(5).joined(separator: ", ") + (outcome.leftAlone.count > 5 ? ", ..." : ""))
        }
    }

    /// The whole archive, a line at a time: an archive file can be large.
    /// To a file, through a temporary beside it, so that a failed export
    /// leaves no half file.
    func writeArchive(_ archive: Archive) throws {
        guard let file else {
            return try archive.exportArchive { FileHandle.standardOutput.write(Data($0.utf8)) }
        }
        try OutputFile.checkFolder(of: file)
        let target = URL(fileURLWithPath: file)
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil), let handle = FileHandle(forWritingAtPath: partial.path) else {
            throw CommandError("cannot write \(file)")
        }
        do {
            try archive.exportArchive { handle.write(Data($0.utf8)) }
            try handle.close()
            _ = try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: partial, to: target)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }
}
