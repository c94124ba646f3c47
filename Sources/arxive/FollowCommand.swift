import ArgumentParser
import ArxiveKit
import Foundation

struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "follow",
        abstract: "Follow an author: 'arxive matches' finds their papers across the whole history.",
        discussion: """
            A rule matches the names a paper lists exactly or compatibly ("Y. Bengio" for \
            "Yoshua Bengio"), never someone who only shares the surname. Following a name \
            again merges into its rule. --from reads the upstream authors.txt (Name, \
            SemanticScholarId per line, # comments); lines naming one person compatibly \
            become one rule.

            Examples:
              arxive follow "Yoshua Bengio" --except "Emmanuel Bengio"
              arxive follow "Marcel R{\\o}d" --id 2117567142 --note "lattice models"
              arxive follow --from ~/gpt_paper_assistant/configs/authors.txt
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .customLong("id"), help: "The author's Semantic Scholar id (kept with the rule).")
    var semanticScholarID: String?

    @Option(help: "A note kept with the rule.")
    var note: String?

    @Option(name: .customLong("except"), parsing: .singleValue, help: ArgumentHelp("A namesake the rule must not match (repeatable).", valueName: "name"))
    var exceptions: [String] = []

    @Option(help: ArgumentHelp("Read rules from an authors.txt file.", valueName: "file"))
    var from: String?

    @Argument(help: "The author's name.")
    var name: [String] = []

    func validate() throws {
        if from == nil && name.isEmpty { throw ValidationError("give a name, or --from FILE") }
        if from != nil && !name.isEmpty { throw ValidationError("give a name or --from FILE, not both") }
        if !name.isEmpty && PersonName.key(for: name.joined(separator: " ")).isEmpty { throw ValidationError("give a name with letters in it") }
        if let blank = exceptions.first(where: { PersonName.key(for: $0).isEmpty }) {
            throw ValidationError("--except '\(blank)': give a name with letters in it")
        }
        if let id = semanticScholarID, id.isEmpty || !id.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ValidationError("--id '\(id)' is not a Semantic Scholar id (digits)")
        }
    }

    func run() throws {
        let requests: [FollowRequest]
        if let from {
            let text: String
            do { text = try String(contentsOfFile: from, encoding: .utf8) } catch {
                throw CommandError("cannot read \(from): \(error.localizedDescription)")
            }
            do { requests = try AuthorsFile.read(text) } catch {
                throw CommandError("\(from): \(error.description)")
            }
        } else {
            requests = [
                FollowRequest(
                    name: name.joined(separator: " "), semanticScholarIDs: semanticScholarID.map { [$0] } ?? [],
                    note: note, exceptions: exceptions)
            ]
        }
        let outcomes = try archive.openOrCreate().follow(requests)
        let added = outcomes.filter { $0 == .added }.count
        Terminal.note("Following: \(added) added, \(outcomes.count - added) updated.")
    }
}

struct UnfollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "unfollow",
        abstract: "Stop following an author.",
        discussion: """
            Examples:
              arxive unfollow "Yoshua Bengio"
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "The author's name, as followed (or a compatible spelling).")
    var name: [String]

    func run() throws {
        let fullName = name.joined(separator: " ")
        guard let removed = try archive.openExisting().unfollow(fullName) else {
            throw CommandError("not following '\(fullName)' (see arxive following)")
        }
        Terminal.note("No longer following \(removed).")
    }
}

struct FollowingCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "following",
        abstract: "The followed authors, each with its number of papers and the last day one was listed.",
        discussion: """
            Examples:
              arxive following
              arxive following --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(try archive.openExisting().following()) { FollowRenderer.rules($0, style: $1) }
    }
}
