import ArgumentParser
import ArxiveKit

struct SaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "save",
        abstract: "Save a search under a name: q:NAME inside any query.",
        discussion: """
            Examples:
              arxive save moe 'ti:"mixture of experts" OR ti:moe'
              arxive search 'q:moe rel:>=8 date:2025-12'
            """
    )
    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The name.") var name: String
    @Argument(help: "The query (the language of 'arxive search').") var query: [String]

    func validate() throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ValidationError("a saved search's name is letters, digits, - and _")
        }
    }

    func run() throws {
        try archive.openOrCreate().saveSearch(name, query: query.joined(separator: " "))
        Terminal.note("Saved '\(name)': use q:\(name) in any query.")
    }
}

struct SavedCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "saved",
        abstract: "The saved searches, each with the number of papers it finds now.",
        discussion: "Examples:\n  arxive saved\n  arxive saved --json"
    )
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(try archive.openExisting().savedSearches()) { MarksRenderer.savedSearches($0, style: $1) }
    }
}

struct UnsaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "unsave", abstract: "Delete a saved search.",
        discussion: "Examples:\n  arxive unsave moe")
    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The name.") var name: String
    func run() throws { try archive.openExisting().deleteSavedSearch(name) }
}
