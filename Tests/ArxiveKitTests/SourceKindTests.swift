import Foundation
import Testing

@testable import ArxiveKit

/// The recognizer's table, file by file, and the small parsers the new readers share.
@Suite("Recognizing every file of an output folder")
struct SourceKindTests {
    static let out = Paths.fixturesRoot.appendingPathComponent("out-2026")

    @Test(
        "Each fixture file of today's output folder is the kind its content says",
        arguments: [
            ("json/2026-06/2026-06-02-output.json", SourceKind.digest(.json)),
            ("json/2026-06/2026-06-03-output.json", .digest(.json)),
            ("json/2026-06/2026-06-02-daily-papers.json", .digest(.topicBundle)),
            ("json/2026-06/2026-06-02-hotspot-papers.json", .spotlights),
            ("md/2026-06/2026-06-02-latest.md", .digest(.markdown)),
            ("md/2026-06/index.md", .skipped(.indexPage)),
            ("monthly/2026-06-summary.json", .monthlyOverview),
            ("monthly/2026-05-summary.json", .monthlyOverview),
            ("hot/reports/2026-06-02.json", .hotspotReport(.json)),
            ("hot/reports/2026-06-03.json", .hotspotReport(.json)),
            ("hot/md/2026-06/2026-06-02-hotspots.md", .hotspotReport(.markdown)),
            ("hot/raw/2026-06-02/hn_discussion.json", .skipped(.hotspotSourceDump)),
            ("hot/clusters/2026-06-02.json", .skipped(.hotspotSourceDump)),
            ("web_data/hot/2026-06-02.json", .skipped(.webCopy)),
            ("web_data/hot/2026-06/index.json", .skipped(.webCopy)),
            ("site/assets/nav/day/2026-06-02-center.svg", .skipped(.image)),
            ("site/archive/2026/index.md", .skipped(.overviewPage)),
            ("site/archive/2026-06/summary/index.md", .skipped(.overviewPage)),
            ("site/hot/2026-06/index.md", .skipped(.indexPage)),
            ("site/hot/2026-06-04/index.md", .hotspotReport(.markdown)),
        ])
    func kinds(relative: String, kind: SourceKind) throws {
        let url = SourceKindTests.out.appendingPathComponent(relative)
        #expect(SourceKind.recognize(try Data(contentsOf: url), path: url.path) == kind)
    }

    @Test("Content decides; the layout only breaks a tie (a JSON list is a hotspot dump only under hot/)")
    func contentFirst() {
        #expect(SourceKind.recognize(Data("[1, 2]".utf8), path: "out/hot/raw/x.json") == .skipped(.hotspotSourceDump))
        guard case .unknown = SourceKind.recognize(Data("[1, 2]".utf8), path: "out/json/x.json") else { Issue.record("a list outside hot/"); return }
        // A topic bundle is one wherever it lies, whatever its name.
        let bundle = #"{"schema_version": 2, "meta": {"date": "2026-06-02"}, "topic_order": [], "papers": {}}"#
        #expect(SourceKind.recognize(Data(bundle.utf8), path: "anywhere/renamed.json") == .digest(.topicBundle))
        #expect(SourceKind.recognize(Data([0x89, 0x50, 0x4E, 0x47, 0x0D])) == .skipped(.image))
        #expect(SourceKind.recognize(Data(#"{"2606.01001": {"title": "x"}}"#.utf8)) == .digest(.json))
        guard case .unknown = SourceKind.recognize(Data("print('x')\n".utf8)) else { Issue.record("a script is no digest"); return }
    }

    @Test("The summary counts skipped files by kind, most first")
    func summary() {
        let line = ImportSummary.skipped([.image, .webCopy, .hotspotSourceDump, .hotspotSourceDump, .webCopy, .hotspotSourceDump])
        #expect(line == "skipped 6 files that hold no digest: 3 hotspot source dumps, 2 web-page copies, 1 image")
        #expect(ImportSummary.skipped([.indexPage]) == "skipped 1 file that holds no digest: 1 index page")
    }

    @Test("Bare old-style numbers: YYMMNNN from 1991 to 2007 only")
    func bareNumbers() {
        #expect(ArxivID.isBareOldStyle("9606126") && ArxivID.isBareOldStyle("0703001"))
        #expect(!ArxivID.isBareOldStyle("0813001") && !ArxivID.isBareOldStyle("1201001") && !ArxivID.isBareOldStyle("960612"))
        #expect(ArxivID.parse("9606126v2")?.id == "9606126" && ArxivID.parse("9606126v2")?.version == 2)
        #expect(ArxivID.parse("2606126") == nil, "a year arXiv's old scheme never had")
    }

    @Test("Topic keys from tags; HTML entities; the spotlights a file names")
    func helpers() {
        #expect(Topic.key(forLabel: "Embodied/Agent Learning") == "embodied_agent_learning")
        #expect(Topic.key(forLabel: "Memory & Retrieval") == "memory_retrieval")
        #expect(Topic.key(forLabel: "Écoulements 3D") == "écoulements_3d")
        #expect(HTMLText.decodeEntities("a &amp; b &lt;c&gt; &#x27;d&#39; &quot;e&quot; &bogus; & f") == "a & b <c> 'd' \"e\" &bogus; & f")
        #expect(HTMLText.text("<strong>Why</strong> \n selected") == "Why selected")
        let paper = { (id: String) in DigestPaper(arxivID: id, title: id, authors: [], abstract: "") }
        let day = SpotlightDay(
            date: "2026-06-02",
            sections: [
                .init(kind: "new_frontier", arxivIDs: ["b"]), .init(kind: "daily_hot", arxivIDs: ["a", "b"]),
            ],
            papers: [
                .init(paper: paper("a"), kinds: ["daily_hot", "new_frontier"]), .init(paper: paper("b"), kinds: ["new_frontier"]),
                .init(paper: paper("c"), kinds: ["daily_hot"]),
            ])
        // The sections are what the generator chose; a paper's own kinds count only for a paper no section lists.
        #expect(
            day.spotlights.map { "\($0.kind) \($0.position) \($0.paper.paper.arxivID)" }
                == ["new_frontier 1 b", "daily_hot 1 a", "daily_hot 2 b", "daily_hot 3 c"])
    }
}

@Suite("Hotspot days in the archive")
struct HotspotStoreTests {
    @Test("A changed report replaces its day: the topic index stays what a rebuild makes, nothing of the old day is left")
    func changedReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-hot-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("hot/reports/2026-06-02.json")
        try FileManager.default.createDirectory(at: report.deletingLastPathComponent(), withIntermediateDirectories: true)
        let original = try String(contentsOf: SourceKindTests.out.appendingPathComponent("hot/reports/2026-06-02.json"), encoding: .utf8)
        try original.write(to: report, atomically: true, encoding: .utf8)
        let archive = try Archive.inMemory()
        #expect(expectClean(DigestImporter(archive: archive).run(paths: [folder.path])).hotspotDays == 1)
        #expect(try archive.hotspotSearch(try QueryParser.parseHotspotQuery("quill")).count == 5)
        try original.replacingOccurrences(of: "quill", with: "Inkwell", options: .caseInsensitive).write(to: report, atomically: true, encoding: .utf8)
        #expect(expectClean(DigestImporter(archive: archive).run(paths: [folder.path])).hotspotDays == 1)
        #expect(try archive.hotspotSearch(try QueryParser.parseHotspotQuery("quill")).isEmpty)
        #expect(try archive.hotspotSearch(try QueryParser.parseHotspotQuery("inkwell")).count == 5)
        #expect(try archive.integrityProblems().isEmpty)
        let before = try archive.hotspotSearch(try QueryParser.parseHotspotQuery("inkwell OR ledgerkit"))
        try archive.withDatabaseForTesting { try $0.execute(sql: "INSERT INTO hotspot_topics_fts(hotspot_topics_fts) VALUES ('rebuild')") }
        #expect(try archive.hotspotSearch(try QueryParser.parseHotspotQuery("inkwell OR ledgerkit")) == before)
        #expect(try archive.stats().hotspotTopics == 7, "the day's 7 topics, once")
    }
}
