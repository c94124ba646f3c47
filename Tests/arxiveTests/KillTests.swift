import DigestGenerator
import Foundation
import GRDB
import Testing

/// SIGKILL an import at random moments: the archive must open, pass SQLite's
/// and FTS5's integrity checks, and hold whole days only; importing again
/// must finish the job.
@Suite("Killing an import midway")
struct KillTests {
    @Test("Whole days only, a clean archive, and a full count after a rerun")
    func killAtRandomPoints() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let history = History.generate(days: 90, seed: 11)
        let daily = history.runs.filter { $0.digest == "daily" }
        try history.write(to: cli.folder.appendingPathComponent("history"))
        let source = cli.folder.appendingPathComponent("history/daily").path
        // Kills land within the time a whole import takes on this machine
        // and build (a fixed window let a faster import finish before any
        // kill): the first within its first 60%, the later ones, which have
        // less left to do, earlier still.
        let started = Date()
        let whole = try cli.run(["import", "--db", cli.folder.appendingPathComponent("timing.sqlite").path, source])
        #expect(whole.status == 0, "\(whole.stderr)")
        let wholeMilliseconds = max(50, Int(Date().timeIntervalSince(started) * 1_000))
        var random = SeededRandom(seed: 2026)
        var killedMidway = 0
        for attempt in 0..<5 {
            let delay = random.int((wholeMilliseconds / 20)...(wholeMilliseconds * 3 / (5 + attempt)))
            if try killed(["import", "--db", cli.db, source], afterMilliseconds: delay) { killedMidway += 1 }
            try checkWholeDays(db: cli.db, truth: daily, attempt: attempt)
        }
        #expect(killedMidway > 0, "no kill landed during an import: the test proved nothing")
        let finish = try cli.run(["import", "--db", cli.db, source])
        #expect(finish.status == 0, "\(finish.stderr)")
        let stats = try cli.json(["stats"]) as! [String: Any]
        #expect(stats["runs"] as? Int == daily.count)
        #expect(stats["verdicts"] as? Int == daily.reduce(0) { $0 + $1.papers.count })
        try checkWholeDays(db: cli.db, truth: daily, attempt: 99)
    }

    @Test("A killed catalogue import keeps whole chunks; run again, it resumes and finishes")
    func killCatalogueImport() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let papers = 6_000
        var generator = SnapshotGenerator(seed: 5, papers: papers, vocabulary: 3_000, peopleCount: 2_000)
        let encoder = JSONEncoder()
        let text = try (0..<papers).map { _ in String(decoding: try encoder.encode(generator.next()), as: UTF8.self) }.joined(separator: "\n")
        let snapshot = cli.folder.appendingPathComponent("snapshot.json").path
        try text.write(toFile: snapshot, atomically: true, encoding: .utf8)
        var random = SeededRandom(seed: 77)
        var killedMidway = 0
        for attempt in 0..<4 {
            if try killed(["import", "--db", cli.db, "--chunk", "500", snapshot], afterMilliseconds: random.int(200...1_500)) {
                killedMidway += 1
            }
            try checkWholeChunks(db: cli.db, attempt: attempt)
        }
        #expect(killedMidway > 0, "no kill landed during an import: the test proved nothing")
        let finish = try cli.run(["import", "--db", cli.db, "--chunk", "500", snapshot])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect((try cli.json(["stats"]) as! [String: Any])["papers"] as? Int == papers)
        try checkWholeChunks(db: cli.db, attempt: 99)
        // The final merge ran to its end, even when a kill had landed in it.
        let segments = try DatabaseQueue(path: cli.db).read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT segid) FROM papers_fts_idx") }
        #expect(segments == 1)
    }

    /// Runs arxive with `arguments` and SIGKILLs it after the delay; true
    /// when it was still running then (the kill landed midway).
    func killed(_ arguments: [String], afterMilliseconds delay: Int) throws -> Bool {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(delay) * 1_000)
        let running = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return running
    }

    /// Clean indexes, and exactly one paper per committed line (each line is a new paper).
    func checkWholeChunks(db: String, attempt: Int) throws {
        guard FileManager.default.fileExists(atPath: db) else { return }
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { db in
            guard try db.tableExists("catalogue_imports") else { return }
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"], "attempt \(attempt)")
            // Imports write with foreign-key checks off: no row may be left pointing nowhere.
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty, "attempt \(attempt)")
            try db.execute(sql: "INSERT INTO papers_fts(papers_fts) VALUES ('integrity-check')")
            try db.execute(sql: "INSERT INTO authors_fts(authors_fts) VALUES ('integrity-check')")
            let done = try Int.fetchOne(db, sql: "SELECT coalesce(sum(records_done), 0) FROM catalogue_imports") ?? -1
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM papers") == done, "attempt \(attempt): not whole chunks")
        }
    }

    func checkWholeDays(db: String, truth: [History.Run], attempt: Int) throws {
        guard FileManager.default.fileExists(atPath: db) else { return }
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"], "attempt \(attempt)")
            // Imports write with foreign-key checks off: no row may be left pointing nowhere.
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty, "attempt \(attempt)")
            try db.execute(sql: "INSERT INTO papers_fts(papers_fts) VALUES ('integrity-check')")
            try db.execute(sql: "INSERT INTO authors_fts(authors_fts) VALUES ('integrity-check')")
            let expected = Dictionary(uniqueKeysWithValues: truth.map { ($0.date, $0.papers.count) })
            let rows = try Row.fetchAll(db, sql: "SELECT r.date, (SELECT count(*) FROM verdicts v WHERE v.run_id = r.id) AS n FROM runs r")
            for row in rows {
                let date: String = row["date"]
                #expect(row["n"] as Int == expected[date], "attempt \(attempt): \(date) is not whole")
            }
            // The FTS triggers an import drops inside its transaction are all there.
            let triggers = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('papers', 'authors') ORDER BY name")
            #expect(
                triggers == ["authors_ad", "authors_ai", "authors_au", "papers_ad", "papers_ai", "papers_au", "papers_text_changed_vector"],
                "attempt \(attempt)")
        }
    }
}
