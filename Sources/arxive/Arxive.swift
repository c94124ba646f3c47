import ArgumentParser
import ArxiveKit

struct Arxive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arxive",
        abstract: "A local-first archive of daily arXiv paper digests, with full-text search.",
        discussion: """
            Import the pages, Markdown and JSON your paper-digest tool writes every day, \
            then search them offline. The archive is one SQLite file: --db PATH, else \
            $ARXIVE_DB, else $XDG_DATA_HOME/arxive/archive.sqlite.

            Start with:  arxive import ~/gpt_paper_assistant/out
            Then:        arxive search 'mixture of experts rel:>=8'
            """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(
                name: "Import and export",
                subcommands: [
                    ImportCommand.self, ExportCommand.self, BackupCommand.self,
                ]),
            CommandGroup(
                name: "Searching and browsing",
                subcommands: [
                    SearchCommand.self, EmbedCommand.self, ModelCommand.self, AuthorCommand.self, AuthorsCommand.self, SimilarCommand.self,
                    DayCommand.self, ShowCommand.self, RunsCommand.self, StatsCommand.self,
                ]),
            CommandGroup(
                name: "Following",
                subcommands: [
                    FollowCommand.self, UnfollowCommand.self, FollowingCommand.self, MatchesCommand.self, FeedCommand.self,
                ]),
            CommandGroup(
                name: "Reports",
                subcommands: [
                    RankCommand.self, RecommendCommand.self, TrendsCommand.self, ReportCommand.self, SiteCommand.self, HotCommand.self,
                ]),
            CommandGroup(
                name: "Marks",
                subcommands: [
                    StarCommand.self, UnstarCommand.self, DismissCommand.self, UndismissCommand.self, TagCommand.self, UntagCommand.self, NoteCommand.self,
                    ReadCommand.self, UnreadCommand.self, SaveCommand.self, SavedCommand.self, UnsaveCommand.self,
                    MuteCommand.self, MutesCommand.self, UnmuteCommand.self,
                ]),
        ]
    )
}
