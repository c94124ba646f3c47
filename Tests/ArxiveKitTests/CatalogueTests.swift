import ArxiveKit
import DigestGenerator
import Foundation
import GRDB
import Testing

/// The arXiv catalogue: snapshot files (plain and gzip) imported as papers
/// without verdicts, searched beside the digests, resumed after a stop.
@Suite("Catalogue")
struct CatalogueTests {
    /// A folder with a synthetic snapshot of `papers` records, plain and gzip-compressed.
    struct SnapshotFiles {
        let folder: URL
        let records: [SnapshotGenerator.Record]
        var plain: String { folder.appendingPathComponent("snapshot.json").path }
        var gzip: String { folder.appendingPathComponent("snapshot.json.gz").path }

        init(papers: Int, seed: UInt64 = 3) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-catalogue-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var generator = SnapshotGenerator(seed: seed, papers: papers, vocabulary: 2_000, peopleCount: 300)
            records = (0..<papers).map { _ in generator.next() }
            let encoder = JSONEncoder()
            let lines = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try (lines.joined(separator: "\n") + "\n").write(toFile: plain, atomically: true, encoding: .utf8)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-k", plain]
            try gzip.run()
            gzip.waitUntilExit()
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }

        /// A new in-memory archive with the plain file imported.
        func imported() throws -> Archive {
            let archive = try Archive.inMemory()
            expectClean(DigestImporter(archive: archive).run(paths: [plain]))
            return archive
        }
    }

    @Test("A plain and a gzip snapshot give the same papers, with categories, dates and every other key")
    func plainAndGzip() throws {
        let files = try SnapshotFiles(papers: 120)
        defer { files.remove() }
        var stats: [ArchiveStats] = []
        for path in [files.plain, files.gzip] {
            let archive = try Archive.inMemory()
            let report = DigestImporter(archive: archive).run(paths: [path])
            #expect(report.failures.isEmpty)
            #expect(report.catalogue.count == 1)
            #expect(report.catalogue.first?.added == 120)
            #expect(report.catalogue.first?.failed == false)
            stats.append(try archive.stats())
            let first = files.records[0]
            let hits = try archive.search(try parse("id:\(first.id)"))
            #expect(hits.count == 1)
            #expect(hits.first?.title == first.title)
            #expect(hits.first?.lastSeen == nil, "a catalogue paper was never listed")
            #expect(hits.first?.categories.joined(separator: " ") == first.categories)
            #expect(hits.first?.published != nil)
            // Shown with its own day and categories, not a day seen and a verdict it never had.
            let shown = PaperRenderer.hits(hits)
            #expect(shown.contains("published \(hits[0].published!) · \(first.categories)") && !shown.contains("last seen"))
            let json = String(decoding: try JSONEncoder().encode(hits), as: UTF8.self)
            #expect(json.contains("\"categories\":[") && json.contains("\"published\":\""))
            let stored = try archive.withDatabaseForTesting { db in
                try Row.fetchOne(db, sql: "SELECT categories, published, catalogue FROM papers WHERE arxiv_id = ?", arguments: [first.id])!
            }
            #expect(stored["categories"] as String == first.categories)
            #expect((stored["catalogue"] as String).contains("\"versions\""))
            #expect(stored["published"] as String? != nil)
            #expect(try archive.integrityProblems().isEmpty)
            // A chunk turns foreign-key checks off while it writes: they are back on after it.
            #expect(try archive.withDatabaseForTesting { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        }
        #expect(stats[0] == stats[1])
        #expect(stats[0].papers == 120 && stats[0].verdicts == 0 && stats[0].catalogueOnly == 120)
    }

    @Test("A snapshot imported again is not read again; its papers keep their ids")
    func reimport() throws {
        let files = try SnapshotFiles(papers: 40)
        defer { files.remove() }
        let archive = try files.imported()
        let again = DigestImporter(archive: archive).run(paths: [files.plain])
        #expect(again.catalogue.first?.alreadyImported == true)
        #expect(try archive.stats().papers == 40)
    }

    @Test("cat: takes a category and its subject classes; in:digest and in:catalogue split the sources")
    func categoriesAndSources() throws {
        let files = try SnapshotFiles(papers: 300)
        defer { files.remove() }
        let archive = try fixtureArchive()
        let digestPapers = try archive.stats().papers
        expectClean(DigestImporter(archive: archive).run(paths: [files.plain]))
        func ids(_ q: String) throws -> Set<String> { Set(try archive.search(try parse(q), limit: 1_000).map(\.arxivID)) }
        let truth = { (prefix: String) in
            Set(files.records.filter { $0.categories.split(separator: " ").contains { $0 == prefix || $0.hasPrefix(prefix + ".") } }.map(\.id))
        }
        #expect(try ids("cat:cs.LG") == truth("cs.LG"))
        #expect(try ids("cat:CS.lg") == truth("cs.LG"), "categories match without case")
        #expect(try ids("cat:astro-ph") == truth("astro-ph"))
        #expect(!truth("astro-ph").isEmpty)
        #expect(try ids("in:digest the").count <= digestPapers)
        #expect(try ids("in:catalogue cat:hep-th") == truth("hep-th"))
        #expect(try ids("in:digest cat:hep-th").isEmpty)
    }

    @Test("date: finds catalogue papers by their first version's day")
    func dates() throws {
        let files = try SnapshotFiles(papers: 200)
        defer { files.remove() }
        let archive = try files.imported()
        let wanted = Set(files.records.filter { $0.versions[0].created.contains(" Apr 2007 ") }.map(\.id))
        #expect(!wanted.isEmpty)
        #expect(Set(try archive.search(try parse("date:2007-04"), limit: 1_000).map(\.arxivID)) == wanted)
    }

    @Test("A paper a digest lists after the catalogue had it is the same paper, kept if the digest drops it")
    func samePaper() throws {
        let files = try SnapshotFiles(papers: 30)
        defer { files.remove() }
        let archive = try files.imported()
        let record = files.records[5]
        let digest = Digest(
            format: .json, date: "2026-01-05", header: nil,
            papers: [
                DigestPaper(
                    arxivID: record.id, title: "An invented newer title", authors: ["Ilse Keller"], abstract: "Newer text.",
                    relevance: 8, novelty: 6, score: 14, comment: "Relevant to the invented topic.")
            ])
        _ = try archive.store(
            StoreRequest(
                digest: digest, digestName: "daily", date: "2026-01-05",
                source: DigestSource(path: "/tmp/a.json", sha256: "1")))
        #expect(try archive.stats().papers == 30)
        let hit = try #require(try archive.search(try parse("in:digest id:\(record.id)")).first)
        #expect(hit.title == "An invented newer title", "the digest's day is newer than the snapshot's")
        #expect(hit.lastSeen == "2026-01-05")
        #expect(try archive.stats().catalogueOnly == 29, "a listed paper is no longer the catalogue's only")
        // The day is imported again without the paper: the catalogue keeps it.
        let empty = Digest(format: .json, date: "2026-01-05", header: nil, papers: [])
        _ = try archive.store(
            StoreRequest(
                digest: empty, digestName: "daily", date: "2026-01-05",
                source: DigestSource(path: "/tmp/a.json", sha256: "2")))
        #expect(try archive.stats().papers == 30)
        #expect(try archive.search(try parse("in:digest id:\(record.id)")).isEmpty)
        #expect(try archive.stats().catalogueOnly == 30)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("Authors are linked in their order across chunks; a paper twice in a file keeps its later record's authors")
    func authorLinks() throws {
        let files = try SnapshotFiles(papers: 60)
        defer { files.remove() }
        // The file ends with paper 10 again, updated later and with its authors reversed.
        var again = files.records[10]
        again.updateDate = "2026-02-01"
        again.authorsParsed.reverse()
        let line = String(decoding: try JSONEncoder().encode(again), as: UTF8.self)
        let handle = try #require(FileHandle(forWritingAtPath: files.plain))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()

        func keys(_ parsed: [[String]]) -> [String] {
            parsed.map { PersonName.key(for: [$0[1], $0[0], $0[2]].filter { !$0.isEmpty }.joined(separator: " ")) }
        }
        // Chunks of 7: the two records of paper 10 in different chunks; of 100: in the same one.
        for chunkSize in [7, 100] {
            let archive = try Archive.inMemory()
            let importer = DigestImporter(archive: archive, options: .init(catalogue: .init(chunkSize: chunkSize)))
            let report = try #require(importer.run(paths: [files.plain]).catalogue.first)
            #expect(report.added == 60 && report.updated == 1 && !report.failed)
            for (index, record) in files.records.enumerated() {
                let hit = try #require(try archive.search(try parse("id:\(record.id)")).first)
                let expected = index == 10 ? keys(again.authorsParsed) : keys(record.authorsParsed)
                #expect(hit.authors.map { PersonName.key(for: $0) } == expected, "paper \(index), chunks of \(chunkSize)")
            }
            #expect(try archive.integrityProblems().isEmpty)
        }
    }

    @Test("Filters alone list the papers digests listed first, then the catalogue's, newest first")
    func filtersAloneOrder() throws {
        let files = try SnapshotFiles(papers: 300)
        defer { files.remove() }
        let archive = try files.imported()
        let inHepTh = files.records.filter { $0.categories.split(separator: " ").contains("hep-th") }
        #expect(inHepTh.count > 3)
        let listed = inHepTh[1]
        let digest = Digest(
            format: .json, date: "2026-01-05", header: nil,
            papers: [
                DigestPaper(
                    arxivID: listed.id, title: listed.title, authors: ["Ilse Keller"], abstract: listed.abstract,
                    relevance: 7, novelty: 5, score: 12, comment: "An invented verdict.")
            ])
        _ = try archive.store(
            StoreRequest(
                digest: digest, digestName: "daily", date: "2026-01-05",
                source: DigestSource(path: "/tmp/a.json", sha256: "1")))
        let expected = [listed.id] + inHepTh.reversed().map(\.id).filter { $0 != listed.id }
        for order in [SearchOrder.rank, .date, .score] {
            #expect(try archive.search(try parse("cat:hep-th"), order: order, limit: 1_000).map(\.arxivID) == expected, "\(order)")
        }
        #expect(try archive.search(try parse("cat:hep-th"), limit: 2).map(\.arxivID) == Array(expected.prefix(2)))
        // With words, by date: the same order among the matches.
        let words: [String] = listed.title.split(separator: " ").map(String.init).filter { $0.allSatisfy(\.isLetter) }
        let word = try #require(words.max { $0.count < $1.count })
        let dated = try archive.search(try parse("cat:hep-th \(word)"), order: .date, limit: 1_000).map(\.arxivID)
        #expect(dated.first == listed.id)
        #expect(dated == expected.filter(dated.contains))
    }

    @Test("Ranking gives bm25's order, for one phrase (PhraseRank) and for several (bm25 itself)")
    func rankOrder() throws {
        let files = try SnapshotFiles(papers: 400)
        defer { files.remove() }
        let archive = try files.imported()
        let title = files.records[7].title.split(separator: " ").map(String.init).filter { $0.allSatisfy(\.isLetter) }
        #expect(title.count >= 3)
        let phrase = "\"\(title[0]) \(title[1])\""
        // (arxive query, the same as an FTS5 expression)
        let queries = [
            (title[2], "\"\(title[2])\""), (phrase, phrase), (String(title[2].prefix(3)) + "*", "\"\(title[2].prefix(3))\" *"),
            ("the", "\"the\""), ("\(title[0]) \(title[2])", "\"\(title[0])\" AND \"\(title[2])\""),
        ]
        // 30 hits are kept best-so-far, 150 by sorting every match (`Archive.best`).
        for (query, expression) in queries {
            for limit in [30, 150] {
                let expected = try archive.withDatabaseForTesting { db in
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT p.arxiv_id FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid
                            WHERE papers_fts MATCH ? ORDER BY bm25(papers_fts, 8.0, 1.0, 2.0), papers_fts.rowid DESC LIMIT ?
                            """, arguments: [expression, limit])
                }
                #expect(!expected.isEmpty, "\(query)")
                #expect(try archive.search(try parse(query), limit: limit).map(\.arxivID) == expected, "\(query), \(limit)")
            }
        }
        #expect(try archive.search(try parse("the"), limit: 150).count == 150)
        // One phrase is ranked from arxive_phrase_frequency; several leave it to bm25.
        let frequencies = try archive.withDatabaseForTesting { db in
            try [phrase, "\"the\" AND \"\(title[2])\""].map { expression in
                try Double?.fetchOne(
                    db, sql: "SELECT arxive_phrase_frequency(papers_fts, 8.0, 1.0, 2.0) FROM papers_fts WHERE papers_fts MATCH ? LIMIT 1",
                    arguments: [expression]) ?? nil
            }
        }
        #expect(frequencies[0] != nil && frequencies[0]! >= 8)  // the phrase is in a title
        #expect(frequencies[1] == nil)
    }

    @Test("FTS5's lengths are SQLite varints, one per column")
    func varints() {
        func total(_ bytes: [UInt8]) -> Int { bytes.withUnsafeBytes(PhraseRank.totalOfVarints) }
        #expect(total([0x05, 0x7f, 0x00]) == 132)
        #expect(total([0x81, 0x00, 0x03]) == 131)  // 128 in two bytes, then 3
        #expect(total([0x82, 0x80, 0x01]) == 32_769)
        #expect(total([]) == 0)
    }

    @Test("Bad lines are named by number and skipped; the good records are kept")
    func badLines() throws {
        let files = try SnapshotFiles(papers: 10)
        defer { files.remove() }
        var lines = try String(contentsOfFile: files.plain, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[3] = "{\"id\": \"0704.9999\", \"abstract\": \"no title here\"}"
        lines[6] = "{not json"
        let path = files.folder.appendingPathComponent("bad.json").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let archive = try Archive.inMemory()
        let report = try #require(DigestImporter(archive: archive).run(paths: [path]).catalogue.first)
        #expect(report.badLines.map(\.line) == [4, 7])
        #expect(report.added == 8)
        #expect(report.failed)
    }

    @Test("A truncated gzip stops with an error after whole chunks; the file is not marked done")
    func truncatedGzip() throws {
        let files = try SnapshotFiles(papers: 400)
        defer { files.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: files.gzip))
        let cut = files.folder.appendingPathComponent("cut.json.gz").path
        try data.prefix(data.count * 2 / 3).write(to: URL(fileURLWithPath: cut))
        let archive = try Archive.inMemory()
        let importer = DigestImporter(archive: archive, options: .init(catalogue: .init(chunkSize: 50)))
        let report = try #require(importer.run(paths: [cut]).catalogue.first)
        #expect(report.error?.contains("gzip") == true)
        let state = try #require(try archive.catalogueFileState(path: URL(fileURLWithPath: cut).standardizedFileURL.path))
        #expect(!state.finished)
        #expect(try archive.stats().papers == state.recordsDone, "every committed line is a stored paper")
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("A full disk stops an import after whole chunks and names the last line stored; run again, it resumes")
    func fullDisk() throws {
        let files = try SnapshotFiles(papers: 400)
        defer { files.remove() }
        let archive = try Archive.inMemory()
        func room(_ pages: Int?) throws {
            try archive.withDatabaseForTesting { db in
                let count = try Int.fetchOne(db, sql: "PRAGMA page_count")!
                try db.execute(sql: "PRAGMA max_page_count = \(pages.map { count + $0 } ?? 4_294_967_294)")
            }
        }
        try room(150)
        let importer = DigestImporter(archive: archive, options: .init(catalogue: .init(chunkSize: 50)))
        let stopped = try #require(importer.run(paths: [files.plain]).catalogue.first)
        let state = try #require(try archive.catalogueFileState(path: files.plain))
        #expect(stopped.error == "not imported after line \(state.recordsDone): database or disk is full")
        #expect(state.recordsDone > 0 && state.recordsDone < 400 && !state.finished)
        #expect(try archive.stats().papers == state.recordsDone)
        #expect(try archive.integrityProblems().isEmpty)
        try room(nil)
        let resumed = try #require(importer.run(paths: [files.plain]).catalogue.first)
        #expect(resumed.error == nil && resumed.resumedAfter == state.recordsDone)
        #expect(try archive.stats().papers == 400)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("An import stopped after its last chunk, in the final merge, merges when run again")
    func resumedMerge() throws {
        let files = try SnapshotFiles(papers: 200)
        defer { files.remove() }
        let archive = try Archive.inMemory()
        let importer = DigestImporter(archive: archive, options: .init(catalogue: .init(chunkSize: 50)))
        #expect(importer.run(paths: [files.plain]).catalogue.first?.failed == false)
        func segments() throws -> Int {
            try archive.withDatabaseForTesting { try Int.fetchOne($0, sql: "SELECT count(DISTINCT segid) FROM papers_fts_idx")! }
        }
        #expect(try segments() == 1, "a finished import leaves one segment")
        // What a kill during the merge leaves: every chunk committed, the
        // index in one segment per chunk, the file not marked done.
        try archive.withDatabaseForTesting { db in
            try db.execute(sql: "INSERT INTO papers_fts(papers_fts) VALUES ('rebuild')")
            try db.execute(sql: "UPDATE catalogue_imports SET finished_at = NULL")
        }
        try archive.withDatabaseForTesting { try $0.execute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('automerge', 0)") }
        for id in [1, 60, 120, 180] {  // one segment per transaction
            try archive.withDatabaseForTesting { try $0.execute(sql: "UPDATE papers SET title = title || ' again' WHERE id = ?", arguments: [id]) }
        }
        try archive.withDatabaseForTesting { try $0.execute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('automerge', 4)") }
        try #require(try segments() > 1)
        let again = try #require(importer.run(paths: [files.plain]).catalogue.first)
        #expect(again.resumedAfter == 200 && again.added == 0 && !again.failed)
        #expect(try segments() == 1)
        #expect(try archive.catalogueFileState(path: files.plain)?.finished == true)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("A common word orders a bounded number of matches, and says so")
    func boundedOrder() throws {
        let files = try SnapshotFiles(papers: Archive.orderedMatchLimit + 500)
        defer { files.remove() }
        let archive = try files.imported()
        let common = try archive.searchResults(try parse("the"), limit: 5)
        #expect(common.orderedAmong == Archive.orderedMatchLimit)
        #expect(common.hits.count == 5)
        // They are the best five by bm25 among the newest `orderedMatchLimit` matches.
        let expected = try archive.withDatabaseForTesting { db in
            let oldest = try Int64.fetchOne(
                db,
                sql: """
                    SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'the' ORDER BY rowid DESC LIMIT 1 OFFSET ?
                    """, arguments: [Archive.orderedMatchLimit - 1])!
            return try String.fetchAll(
                db,
                sql: """
                    SELECT p.arxiv_id FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid
                    WHERE papers_fts MATCH 'the' AND papers_fts.rowid >= ? ORDER BY papers_fts.rank, papers_fts.rowid DESC LIMIT 5
                    """, arguments: [oldest])
        }
        #expect(common.hits.map(\.arxivID) == expected)
        // Filters that select few papers choose the candidates: nothing is cut.
        let narrow = try archive.searchResults(try parse("the date:2007-04-01..2007-04-03"), limit: 1_000)
        #expect(narrow.orderedAmong == nil)
        let rare = try archive.searchResults(try parse("cat:econ.EM the"), limit: 5)
        #expect(rare.orderedAmong == nil)
    }
}
