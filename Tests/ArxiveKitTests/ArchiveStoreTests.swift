import ArxiveKit
import Foundation
import GRDB
import Testing

@Suite("Archive: storing digests")
struct ArchiveStoreTests {
    func digest(_ date: String?, format: Digest.Format = .markdown, _ papers: [DigestPaper], model: String? = "m") -> Digest {
        var header = RunHeader()
        header.model = model
        return Digest(format: format, date: date, header: format == .json ? nil : header, papers: papers)
    }

    func paper(_ id: String, title: String = "A title", comment: String = "c", relevance: Int = 8, authors: [String] = ["Ann Lee"]) -> DigestPaper {
        DigestPaper(
            arxivID: id, title: title, authors: authors, abstract: "An abstract about \(title).",
            relevance: relevance, novelty: 5, score: Double(relevance + 5), comment: comment)
    }

    func request(_ d: Digest, date: String? = nil, path: String, sha: String) -> StoreRequest {
        StoreRequest(digest: d, digestName: "daily", date: date ?? d.date, source: DigestSource(path: path, sha256: sha))
    }

    @Test("Every fixture imports; a second import changes nothing")
    func fixturesTwice() throws {
        let archive = try fixtureArchive()
        let before = try archive.stats()
        #expect((before.papers, before.runs, before.verdicts, before.digests) == (9, 9, 14, 2))
        #expect((before.firstDate, before.lastDate) == ("2025-01-06", "2026-08-10"))
        let again = DigestImporter(archive: archive).run(paths: ["md", "json", "page-text", "site"].map { Paths.fixture($0).path })
        #expect(again.runsAdded == 0 && again.runsUpdated == 0 && again.newPapers == 0)
        #expect(again.filesUnchanged == 13)
        #expect(try archive.stats() == before)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("A day's Markdown and JSON are one run: header from the page, verdicts from the JSON")
    func markdownAndJSON() throws {
        let archive = try fixtureArchive()
        let day = try #require(try archive.day(Day("2025-12-01")!).first)
        #expect(day.run.model == "gpt-5" && day.run.totalTokens == 90310 && day.run.totalCost == 0.46)
        #expect(day.papers.map(\.arxivID) == ["2512.00401", "2512.00402", "2501.00101"])
        #expect(day.papers[0].verdict.authorMatch && day.papers[0].verdict.relevance == nil && day.papers[0].verdict.score == 20)
        #expect(day.papers[0].authors == ["Y. Morvan", "Emma Morvan", "François Béranger"])
    }

    @Test("A request decodes TeX names as it is made, and again when its digest changes")
    func requestNamesFollowDigest() throws {
        let archive = try Archive.inMemory()
        var changed = request(digest("2025-05-01", [paper("2505.00001", authors: [#"Ingrid Sk{\o}ld"#])]), path: "/d/a.md", sha: "1")
        changed.digest.papers[0].authors = [#"Ren{\'e}e Duval"#, #"Tomasz Nowicki"#]
        _ = try archive.store(changed)
        #expect(try archive.paper("2505.00001")?.authors == ["Renée Duval", "Tomasz Nowicki"])
    }

    @Test("A paper keeps the text of its latest day; every verdict is kept")
    func latestTextWins() throws {
        let archive = try fixtureArchive()
        let p = try #require(try archive.paper("2501.00101"))
        #expect(p.title == "Sparse Routing for Lattice Transformers, Revised")
        #expect(p.authors == ["Ingrid Skøld", "Renée Duval", "Tomasz Nowicki"])
        #expect(p.verdicts.map(\.date) == ["2025-01-06", "2025-12-01"])
        #expect(p.verdicts.map(\.verdict.relevance) == [10, 8])
    }

    @Test("A JSON file without a date joins the run that lists exactly its papers")
    func undatedJSONPairs() throws {
        let archive = try fixtureArchive()
        let runs = try archive.runs(digest: "upstream")
        #expect(runs.map(\.date) == ["2026-08-10"])
        #expect(runs[0].listed == 2)
        let upstream = try #require(try archive.day(Day("2026-08-10")!).first)
        // The verdicts are the JSON's (it carries the categories), the header the Markdown's.
        #expect(upstream.papers.map(\.verdict.relevance) == [8, 4])
    }

    @Test("Unmatched undated JSON fails and leaves nothing behind")
    func undatedJSONFails() throws {
        let archive = try Archive.inMemory()
        #expect(throws: StoreError.undatedJSON) {
            try archive.store(request(digest(nil, format: .json, [paper("2599.00001")]), path: "/x/output.json", sha: "s"))
        }
        #expect(try archive.stats().papers == 0)
    }

    @Test("A changed file updates its run; a paper it no longer lists goes when nothing else lists it")
    func changedFile() throws {
        let archive = try Archive.inMemory()
        _ = try archive.store(request(digest("2025-05-01", [paper("2505.00001"), paper("2505.00002")]), path: "/d/a.md", sha: "1"))
        let outcome = try archive.store(request(digest("2025-05-01", [paper("2505.00001", comment: "new view")]), path: "/d/a.md", sha: "2"))
        #expect(outcome.change == .runUpdated && outcome.runVerdicts == 1)
        #expect(try archive.paper("2505.00002") == nil)
        #expect(try archive.search(parse("comment:view")).map(\.arxivID) == ["2505.00001"])
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("Re-importing a file skips it by path and content; an edit, another digest or --date imports it")
    func reimportShortcut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-reimport-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("2025-02-03-output.md")
        let original = try Paths.text("md/2025-02-03-output.md")
        try original.write(to: file, atomically: true, encoding: .utf8)
        let archive = try Archive.inMemory()
        func importFile(_ options: DigestImporter.Options = .init()) -> DigestImporter.Report {
            DigestImporter(archive: archive, options: options).run(paths: [folder.path])
        }
        #expect(importFile().runsAdded == 1)
        let again = importFile()
        #expect((again.filesRead, again.filesUnchanged, again.runsUpdated) == (1, 1, 0))
        try original.replacingOccurrences(of: "the compression criterion", with: "the pruning criterion")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(importFile().runsUpdated == 1)
        #expect(try archive.search(parse("comment:pruning")).count == 1)
        #expect(importFile(.init(digestName: "other")).runsAdded == 1)
        // With --date the file's own date still wins for a dated page: the run is the same, the content too.
        #expect(importFile(.init(date: "2025-02-03")).filesUnchanged == 1)
    }

    @Test("A day's Markdown read without its papers still gives them when its JSON fails or comes after it")
    func markdownPapersWhenJSONMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-pair-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let page = try Paths.text("md/2025-12-01-output.md")
        let markdownPapers = try #require(try SourceReader.read(Data(page.utf8)).digest).papers.map(\.arxivID)
        #expect(markdownPapers.count == 3)

        // The JSON of the day is broken: the page's own papers make the run.
        try page.write(to: folder.appendingPathComponent("a/2025-12-01-output.md"), atomically: true, encoding: .utf8)
        try "{ \"2512.00401\": ".write(to: folder.appendingPathComponent("a/2025-12-01-output.json"), atomically: true, encoding: .utf8)
        let broken = try Archive.inMemory()
        let report = DigestImporter(archive: broken).run(paths: [folder.appendingPathComponent("a").path])
        #expect(report.failures.count == 1 && report.runsAdded == 1)
        #expect(try broken.day(Day("2025-12-01")!).first?.papers.map(\.arxivID) == markdownPapers)

        // Its papers' section broken too: the page's failure names its line.
        let badPage = page.replacingOccurrences(of: "**ArXiv ID:** 2512.00402", with: "**ArXiv ID:** 25x2.00402")
        try badPage.write(to: folder.appendingPathComponent("a/2025-12-01-output.md"), atomically: true, encoding: .utf8)
        let worse = DigestImporter(archive: try Archive.inMemory()).run(paths: [folder.appendingPathComponent("a").path])
        let pageFailure = worse.failures.first { $0.path.hasSuffix(".md") }?.reason
        #expect(
            pageFailure?.hasPrefix("not imported: line ") == true && pageFailure?.contains("'25x2.00402' is not an arXiv id") == true,
            "\(pageFailure ?? "no failure")")
        try page.write(to: folder.appendingPathComponent("a/2025-12-01-output.md"), atomically: true, encoding: .utf8)

        // The page comes first (a/ before b/): it is stored with its papers, then the JSON's verdicts replace them.
        try Paths.text("json/2025-12-01-output.json").write(
            to: folder.appendingPathComponent("b/2025-12-01-output.json"),
            atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a/2025-12-01-output.json"))
        let ordered = try Archive.inMemory()
        let both = DigestImporter(archive: ordered).run(paths: [folder.path])
        #expect(both.failures.isEmpty && both.runsAdded == 1 && both.runsUpdated == 1)
        let day = try #require(try ordered.day(Day("2025-12-01")!).first)
        #expect(day.papers.map(\.arxivID) == ["2512.00401", "2512.00402", "2501.00101"])
        #expect(day.papers[0].verdict.authorMatch && day.run.model == "gpt-5")
    }

    @Test("A page of a day in skippingPapersOn is read for its header only")
    func headerOnlyPage() throws {
        let page = Data(try Paths.text("md/2025-12-01-output.md").utf8)
        let full = try #require(try SourceReader.read(page).digest)
        let headerOnly = try #require(try SourceReader.read(page, skippingPapersOn: ["2025-12-01"]).digest)
        #expect(headerOnly.papers.isEmpty && !full.papers.isEmpty)
        #expect(headerOnly.header == full.header && headerOnly.date == full.date)
        #expect(try SourceReader.read(page, skippingPapersOn: ["2025-12-02"]).digest?.papers == full.papers)
    }

    @Test("First and last seen and the latest verdict follow every day a paper is listed, in any import order")
    func derivedColumns() throws {
        let archive = try Archive.inMemory()
        let days = ["2025-05-03", "2025-05-01", "2025-05-02"]
        // One group, out of order, then a later group that drops the last day.
        _ = try archive.store(
            days.enumerated().map { i, day in
                request(digest(day, [paper("2505.00001", comment: "seen \(day)", relevance: 5 + i)]), path: "/d/\(day).md", sha: day)
            })
        var hit = try #require(try archive.search(parse("id:2505.00001")).first)
        #expect((hit.firstSeen, hit.lastSeen, hit.verdict.relevance) == ("2025-05-01", "2025-05-03", 5))
        _ = try archive.store(request(digest("2025-05-03", [paper("2505.00002")]), path: "/d/2025-05-03.md", sha: "changed"))
        hit = try #require(try archive.search(parse("id:2505.00001")).first)
        #expect((hit.firstSeen, hit.lastSeen, hit.verdict.relevance) == ("2025-05-01", "2025-05-02", 7))
    }

    @Test("The papers index is declared where Datasette and sqlite-utils look for it, and answers like arxive")
    func searchToolsFindTheIndex() throws {
        let archive = try fixtureArchive()
        // The query both tools run (sqlite-utils' Table.detect_fts, Datasette's detect_fts).
        let found = try archive.withDatabaseForTesting { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE rootpage = 0
                    AND (sql LIKE '%VIRTUAL TABLE%USING FTS%content="papers"%' OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[papers]%'
                         OR (tbl_name = 'papers' AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))
                    """)
        }
        #expect(found == ["papers_fts"])
        // What Datasette's search box runs for a plain word.
        let theirs = try archive.withDatabaseForTesting { db in
            try String.fetchAll(
                db, sql: "SELECT arxiv_id FROM papers WHERE rowid IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)",
                arguments: ["kernel"])
        }
        #expect(Set(theirs) == Set(try archive.search(parse("kernel"), limit: 100).map(\.arxivID)))
    }

    @Test("One bad file in a group is rolled back alone")
    func groupIsolation() throws {
        let archive = try Archive.inMemory()
        let good = request(digest("2025-05-01", [paper("2505.00001", title: "Good routing")]), path: "/d/good.md", sha: "g")
        let bad = request(digest(nil, format: .json, [paper("2505.00009", title: "Orphan routing")]), path: "/d/bad.json", sha: "b")
        let alsoGood = request(digest("2025-05-02", [paper("2505.00002", title: "Other routing")]), path: "/d/good2.md", sha: "g2")
        let results = try archive.store([good, bad, alsoGood])
        #expect(results.map { (try? $0.get()) != nil } == [true, false, true])
        #expect(try archive.stats().papers == 2)
        #expect(try archive.search(parse("routing")).count == 2)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("A file that fails halfway, after writing rows, leaves nothing behind; the rest of its group is kept")
    func failureMidFile() throws {
        let archive = try Archive.inMemory()
        // A failure SQLite raises after the file's run, paper and authors are written:
        // the group is stored without a savepoint per file, so this takes the slow path.
        try archive.withDatabaseForTesting { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER fail_on_comment BEFORE INSERT ON main.verdicts WHEN new.comment = 'explode'
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """)
        }
        let first = request(digest("2025-05-01", [paper("2505.00001", title: "First routing", authors: ["Ann Lee"])]), path: "/d/1.md", sha: "1")
        let bad = request(
            digest(
                "2025-05-02",
                [
                    paper("2505.00002", title: "Second routing", authors: ["Bo Tran"]),
                    paper("2505.00003", title: "Third routing", comment: "explode", authors: ["Cy Dahl"]),
                ]),
            path: "/d/2.md", sha: "2")
        let last = request(digest("2025-05-03", [paper("2505.00004", title: "Fourth routing", authors: ["Ann Lee", "Di Roe"])]), path: "/d/3.md", sha: "3")
        let results = try archive.store([first, bad, last])
        #expect(results.map { (try? $0.get()) != nil } == [true, false, true])
        let stats = try archive.stats()
        #expect((stats.papers, stats.runs, stats.verdicts, stats.authors) == (2, 2, 2, 2))
        #expect(Set(try archive.search(parse("routing")).map(\.arxivID)) == ["2505.00001", "2505.00004"])
        #expect(try archive.runs().map(\.date) == ["2025-05-01", "2025-05-03"])
        #expect(try archive.papers(byAuthor: "Bo Tran").papers.isEmpty)
        #expect(try archive.papers(byAuthor: "Ann Lee").papers.count == 2)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("Within one group, a paper whose authors change and a paper dropped again leave exactly the right author links")
    func authorLinksWithinGroup() throws {
        let archive = try Archive.inMemory()
        let day1 = request(
            digest(
                "2025-05-01",
                [
                    paper("2505.00001", title: "Early routing", authors: ["Ann Lee", "Bo Tran"]),
                    paper("2505.00002", title: "Dropped routing", authors: ["Cy Dahl"]),
                ]),
            path: "/d/1.md", sha: "1")
        let day2 = request(digest("2025-05-02", [paper("2505.00001", title: "Later routing", authors: ["Di Roe"])]), path: "/d/2.md", sha: "2")
        // Day 1's file, edited: it no longer lists the second paper, which no other run lists.
        let day1Edited = request(
            digest("2025-05-01", [paper("2505.00001", title: "Early routing", authors: ["Ann Lee", "Bo Tran"])]),
            path: "/d/1.md", sha: "1b")
        let results = try archive.store([day1, day2, day1Edited])
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(try archive.paper("2505.00001")?.authors == ["Di Roe"])
        #expect(try archive.paper("2505.00002") == nil)
        #expect(try archive.papers(byAuthor: "Di Roe").papers.map(\.arxivID) == ["2505.00001"])
        #expect(try archive.papers(byAuthor: "Ann Lee").papers.isEmpty)
        #expect(try archive.papers(byAuthor: "Cy Dahl").papers.isEmpty)
        let links = try archive.withDatabaseForTesting { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM paper_authors") }
        #expect(links == 1)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("A paper dropped within a group frees its id for the next new paper; the index stays exact")
    func droppedPaperIDReused() throws {
        // SQLite gives a new row the largest id plus one: the id of the
        // newest paper, once that paper is dropped.
        let archive = try Archive.inMemory()
        let day1 = request(
            digest("2025-05-01", [paper("2505.00001", title: "Kept lattice"), paper("2505.00002", title: "Dropped lattice")]),
            path: "/d/1.md", sha: "1")
        let day1Edited = request(digest("2025-05-01", [paper("2505.00001", title: "Kept lattice")]), path: "/d/1.md", sha: "1b")
        let day2 = request(digest("2025-05-02", [paper("2505.00003", title: "Fresh lattice")]), path: "/d/2.md", sha: "2")
        let results = try archive.store([day1, day1Edited, day2])
        #expect(results.allSatisfy { (try? $0.get()) != nil }, "\(results)")
        #expect(try archive.search(parse("ti:fresh")).map(\.arxivID) == ["2505.00003"])
        #expect(try archive.search(parse("ti:dropped")).isEmpty)
        #expect(try archive.integrityProblems().isEmpty)

        // The same across groups: a paper indexed before the group is
        // dropped, and a new paper of the very same text takes its id.
        let day3 = request(digest("2025-05-03", [paper("2505.00004", title: "Twin lattice")]), path: "/d/3.md", sha: "3")
        _ = try archive.store(day3)
        let day3Edited = request(digest("2025-05-03", []), path: "/d/3.md", sha: "3b")
        let day4 = request(digest("2025-05-04", [paper("2505.00005", title: "Twin lattice")]), path: "/d/4.md", sha: "4")
        let later = try archive.store([day3Edited, day4])
        #expect(later.allSatisfy { (try? $0.get()) != nil }, "\(later)")
        #expect(try archive.search(parse("ti:twin")).map(\.arxivID) == ["2505.00005"])
        #expect(try archive.integrityProblems().isEmpty)
        try expectIndexAsRebuilt(archive, matching: "twin OR kept")
    }

    @Test("An import leaves FTS5's hashsize at its default in the file")
    func hashsizeRestored() throws {
        let archive = try fixtureArchive()
        let stored = try archive.withDatabaseForTesting { db in
            try Int.fetchOne(db, sql: "SELECT v FROM papers_fts_config WHERE k = 'hashsize'")
        }
        #expect(stored == nil || stored == 1_048_576)
    }

    @Test("The index follows every change: re-titled, re-commented and dropped papers")
    func indexInStep() throws {
        let archive = try Archive.inMemory()
        _ = try archive.store(request(digest("2025-05-01", [paper("2505.00001", title: "Alpha lattice")]), path: "/a", sha: "1"))
        _ = try archive.store(request(digest("2025-05-03", [paper("2505.00001", title: "Beta lattice", comment: "gamma")]), path: "/b", sha: "2"))
        // An older day does not overwrite the newer text.
        _ = try archive.store(request(digest("2025-04-01", [paper("2505.00001", title: "Old lattice")]), path: "/c", sha: "3"))
        #expect(try archive.search(parse("ti:alpha")).isEmpty)
        #expect(try archive.search(parse("ti:old")).isEmpty)
        #expect(try archive.search(parse("ti:beta")).map(\.arxivID) == ["2505.00001"])
        #expect(try archive.search(parse("comment:gamma")).count == 1)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("Writers other than arxive keep the index in step through the triggers")
    func triggersForOtherWriters() throws {
        let archive = try fixtureArchive()
        try archive.withDatabaseForTesting { db in
            try db.execute(sql: "UPDATE papers SET title = 'Zebra stripes' WHERE arxiv_id = '2604.00501'")
            try db.execute(sql: "INSERT INTO authors (name, key) VALUES ('Quillon Brastow', 'quillon brastow')")
        }
        #expect(try archive.search(parse("ti:zebra")).map(\.arxivID) == ["2604.00501"])
        let named = try archive.withDatabaseForTesting { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM authors_fts WHERE authors_fts MATCH 'quillon'")
        }
        #expect(named == 1)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test(
        "The FTS triggers an import drops inside its transaction are back after it, also when a file of the group failed; a user's own trigger stays and fires")
    func triggersBackAfterImport() throws {
        let archive = try Archive.inMemory()
        try archive.withDatabaseForTesting { db in
            try db.execute(
                sql: """
                    CREATE TABLE my_log (arxiv_id TEXT);
                    CREATE TRIGGER my_papers_ai AFTER INSERT ON papers BEGIN INSERT INTO my_log VALUES (new.arxiv_id); END;
                    """)
        }
        let good = request(digest("2025-05-01", [paper("2505.00001")]), path: "/d/good.md", sha: "g")
        let bad = request(digest(nil, format: .json, [paper("2505.00009")]), path: "/d/bad.json", sha: "b")
        _ = try archive.store([good, bad])
        let triggers = try archive.withDatabaseForTesting { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('papers', 'authors') ORDER BY name")
        }
        #expect(
            triggers == ["authors_ad", "authors_ai", "authors_au", "my_papers_ai", "papers_ad", "papers_ai", "papers_au", "papers_text_changed_vector"])
        let logged = try archive.withDatabaseForTesting { db in try String.fetchAll(db, sql: "SELECT arxiv_id FROM my_log") }
        #expect(logged == ["2505.00001"])
    }

    @Test("The integrity check names a row that refers to one that is gone")
    func integrityCheckFindsDanglingRows() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-dangling-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        #expect(try Archive(path: path).integrityProblems().isEmpty)
        // What a writer with foreign-key checks off could leave: a link to no paper.
        var config = Configuration()
        config.foreignKeysEnabled = false
        try DatabaseQueue(path: path, configuration: config).write { db in
            try db.execute(sql: "INSERT INTO authors (id, name, key) VALUES (1, 'Ana Ruiz', 'ana ruiz')")
            try db.execute(sql: "INSERT INTO paper_authors (paper_id, position, author_id) VALUES (42, 1, 1)")
        }
        let problems = try Archive(path: path).integrityProblems()
        #expect(problems == ["paper_authors row (without rowid) refers to a missing papers row"], "\(problems)")
    }
}
