import ArgumentParser
import ArxiveKit
import Foundation

/// The arXiv ids a mark command takes, checked.
struct PaperIDs: ParsableArguments {
    @Argument(help: ArgumentHelp("The papers (arXiv ids, like 2512.22471 or hep-th/9901001; a version suffix is ignored).", valueName: "arxiv-id"))
    var ids: [ArxivID]

    @Flag(help: "Print each paper's marks after the change, as JSON.")
    var json = false

    /// What `--json` prints for a paper.
    struct Marked: Encodable {
        var arxivID: String
        var marks: PaperMarks
        enum CodingKeys: String, CodingKey { case arxivID = "arxiv_id", marks }
    }

    /// Applies `change` to every paper.
    func mark(_ archive: ArchiveOptions, _ change: Archive.MarkChange) throws {
        let opened = try archive.openExisting()
        for id in ids { try opened.mark(id.text, change) }
        if json { Terminal.print(try JSONOutput.string(try ids.map { Marked(arxivID: $0.text, marks: try opened.marks(of: $0.text)) })) }
    }
}

struct StarCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "star", abstract: "Star papers (find them with is:starred).",
        discussion: "Examples:\n  arxive star 2512.22471\n  arxive search 'is:starred attention'")
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var papers: PaperIDs
    func run() throws { try papers.mark(archive, .star(true)) }
}

struct UnstarCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "unstar", abstract: "Remove the star from papers.",
        discussion: "Examples:\n  arxive unstar 2512.22471")
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var papers: PaperIDs
    func run() throws { try papers.mark(archive, .star(false)) }
}

struct DismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "dismiss", abstract: "Mark papers \"not for me\" (is:dismissed; recommend learns from them).",
        discussion: """
            A dismissed paper is a negative for 'arxive recommend', as a starred one is a \
            positive: dismissing removes a star, and starring removes a dismissal.

            Examples:
              arxive dismiss 2512.22473
              arxive search 'is:dismissed date:2025-12'
            """)
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var papers: PaperIDs
    func run() throws { try papers.mark(archive, .dismiss(true)) }
}

struct UndismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "undismiss", abstract: "Take back a dismissal.",
        discussion: "Examples:\n  arxive undismiss 2512.22473")
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var papers: PaperIDs
    func run() throws { try papers.mark(archive, .dismiss(false)) }
}

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "read", abstract: "Mark papers read (is:read, is:unread).",
        discussion: "Examples:\n  arxive read 2512.22471 2512.22473\n  arxive search 'is:unread date:2025-12'")
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var papers: PaperIDs
    func run() throws { try papers.mark(archive, .read(true)) }
}

struct UnreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "unread", abstract: "Mark papers unread again.",
        discussion: "Examples:\n  arxive unread 2512.22471")
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var papers: PaperIDs
    func run() throws { try papers.mark(archive, .read(false)) }
}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "tag", abstract: "Tag a paper (find it with tag:NAME).",
        discussion: "Examples:\n  arxive tag 2512.22471 to-read bayesian\n  arxive search 'tag:to-read'")
    @OptionGroup var archive: ArchiveOptions
    @Argument(help: ArgumentHelp("The paper.", valueName: "arxiv-id")) var id: ArxivID
    @Argument(help: "One or more tags.") var tags: [String]

    func validate() throws {
        if let bad = tags.first(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
            throw ValidationError("tag '\(bad)' is empty or has spaces")
        }
    }

    func run() throws { try archive.openExisting().mark(id.text, .addTags(tags)) }
}

struct UntagCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "untag", abstract: "Remove tags from a paper.",
        discussion: "Examples:\n  arxive untag 2512.22471 to-read")
    @OptionGroup var archive: ArchiveOptions
    @Argument(help: ArgumentHelp("The paper.", valueName: "arxiv-id")) var id: ArxivID
    @Argument(help: "One or more tags.") var tags: [String]

    func run() throws { try archive.openExisting().mark(id.text, .removeTags(tags)) }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "note",
        abstract: "Write a note on a paper (searchable with note:WORD).",
        discussion: """
            With no text, opens $VISUAL or $EDITOR on the current note. An empty note \
            removes it.

            Examples:
              arxive note 2512.22471 "Compare with the Bayesian-wind-tunnel paper."
              arxive note 2512.22471
              arxive search 'note:tunnel'
            """
    )
    @OptionGroup var archive: ArchiveOptions
    @Argument(help: ArgumentHelp("The paper.", valueName: "arxiv-id")) var id: ArxivID
    @Argument(help: "The note (none: open an editor).") var text: [String] = []

    func run() throws {
        let opened = try archive.openExisting()
        let note = text.isEmpty ? try Editor.edit(try opened.marks(of: id.text).note ?? "") : text.joined(separator: " ")
        try opened.mark(id.text, .note(note))
    }
}

/// The user's editor on a temporary file.
enum Editor {
    static func edit(_ initial: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw CommandError("no note given and no $EDITOR set: write the note after the id")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-note-\(UUID()).txt")
        try initial.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Through the shell, as git does: $EDITOR may hold arguments ("code --wait").
        process.arguments = ["-c", "\(editor) \"$1\"", "arxive-editor", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandError("the editor exited with status \(process.terminationStatus); note unchanged") }
        return try String(contentsOf: file, encoding: .utf8)
    }
}
