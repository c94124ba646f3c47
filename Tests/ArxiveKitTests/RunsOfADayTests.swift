import Foundation
import GRDB
import Testing

@testable import ArxiveKit

/// A day the generator ran twice: the day's page and JSON publish one run,
/// its topic bundle holds another (other papers, usage and topics). Both
/// are kept, whatever order the files come in (`Archive.runVariant`).
@Suite("Two runs of a day")
struct RunsOfADayTests {
    /// The fixture day 2026-07-08: the page and JSON list 2607.08001 and
    /// 2607.08002; the bundle, from another run, 2607.08002 to 2607.08004.
    static let folder = Paths.fixturesRoot.appendingPathComponent("out-2026")
    static let page = folder.appendingPathComponent("md/2026-07/2026-07-08-latest.md").path
    static let json = folder.appendingPathComponent("json/2026-07/2026-07-08-output.json").path
    static let bundle = folder.appendingPathComponent("json/2026-07/2026-07-08-daily-papers.json").path
    static let day = Day("2026-07-08")!

    /// Imports each group of files in its own import, in order; every import clean.
    static func archive(importing groups: [[String]]) throws -> Archive {
        let archive = try Archive.inMemory()
        for group in groups {
            let report = DigestImporter(archive: archive).run(paths: group)
            #expect(report.failures.isEmpty, "\(report.failures)")
        }
        return archive
    }

    /// What a user sees of the day: both runs' listings and the shared paper's verdicts.
    static func seen(_ archive: Archive) throws -> String {
        let published = try #require(try archive.day(day).first)
        let other = try #require(try archive.day(day, variant: .bundle).first)
        let detail = try #require(try archive.paper("2607.08002"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try [published, other].map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
            + "\n" + String(decoding: try encoder.encode(detail), as: UTF8.self)
            + "\n" + String(decoding: try encoder.encode(try archive.runs()), as: UTF8.self)
    }

    @Test("The bundle from another run is kept as the day's second run, with its papers, usage and topics")
    func keptAsSecondRun() throws {
        let archive = try RunsOfADayTests.archive(importing: [[RunsOfADayTests.folder.path]])
        let published = try #require(try archive.day(RunsOfADayTests.day).first)
        #expect(published.run.variant == .published)
        #expect(published.papers.map(\.arxivID) == ["2607.08001", "2607.08002"])
        #expect(published.run.model == "gpt-5.4" && published.run.totalTokens == 96000, "the page's header")
        #expect(published.otherRuns.map(\.variant) == [.bundle])
        #expect(published.otherRuns.first?.listed == 3)

        let other = try #require(try archive.day(RunsOfADayTests.day, variant: .bundle).first)
        #expect(other.papers.map(\.arxivID) == ["2607.08002", "2607.08003", "2607.08004"])
        #expect(other.run.model == "gpt-5.4-mini" && other.run.totalTokens == 75000, "the bundle's usage")
        #expect(other.topicOrder.map(\.key) == ["robotics", "control"])
        #expect(other.papers.first?.verdict.comment == "Strong imitation result; weaker on wiping.")
        #expect(other.otherRuns.map(\.variant) == [.published])

        // Every verdict of the shared paper; its latest is the published run's.
        let detail = try #require(try archive.paper("2607.08002"))
        #expect(detail.verdicts.map(\.variant) == [.published, .bundle])
        #expect(detail.verdicts.map(\.verdict.score) == [17, 15])
        let hit = try #require(try archive.search(parse("id:2607.08002")).first)
        #expect(hit.verdict.score == 17, "the published verdict is the paper's latest")
        // Papers only the other run lists are in the archive, and found.
        #expect(try archive.search(parse("teleoperation curriculum")).map(\.arxivID) == ["2607.08003"])
        #expect(try archive.runs().filter { $0.date == "2026-07-08" }.map(\.variant) == [.published, .bundle])
        // `rank DATE` ranks the day as it was published: one digest, its published run.
        let ranked = try archive.rank(.day(RunsOfADayTests.day, digest: nil))
        #expect(ranked.papers.map(\.paper.arxivID).sorted() == ["2607.08001", "2607.08002"])
    }

    @Test("Exports carry every verdict with its run; the latest is the published run's")
    func exports() throws {
        let archive = try RunsOfADayTests.archive(importing: [[RunsOfADayTests.page, RunsOfADayTests.json, RunsOfADayTests.bundle]])
        let record = try #require(try archive.records(arxivIDs: ["2607.08002"]).first)
        #expect(record.verdicts.map(\.run) == ["bundle", nil], "the published run last: it is the latest")
        #expect(record.latest?.score == 17)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(json.components(separatedBy: #""run":"bundle""#).count == 2, "\(json)")
        let note = ObsidianNotes.note(record)
        #expect(note.contains("- 2026-07-08 · daily (bundle run) #1 · ") && note.contains("- 2026-07-08 · daily #2 · "), "\(note)")
    }

    @Test("Page, JSON and bundle in every order, in one import each or together: one archive")
    func everyOrder() throws {
        let files = [RunsOfADayTests.page, RunsOfADayTests.json, RunsOfADayTests.bundle]
        let together = try RunsOfADayTests.seen(try RunsOfADayTests.archive(importing: [files]))
        let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        for order in orders {
            let separately = try RunsOfADayTests.seen(try RunsOfADayTests.archive(importing: order.map { [files[$0]] }))
            #expect(separately == together, "order \(order)")
        }
        // The bundle first, then the page and JSON together (the page read without its papers).
        let bundleFirst = try RunsOfADayTests.archive(importing: [[files[2]], [files[0], files[1]]])
        #expect(try RunsOfADayTests.seen(bundleFirst) == together)
        // Twice: nothing changes.
        let twice = try RunsOfADayTests.archive(importing: [files, files])
        #expect(try RunsOfADayTests.seen(twice) == together)
    }

    @Test("A later version of the day's JSON with other papers, after its bundle joined the run: the earlier listing is the other run")
    func laterJSONVersion() throws {
        // The first run: its JSON lists what its bundle lists (in its order).
        // Then the generator ran again and wrote a new JSON and page, not a
        // new bundle: into the same folder, or (as a git history's versions
        // are named) under other paths.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let firstJSON = folder.appendingPathComponent("first/json/2026-07/2026-07-08-output.json")
        let bundle = folder.appendingPathComponent("first/json/2026-07/2026-07-08-daily-papers.json")
        try FileManager.default.createDirectory(at: firstJSON.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: RunsOfADayTests.bundle, toPath: bundle.path)
        let bundleObject = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundle)) as? [String: Any])
        let firstListing = try JSONSerialization.data(withJSONObject: try #require(bundleObject["papers"]), options: [.sortedKeys])

        for second in ["first", "second"] {
            try firstListing.write(to: firstJSON)
            let archive = try Archive.inMemory()
            #expect(DigestImporter(archive: archive).run(paths: [firstJSON.path, bundle.path]).failures.isEmpty)
            #expect(try archive.runs().map(\.variant) == [.published], "the first run: one run, its bundle joined")
            let json = folder.appendingPathComponent("\(second)/json/2026-07/2026-07-08-output.json")
            let page = folder.appendingPathComponent("\(second)/md/2026-07/2026-07-08-latest.md")
            for url in [json, page] {
                try? FileManager.default.removeItem(at: url)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            try FileManager.default.copyItem(atPath: RunsOfADayTests.json, toPath: json.path)
            try FileManager.default.copyItem(atPath: RunsOfADayTests.page, toPath: page.path)
            #expect(DigestImporter(archive: archive).run(paths: [json.path, page.path]).failures.isEmpty)
            // The same as the new JSON and page with the bundle imported afresh: nothing of the first run lost.
            let fresh = try RunsOfADayTests.archive(importing: [[json.path, page.path, bundle.path]])
            #expect(try RunsOfADayTests.seen(archive) == RunsOfADayTests.seen(fresh), "the new version in \(second)/")
            #expect(try archive.day(RunsOfADayTests.day, variant: .bundle).first?.papers.map(\.arxivID) == ["2607.08002", "2607.08003", "2607.08004"])
        }
    }

    @Test("A file that would make a third run of a day is refused, named, and nothing of the day changes")
    func thirdRunRefused() throws {
        // An archive file brings only a day's other run; then that day's bundle
        // (another listing again) and its JSON arrive.
        let source = try RunsOfADayTests.archive(importing: [[RunsOfADayTests.page, RunsOfADayTests.json, RunsOfADayTests.bundle]])
        var data = Data()
        try source.exportArchive { data.append(Data($0.utf8)) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").filter {
            !($0.contains(#""type":"run""#) && !$0.contains(#""run":"bundle""#))
        }
        let archive = try Archive.inMemory()
        _ = try archive.importArchive(Data(lines.joined(separator: "\n").utf8))
        #expect(try archive.runs().map(\.variant) == [.bundle])
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let otherBundle = folder.appendingPathComponent("2026-07-08-daily-papers.json")
        let text = try String(contentsOfFile: RunsOfADayTests.bundle, encoding: .utf8)
        try text.replacingOccurrences(of: "2607.08004", with: "2607.08005").write(to: otherBundle, atomically: true, encoding: .utf8)
        #expect(DigestImporter(archive: archive).run(paths: [otherBundle.path]).failures.isEmpty)
        let before = try RunsOfADayTests.seen(archive)
        let report = DigestImporter(archive: archive).run(paths: [RunsOfADayTests.json])
        #expect(
            report.failures.map(\.reason) == [
                "not imported: 2026-07-08 would have a third run: the archive keeps the published run and one other (from a topic bundle)"
            ])
        #expect(try RunsOfADayTests.seen(archive) == before)
    }

    @Test("A bundle that lists the day's papers is the published run's, not a second run")
    func sameRunJoins() throws {
        let archive = try RunsOfADayTests.archive(importing: [
            [
                RunsOfADayTests.folder.appendingPathComponent("json/2026-06/2026-06-02-daily-papers.json").path
            ], [RunsOfADayTests.folder.appendingPathComponent("json/2026-06/2026-06-02-output.json").path],
        ])
        let runs = try archive.runs()
        #expect(runs.count == 1 && runs.first?.variant == .published)
        #expect(try archive.day(Day("2026-06-02")!).first?.otherRuns.isEmpty == true)
        #expect(try archive.day(Day("2026-06-02")!, variant: .bundle).isEmpty)
    }

    @Test("The archive file carries both runs (version 3); an unknown run name is refused and nothing is written")
    func archiveFile() throws {
        let archive = try RunsOfADayTests.archive(importing: [[RunsOfADayTests.page, RunsOfADayTests.json, RunsOfADayTests.bundle]])
        var data = Data()
        try archive.exportArchive { data.append(Data($0.utf8)) }
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""version":3"#))
        #expect(text.split(separator: "\n").filter { $0.contains(#""type":"run""#) && $0.contains(#""run":"bundle""#) }.count == 1)

        let copy = try Archive.inMemory()
        _ = try copy.importArchive(data)
        #expect(try RunsOfADayTests.seen(copy) == RunsOfADayTests.seen(archive))
        // Merged into an archive that holds only the day's bundle (taken for the published run until now): the same two runs.
        let bundleOnly = try RunsOfADayTests.archive(importing: [[RunsOfADayTests.bundle]])
        _ = try bundleOnly.importArchive(data)
        #expect(try RunsOfADayTests.seen(bundleOnly) == RunsOfADayTests.seen(archive))

        let unknown = Data(text.replacingOccurrences(of: #""run":"bundle""#, with: #""run":"third""#).utf8)
        let empty = try Archive.inMemory()
        #expect(throws: ArchiveFileError.self) { try empty.importArchive(unknown) }
        #expect(try empty.runs().isEmpty)
    }

    @Test("Migration 015 keeps every run, its id and its summary index; the day's key admits one published and one other run")
    func migration() throws {
        let queue = try DatabaseQueue()
        try Archive.migrator.migrate(queue, upTo: "014_paper_vectors")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO runs (id, digest, date, model, summary) VALUES (7, 'daily', '2026-04-01', 'gpt-5.4', 'Robots watch cooks')")
            try db.execute(sql: "INSERT INTO papers (id, arxiv_id, text_date, title, latest_verdict_id) VALUES (1, '2604.00001', '2026-04-01', 'A title', 3)")
            try db.execute(sql: "INSERT INTO verdicts (id, run_id, paper_id, position) VALUES (3, 7, 1, 1)")
        }
        try Archive.migrator.migrate(queue)
        try queue.write { db in
            let run = try #require(try Row.fetchOne(db, sql: "SELECT id, variant, model, summary FROM runs"))
            #expect(run["id"] as Int64 == 7 && run["variant"] as String == "" && run["model"] as String == "gpt-5.4")
            #expect(try Int64.fetchAll(db, sql: "SELECT rowid FROM run_summaries_fts WHERE run_summaries_fts MATCH 'cooks'") == [7])
            #expect(try String.fetchOne(db, sql: "SELECT variant FROM paper_latest_verdict WHERE arxiv_id = '2604.00001'") == "")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            try db.execute(sql: "INSERT INTO runs (digest, date, variant) VALUES ('daily', '2026-04-01', 'bundle')")
            #expect(throws: DatabaseError.self) { try db.execute(sql: "INSERT INTO runs (digest, date, variant) VALUES ('daily', '2026-04-01', 'bundle')") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "INSERT INTO runs (digest, date, variant) VALUES ('daily', '2026-04-01', 'third')") }
            // The summary index follows runs written after the migration.
            try db.execute(sql: "UPDATE runs SET summary = 'Second thoughts' WHERE variant = 'bundle'")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM run_summaries_fts WHERE run_summaries_fts MATCH 'thoughts'") == 1)
        }
    }
}
