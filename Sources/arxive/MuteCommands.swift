import ArgumentParser
import ArxiveKit

struct MuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "mute",
        abstract: "Hide what a query finds from day, search, matches, rank, recommend, feeds and reports.",
        discussion: """
            A mute is a query (the language of 'arxive search'), kept and applied every \
            time: papers that arrive later and match are hidden too. Followed authors' \
            papers stay unless --include-followed. --all on a listing shows everything \
            again; is:muted finds what the mutes hide; unmute removes one.

            Examples:
              arxive mute 'ti:benchmark abs:leaderboard' --note 'not my field'
              arxive mute 'cat:cs.CV' --include-followed
              arxive search 'is:muted' --limit 50
            """
    )
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Why (shown by 'arxive mutes').") var note: String?
    @Flag(name: .customLong("include-followed"), help: "Hide followed authors' papers too.") var includeFollowed = false
    @Argument(help: "The query (quote it in the shell).") var query: [String]

    func validate() throws {
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give a query, e.g. arxive mute 'ti:benchmark'") }
    }

    func run() throws {
        let text = query.joined(separator: " ")
        _ = try QueryParser.parse(text)  // a malformed query is exit 2, before any archive is made
        let archive = try self.archive.openOrCreate()
        let papers: Int
        do {
            papers = try archive.mute(text, note: note, includeFollowed: includeFollowed)
        } catch MuteError.mutesMuted {
            throw ValidationError(MuteError.mutesMuted.localizedDescription)
        }
        if output.json { return Terminal.print(try JSONOutput.string(try archive.mutes().first { $0.query == text })) }
        Terminal.note("Muted '\(text)': it hides \(papers) paper\(papers == 1 ? "" : "s") now (arxive unmute '\(text)' takes it back).")
    }
}

struct MutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "mutes",
        abstract: "The mutes, each with the number of papers it hides now.",
        discussion: "Examples:\n  arxive mutes\n  arxive mutes --json"
    )
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(try archive.openExisting().mutes()) { MarksRenderer.mutes($0, style: $1) }
    }
}

struct UnmuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "unmute", abstract: "Remove a mute, by its query or its number in 'arxive mutes'.",
        discussion: "Examples:\n  arxive unmute 'cat:cs.CV'\n  arxive unmute 2"
    )
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The mute's query, or its number.") var mute: [String]

    func validate() throws {
        guard !mute.isEmpty else { throw ValidationError("give the mute's query or number (arxive mutes lists them)") }
    }

    func run() throws {
        let removed = try archive.openExisting().unmute(mute.joined(separator: " "))
        if output.json { Terminal.print(try JSONOutput.string(removed)) }
    }
}

/// `--all`, on every listing a mute hides papers from.
struct MuteOptions: ParsableArguments {
    @Flag(name: .customLong("all"), help: "Show what your mutes hide too (arxive mutes lists them).")
    var showMuted = false
}
