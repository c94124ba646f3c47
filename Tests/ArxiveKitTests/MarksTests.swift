import ArxiveKit
import Foundation
import GRDB
import Testing

@Suite("Marks and saved searches")
struct MarksTests {
    func ids(_ archive: Archive, _ query: String) throws -> [String] {
        try archive.search(parse(query), order: .date, limit: 100).map(\.arxivID).sorted()
    }

    @Test("star, tag, note and read are searchable with is:, tag: and note:, and undo cleanly")
    func marksInQueries() throws {
        let archive = try fixtureArchive()
        try archive.mark("2512.00401", .star(true))
        try archive.mark("2512.00401v3", .addTags(["moe", "to-read"]))
        try archive.mark("2501.00101", .addTags(["To-Read"]))
        try archive.mark("2501.00101", .note("Revisit the routing ablations against the wind tunnel setup."))
        try archive.mark("2502.00201", .read(true))
        #expect(try ids(archive, "is:starred") == ["2512.00401"])
        #expect(try ids(archive, "tag:to-read") == ["2501.00101", "2512.00401"], "tags compare without case")
        #expect(try ids(archive, "note:ablation") == ["2501.00101"], "notes are stemmed like the rest")
        #expect(try ids(archive, "note:\"wind tunnel\" ti:routing") == ["2501.00101"])
        #expect(try ids(archive, "is:read") == ["2502.00201"])
        #expect(!(try ids(archive, "is:unread")).contains("2502.00201"))
        #expect(try ids(archive, "is:starred OR tag:moe -ti:pruning").isEmpty)
        #expect(try archive.marks(of: "2512.00401") == PaperMarks(starred: true, tags: ["moe", "to-read"]))
        #expect(try archive.paper("2501.00101")?.marks.note == "Revisit the routing ablations against the wind tunnel setup.")

        try archive.mark("2512.00401", .star(false))
        try archive.mark("2512.00401", .removeTags(["MOE"]))
        try archive.mark("2501.00101", .note("  "))
        try archive.mark("2502.00201", .read(false))
        #expect(try ids(archive, "is:starred").isEmpty)
        #expect(try archive.marks(of: "2512.00401").tags == ["to-read"])
        #expect(try ids(archive, "note:ablation").isEmpty)
        #expect(try ids(archive, "is:read").isEmpty)
        #expect(throws: MarkError.noPaper("2599.00001")) { try archive.mark("2599.00001", .star(true)) }
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("dismiss is found by is:dismissed; a star and a dismissal exclude each other")
    func dismissals() throws {
        let archive = try fixtureArchive()
        try archive.mark("2512.00401", .star(true))
        try archive.mark("2512.00401", .dismiss(true))
        try archive.mark("2501.00101", .dismiss(true))
        #expect(try ids(archive, "is:dismissed") == ["2501.00101", "2512.00401"])
        #expect(try ids(archive, "is:starred").isEmpty, "dismissing removed the star")
        #expect(try archive.marks(of: "2512.00401").dismissedAt != nil)
        try archive.mark("2501.00101", .star(true))
        #expect(try ids(archive, "is:dismissed") == ["2512.00401"], "starring removed the dismissal")
        #expect(try ids(archive, "is:starred") == ["2501.00101"])
        try archive.mark("2512.00401", .dismiss(false))
        #expect(try ids(archive, "is:dismissed").isEmpty)
        #expect(try archive.marks(of: "2512.00401") == PaperMarks())
        #expect(try !ids(archive, "-is:dismissed").isEmpty)
    }

    @Test("Marks survive re-importing every digest, and a paper dropped and imported again")
    func marksSurviveImports() throws {
        let archive = try Archive.inMemory()
        let first = StoreRequest(
            digest: Digest(
                format: .markdown, date: "2025-05-01", header: RunHeader(),
                papers: [
                    DigestPaper(arxivID: "2505.00001", title: "Kept", authors: ["Ann Lee"], abstract: "a", relevance: 8, novelty: 5, score: 13, comment: "c"),
                    DigestPaper(
                        arxivID: "2505.00002", title: "Dropped", authors: ["Bo Chen"], abstract: "b", relevance: 8, novelty: 5, score: 13, comment: "c"),
                ]), digestName: "daily", date: "2025-05-01", source: DigestSource(path: "/d/a.md", sha256: "1"))
        _ = try archive.store(first)
        try archive.mark("2505.00002", .star(true))
        try archive.mark("2505.00002", .addTags(["keep"]))
        var second = first
        second.digest.papers.removeLast()
        second.source.sha256 = "2"
        _ = try archive.store(second)
        #expect(try archive.paper("2505.00002") == nil, "no listing holds it any more")
        _ = try archive.store(first)
        #expect(try archive.marks(of: "2505.00002") == PaperMarks(starred: true, tags: ["keep"]))
        #expect(try ids(archive, "is:starred tag:keep") == ["2505.00002"])

        let fixtures = try fixtureArchive()
        try fixtures.mark("2501.00101", .star(true))
        expectClean(DigestImporter(archive: fixtures).run(paths: ["md", "json", "page-text", "site"].map { Paths.fixture($0).path }))
        #expect(try fixtures.marks(of: "2501.00101").starred)
    }

    @Test("Marks survive a later migration of the schema")
    func marksSurviveMigration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-migrate-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("archive.sqlite").path
        do {
            let archive = try Archive(path: path)
            expectClean(DigestImporter(archive: archive).run(paths: [Paths.fixture("md").path]))
            try archive.mark("2512.00401", .star(true))
            try archive.mark("2512.00401", .addTags(["moe"]))
            try archive.mark("2512.00401", .note("kernel view"))
            try archive.saveSearch("moe", query: "ti:experts")
        }
        // A later version rebuilds the marks table with a new column, as a real migration would.
        let later = Archive.migrator(adding: [
            (
                "999_later",
                """
                CREATE TABLE marks_new (id INTEGER PRIMARY KEY, arxiv_id TEXT NOT NULL UNIQUE, starred INTEGER NOT NULL DEFAULT 0,
                                        read_at TEXT, note TEXT, updated_at TEXT NOT NULL, dismissed_at TEXT, colour TEXT);
                INSERT INTO marks_new (id, arxiv_id, starred, read_at, note, updated_at, dismissed_at)
                    SELECT id, arxiv_id, starred, read_at, note, updated_at, dismissed_at FROM marks;
                DROP TABLE marks;
                ALTER TABLE marks_new RENAME TO marks;
                CREATE TRIGGER marks_ai AFTER INSERT ON marks BEGIN
                    INSERT INTO notes_fts(rowid, note) VALUES (new.id, coalesce(new.note, ''));
                END;
                CREATE TRIGGER marks_ad AFTER DELETE ON marks BEGIN
                    INSERT INTO notes_fts(notes_fts, rowid, note) VALUES ('delete', old.id, coalesce(old.note, ''));
                END;
                CREATE TRIGGER marks_au AFTER UPDATE OF note ON marks BEGIN
                    INSERT INTO notes_fts(notes_fts, rowid, note) VALUES ('delete', old.id, coalesce(old.note, ''));
                    INSERT INTO notes_fts(rowid, note) VALUES (new.id, coalesce(new.note, ''));
                END;
                """
            )
        ])
        let queue = try DatabaseQueue(path: path)
        try later.migrate(queue)
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }.last == "999_later")
        try queue.close()
        let archive = try Archive(path: path)
        #expect(try archive.marks(of: "2512.00401") == PaperMarks(starred: true, note: "kernel view", tags: ["moe"]))
        #expect(try ids(archive, "note:kernel is:starred q:moe") == ["2512.00401"])
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("Saved searches: q:NAME anywhere, nested; counts; loops, unknown names and bad queries are errors")
    func savedSearches() throws {
        let archive = try fixtureArchive()
        try archive.saveSearch("kernels", query: "ti:kernel*")
        try archive.saveSearch("either", query: "q:kernels OR ti:pruning")
        let kernels = try ids(archive, "ti:kernel*")
        #expect(!kernels.isEmpty)
        #expect(try ids(archive, "q:kernels") == kernels)
        #expect(try ids(archive, "q:either") == (try ids(archive, "ti:kernel* OR ti:pruning")))
        #expect(try ids(archive, "q:either date:2025-12") == (try ids(archive, "(ti:kernel* OR ti:pruning) date:2025-12")))
        #expect(try archive.savedSearches().map(\.papers) == [(try ids(archive, "q:either")).count, kernels.count])
        try archive.saveSearch("a", query: "q:b")
        try archive.saveSearch("b", query: "attention q:a")
        let loop = #expect(throws: QueryError.self) { try archive.search(parse("q:a")) }
        #expect(loop?.message == "saved search 'a' refers to itself (a -> b -> a)")
        let unknown = #expect(throws: QueryError.self) { try archive.search(parse("q:zzz")) }
        #expect(unknown?.message == "no saved search named 'zzz' (arxive saved lists them)")
        #expect(throws: QueryError.self) { try archive.saveSearch("bad", query: "ti:(") }
        try archive.deleteSavedSearch("a")
        #expect(throws: MarkError.noSavedSearch("a")) { try archive.deleteSavedSearch("a") }
    }
}
