import ArxiveKit
import DigestGenerator
import Foundation
import GRDB
import Testing

@Suite("Moving and merging archives")
struct PortabilityTests {
    static let queries = [
        "model", "training network", "\"the model\"", "vala*", "ti:valor OR ti:tex", "rel:>=9", "nov:<5 date:2025-02",
        "match:author", "digest:upstream", "au:Morvan", "au:\"Y. Morvan\"", "-model learning", "score:15..17",
        "is:starred", "is:dismissed", "tag:keep", "note:lattice", "q:mine", "date:2025-03..2025-04 comment:learning",
        "(pruning OR routing) -ti:kernel", "id:2501.00101", "is:muted",
    ]

    /// Everything a user would look at, as comparable text.
    func snapshot(_ archive: Archive) throws -> [String] {
        var lines = ["\(try archive.stats())"]
        for q in Self.queries {
            lines.append(q + ": " + (try archive.search(parse(q), order: .date, limit: 500)).map { "\($0.arxivID) \($0.verdict)" }.joined(separator: ", "))
        }
        for run in try archive.runs() {
            let day = try archive.day(Day(run.date)!, digest: run.digest)
            lines.append("\(run) \(day)")
        }
        lines.append("\(try archive.matches(limit: 1000).map { "\($0.arxivID) \($0.rule ?? "") \($0.matchLevel?.rawValue ?? "")" })")
        lines.append("\(try archive.following())")
        lines.append("\(try archive.savedSearches())")
        lines.append("\(try archive.rankProfile("mine"))")
        lines.append("\(try archive.mutes())")
        // What the exports and feeds make of it.
        let records = try archive.records()
        lines += ExportFormat.allCases.map { PaperExport.render(records, as: $0) } + records.map(ObsidianNotes.note)
        let feeds = try archive.savedSearches().map { AtomFeed.Source.saved(name: $0.name, query: $0.query) } + [.following]
        lines += try feeds.map { AtomFeed.render($0, records: try $0.records(archive, limit: AtomFeed.defaultLength)) }
        return lines
    }

    func export(_ archive: Archive) throws -> Data {
        var text = ""
        try archive.exportArchive { text += $0 }
        return Data(text.utf8)
    }

    /// A generated history with rules, marks, a saved search, a profile and a mute.
    func richArchive(days: Int = 60, seed: UInt64 = 21) throws -> Archive {
        let history = History.generate(days: days, seed: seed, followed: [Vocabulary.Person(tex: "Yannick Morvan", display: "Yannick Morvan")])
        let archive = try importedArchive(history, upstream: true)
        _ = try archive.follow(FollowRequest(name: "Yannick Morvan", semanticScholarIDs: ["1"], note: "n", exceptions: ["Emma Morvan"]))
        let some = try archive.search(parse("model"), limit: 6).map(\.arxivID)
        try archive.mark(some[4], .dismiss(true))
        try archive.mark(some[0], .star(true))
        try archive.mark(some[1], .addTags(["keep"]))
        try archive.mark(some[2], .note("lattice ideas"))
        try archive.mark(some[3], .read(true))
        try archive.saveSearch("mine", query: "is:starred OR tag:keep")
        var options = RankOptions()
        options.weights = .init(relevance: 1, novelty: 2)
        try archive.saveRankProfile("mine", options)
        try #require(try archive.mute("ti:valor", note: "not mine") > 0)
        return archive
    }

    @Test("Export, import into an empty archive: stats, 22 queries, days, matches, rules, marks, profiles, mutes, exports and feeds are identical")
    func roundTrip() throws {
        let original = try richArchive()
        let file = try export(original)
        let copy = try Archive.inMemory()
        let merge = try copy.importArchive(file)
        #expect(merge.runsAdded == (try original.stats().runs) && merge.runsExtended == 0)
        #expect(try snapshot(copy) == snapshot(original))
        #expect(try copy.integrityProblems().isEmpty)
        // Importing it again changes nothing; exporting the copy gives the same lines
        // (but the header's date; papers are numbered in another order).
        #expect(try copy.importArchive(file) == ArchiveMerge())
        #expect(
            try export(copy).split(separator: 10).dropFirst().sorted { $0.lexicographicallyPrecedes($1) }
                == file.split(separator: 10).dropFirst().sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test("Merging two archives with overlapping days gives the union, each run once, each verdict once")
    func mergeOverlapping() throws {
        let history = History.generate(days: 40, seed: 33)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-merge-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try history.write(to: folder).map(\.path).filter { $0.contains("/daily/") }.sorted()
        // A holds the first two thirds of the files, B the last two thirds: the middle third is in both.
        let (a, b, all) = (try Archive.inMemory(), try Archive.inMemory(), try Archive.inMemory())
        expectClean(DigestImporter(archive: a).run(paths: Array(files.prefix(files.count * 2 / 3))))
        expectClean(DigestImporter(archive: b).run(paths: Array(files.suffix(files.count * 2 / 3))))
        expectClean(DigestImporter(archive: all).run(paths: files))
        let merge = try a.importArchive(try export(b))
        #expect(merge.runsAdded > 0)
        #expect(try a.stats() == all.stats())
        for run in try all.runs() {
            #expect(Set(try a.day(Day(run.date)!).first!.papers.map(\.arxivID)) == Set(try all.day(Day(run.date)!).first!.papers.map(\.arxivID)), "\(run.date)")
        }
        #expect(try a.integrityProblems().isEmpty)
    }

    @Test("Of two marks on a paper the newer wins; tags unite")
    func newerMarkWins() throws {
        let a = try fixtureArchive(), b = try fixtureArchive()
        try a.mark("2501.00101", .note("older"))
        try a.mark("2501.00101", .addTags(["a"]))
        Thread.sleep(forTimeInterval: 1.1)  // ISO 8601 stamps count seconds
        try b.mark("2501.00101", .note("newer"))
        try b.mark("2501.00101", .addTags(["b"]))
        _ = try a.importArchive(try export(b))
        #expect(try a.marks(of: "2501.00101").note == "newer")
        #expect(try a.marks(of: "2501.00101").tags == ["a", "b"])
        _ = try b.importArchive(try export(a))
        #expect(try b.marks(of: "2501.00101").note == "newer", "the older one does not come back")
    }

    @Test("A bad line writes nothing and names its line; the importer reads archive files by content")
    func badLineAndImporter() throws {
        let original = try fixtureArchive()
        var lines = String(decoding: try export(original), as: UTF8.self).split(separator: "\n").map(String.init)
        let empty = try Archive.inMemory()
        // Each bad line is named by number, and by the key that is wrong.
        for (bad, why) in [
            ("{\"type\":\"paper\",\"arxiv_id\":1}", "'arxiv_id' is not text"),
            ("{\"type\":\"paper\",\"arxiv_id\":\"2501.00101\"}", "is missing"),
            ("{\"type\":\"paper\",\"arxiv_id\":\"2501.00101\",\"title\":\"T\",\"authors\":[\"A\", 7]}", "'authors[1]' is not text"),
            ("{\"type\":\"paper\",", "not valid JSON"),
            ("{\"type\":\"comet\"}", "unknown line type 'comet'"),
        ] {
            lines.insert(bad, at: 3)
            #expect {
                try empty.importArchive(Data(lines.joined(separator: "\n").utf8))
            } throws: { error in
                (error as? ArchiveFileError)?.errorDescription.map { $0.hasPrefix("line 4: ") && $0.contains(why) } == true
            }
            #expect(try empty.stats().papers == 0)
            lines.remove(at: 3)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-arch-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("archive-export.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let report = DigestImporter(archive: empty).run(paths: [file.path])
        #expect(report.failures.isEmpty && report.runsAdded == 9 && report.newPapers == 9)
        #expect(try empty.stats() == original.stats())
    }

    @Test("backup makes a consistent copy; it will not overwrite a file")
    func backup() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-backup-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
        expectClean(DigestImporter(archive: archive).run(paths: [Paths.fixture("md").path]))
        try archive.mark("2512.00401", .star(true))
        let copyPath = folder.appendingPathComponent("copy.sqlite").path
        try archive.backup(to: copyPath)
        let copy = try Archive(path: copyPath, create: false)
        #expect(try copy.stats() == archive.stats())
        #expect(try copy.marks(of: "2512.00401").starred)
        #expect(try copy.integrityProblems().isEmpty)
        #expect(throws: BackupError.exists(copyPath)) { try archive.backup(to: copyPath) }
    }
}
