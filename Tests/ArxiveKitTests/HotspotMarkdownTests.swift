import ArxiveKit
import Foundation
import Testing

@Suite("Hotspot days from their Markdown copy")
struct HotspotMarkdownTests {
    static let out = SourceKindTests.out
    static func text(_ relative: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(relative), encoding: .utf8)
    }
    static func data(_ relative: String) throws -> Data { try Data(contentsOf: out.appendingPathComponent(relative)) }

    @Test("The fixture's Markdown twin reads as its JSON report does: sections, headlines, takeaways, sources, papers")
    func twinAgrees() throws {
        let json = try HotspotReportReader.read(try Self.data("hot/reports/2026-06-02.json"))
        let md = try HotspotMarkdownReader.read(try Self.text("hot/md/2026-06/2026-06-02-hotspots.md"))
        #expect(json.disagreement(with: md) == nil)
        #expect(md.format == .markdown && md.date == "2026-06-02")
        #expect(md.summary == json.summary)
        #expect(md.sourceStats == json.sourceStats)
        #expect(md.sections.map(\.kind) == [.featured, .category, .category, .longTail, .watchlist, .xBuzz])
        #expect(md.sections.map(\.category) == json.sections.map(\.category))
        let (mdFeatured, jsonFeatured) = (md.sections[0].topics, json.sections[0].topics)
        #expect(mdFeatured.map(\.takeaways) == jsonFeatured.map(\.takeaways))
        #expect(mdFeatured.map(\.whyItMatters) == jsonFeatured.map(\.whyItMatters))
        #expect(mdFeatured.map(\.category) == jsonFeatured.map(\.category))
        #expect(mdFeatured.map { $0.items.map(\.url) } == jsonFeatured.map { $0.items.map(\.url) })
        #expect(mdFeatured[0].items.map(\.sourceName) == ["Lumen Labs Blog", "Hacker News"])
        #expect(mdFeatured[0].items.map(\.role) == ["Primary", "Corroboration"])
        #expect(md.papers.map(\.paper.arxivID) == json.papers.map(\.paper.arxivID))
        #expect(md.papers.map(\.kind) == json.papers.map(\.kind))
        #expect(md.papers.map(\.comment) == json.papers.map(\.comment))
        // The hostile radar topic keeps its text as written: the renderers escape it.
        let research = md.sections[2].topics[0]
        #expect(research.summary.contains("<img src=x onerror=alert(1)>") && research.items.first?.url == "javascript:alert(1)")
    }

    @Test("The early 2026 layout: scores after a listed topic's title and on a featured topic's Scores line")
    func earlyLayout() throws {
        let page = """
            # Daily AI Hotspots 2026-03-01

            An invented early day.

            ## Featured Topics

            ### 1. Ferrule Cache Lands in Two Runtimes

            - Category: Tooling
            - Scores: final=6.5 quality=7 heat=5 importance=7

            Why it matters, in one invented sentence.

            Key takeaways:
            - The cache is shared.

            Representative sources:
            - [Ferrule cache](https://ferrule.example/cache) (Ferrule Blog)

            ## Topic Radar By Category

            ### Research (1 shown / 9 candidates)

            - **Weirs for Gradient Flow (NBER)** | final=4.2 | heat=2 | occurrence=3.51 | sources=1 | featured
              - A summary cut short...
              - Evidence: [Weirs](https://weirs.example/paper)
            """
        let report = try HotspotMarkdownReader.read(page)
        let featured = report.sections[0].topics[0]
        #expect(featured.title == "Ferrule Cache Lands in Two Runtimes" && featured.category == "Tooling")
        #expect(featured.scores == ["FINAL_SCORE": 6.5, "QUALITY": 7, "HEAT": 5, "IMPORTANCE": 7])
        #expect(featured.takeaways == ["The cache is shared."] && featured.items.map(\.sourceName) == ["Ferrule Blog"])
        let radar = report.sections[1]
        #expect(radar.kind == .category && radar.category == "Research")
        #expect(radar.topics[0].title == "Weirs for Gradient Flow (NBER)", "a title's own parentheses stay")
        #expect(radar.topics[0].scores == ["FINAL_SCORE": 4.2, "HEAT": 2, "OCCURRENCE_SCORE": 3.51])
        #expect(radar.topics[0].extra == #"{"badges":["featured"]}"#)
    }

    @Test("A damaged Markdown copy is refused with its line")
    func damaged() {
        let page = "# Daily AI Hotspots 2026-03-02\n\n## Paper Spotlight\n\n### Daily Hot Papers (1)\n\n- [A paper](https://example.org/p)\n  - a comment\n"
        #expect(throws: DigestReadError(line: 7, "a spotlighted paper without its arXiv id")) { try HotspotMarkdownReader.read(page) }
    }

    /// A folder holding these fixture files (relative to `out-2026`), renamed as given.
    static func folder(_ files: [(from: String, to: String)], edit: (String) -> String = { $0 }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-hotmd-\(UUID())")
        for (from, to) in files {
            let url = folder.appendingPathComponent(to)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try edit(try text(from)).write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("Markdown first, then the report: the report replaces the day (scores, authors); the Markdown again is a checked copy")
    func reportReplacesMarkdown() throws {
        let md = try Self.folder([("hot/md/2026-06/2026-06-02-hotspots.md", "hot/md/2026-06/2026-06-02-hotspots.md")])
        let json = try Self.folder([("hot/reports/2026-06-02.json", "hot/reports/2026-06-02.json")])
        defer { for f in [md, json] { try? FileManager.default.removeItem(at: f) } }
        let archive = try Archive.inMemory()
        #expect(expectClean(DigestImporter(archive: archive).run(paths: [md.path])).hotspotDays == 1)
        #expect(try archive.hotspotDay(Day("2026-06-02")!)[0].sourceFormat == "markdown")
        #expect(try archive.hotspotDay(Day("2026-06-02")!)[0].featured[0].scores.isEmpty)
        #expect(try archive.paper("2606.02444")?.authors == [], "the Markdown names no authors")

        #expect(expectClean(DigestImporter(archive: archive).run(paths: [json.path])).hotspotDays == 1)
        let day = try archive.hotspotDay(Day("2026-06-02")!)[0]
        #expect(day.sourceFormat == "json" && day.featured[0].scores["HEAT"] == 8)
        #expect(try archive.paper("2606.02444")?.authors == ["Sven Møller", "Ayşe Kaya"], "the report's authors fill the paper's")

        let again = expectClean(DigestImporter(archive: archive).run(paths: [md.path]))
        #expect(again.copiesChecked == 1 && again.hotspotDays == 0 && again.notes.isEmpty)
        #expect(expectClean(DigestImporter(archive: archive).run(paths: [md.path])).filesUnchanged == 1, "a checked copy is known")
        #expect(try archive.stats().hotspotDays == 1 && archive.integrityProblems().isEmpty)
    }

    @Test("Both in one import, whatever the order of their paths: the report is stored, the Markdown checked")
    func bothTogether() throws {
        // `a/` sorts before `hot/`: the Markdown's path comes first.
        let folder = try Self.folder([
            ("hot/md/2026-06/2026-06-02-hotspots.md", "a/2026-06-02-hotspots.md"),
            ("hot/reports/2026-06-02.json", "hot/reports/2026-06-02.json"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try Archive.inMemory()
        let report = expectClean(DigestImporter(archive: archive).run(paths: [folder.path]))
        #expect(report.hotspotDays == 1 && report.copiesChecked == 1)
        #expect(try archive.hotspotDay(Day("2026-06-02")!)[0].sourceFormat == "json")
    }

    @Test("A copy that differs from the stored report is named in a note and changes nothing")
    func differingCopy() throws {
        let folder = try Self.folder([("hot/reports/2026-06-02.json", "hot/reports/2026-06-02.json")])
        let md = try Self.folder([("hot/md/2026-06/2026-06-02-hotspots.md", "hot/md/2026-06/2026-06-02-hotspots.md")]) {
            $0.replacingOccurrences(of: "Ledgerkit Gains Stars: the invented headline", with: "Ledgerkit Loses Stars")
        }
        defer { for f in [folder, md] { try? FileManager.default.removeItem(at: f) } }
        let archive = try Archive.inMemory()
        _ = expectClean(DigestImporter(archive: archive).run(paths: [folder.path]))
        let report = expectClean(DigestImporter(archive: archive).run(paths: [md.path]))
        #expect(report.copiesChecked == 1 && report.hotspotDays == 0)
        #expect(report.notes.count == 1)
        #expect(
            report.notes.first?.contains("featured 2 is 'Ledgerkit Loses Stars' where the report has 'Ledgerkit Gains Stars: the invented headline'") == true)
        #expect(try archive.hotspotDay(Day("2026-06-02")!)[0].featured.map(\.headline).last == "Ledgerkit Gains Stars: the invented headline")
    }

    @Test("A day kept only as Markdown (the site's page): two copies that agree are one day; a changed one replaces it")
    func markdownOnly() throws {
        let page = "site/hot/2026-06-04/index.md"
        let folder = try Self.folder([(page, page)])
        defer { try? FileManager.default.removeItem(at: folder) }
        // The generator's own copy: the same day without the site's navigation block.
        let generators = folder.appendingPathComponent("hot/md/2026-06/2026-06-04-hotspots.md")
        try FileManager.default.createDirectory(at: generators.deletingLastPathComponent(), withIntermediateDirectories: true)
        try String(try Self.text(page).split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("# ") }.joined(separator: "\n"))
            .write(to: generators, atomically: true, encoding: .utf8)
        let archive = try Archive.inMemory()
        let first = expectClean(DigestImporter(archive: archive).run(paths: [folder.path]))
        #expect(first.hotspotDays == 1 && first.copiesChecked == 1 && first.newPapers == 1)
        let day = try archive.hotspotDay(Day("2026-06-04")!)[0]
        #expect(day.featured.map(\.title) == ["Orrery Labs Opens Tide-Model Weights"])
        #expect(day.sections.map(\.category) == ["Tooling"] && day.papers.map(\.arxivID) == ["2606.04111"])
        #expect(try archive.hotspotSearch(try QueryParser.parseHotspotQuery("licence")).map(\.date) == ["2026-06-04"])
        let changed = folder.appendingPathComponent("hot/md/2026-06/2026-06-04-hotspots.md")
        try (try String(contentsOf: changed, encoding: .utf8)).replacingOccurrences(of: "Fjordlint", with: "Skerrylint")
            .write(to: changed, atomically: true, encoding: .utf8)
        let second = expectClean(DigestImporter(archive: archive).run(paths: [changed.path]))
        #expect(second.hotspotDays == 1)
        #expect(try archive.hotspotDay(Day("2026-06-04")!)[0].sections[0].topics[0].title.hasPrefix("Skerrylint"))
        #expect(try archive.stats().hotspotDays == 1 && archive.integrityProblems().isEmpty)
    }
}
