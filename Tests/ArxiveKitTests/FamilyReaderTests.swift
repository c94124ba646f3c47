import ArxiveKit
import Foundation
import Testing

@testable import ArxiveKit

/// The tolerant reader of the upstream family, and the family's JSON
/// variants, on the project's own fixtures in forks' layouts.
@Suite("Digest families: the tolerant page reader and the JSON variants")
struct FamilyReaderTests {
    static let families = Paths.fixturesRoot.appendingPathComponent("families")

    func read(_ relative: String) throws -> Digest {
        let url = FamilyReaderTests.families.appendingPathComponent(relative)
        let content = try SourceReader.read(try Data(contentsOf: url), path: url.path)
        return try #require(content.digest)
    }

    @Test("A fork's HTML cards: emoji title with a long date, Rel and Nov out of 10, the summary, the highlight, a citation that is no paper")
    func cards() throws {
        let page = try read("fork-cards/2026-06-16.md")
        #expect(page.format == .page && page.date == "2026-06-16")
        #expect(page.papers.map(\.arxivID) == ["2606.16001", "2606.16002", "2606.16003"], "the table of contents is no paper, nor a cited arXiv:2411.04330")
        #expect(page.papers.map(\.relevance) == [9, 8, 7] && page.papers.map(\.novelty) == [7, 8, 6])
        #expect(page.papers[0].title == "Tidal Schedules for Sparse Training" && page.papers[0].authors == ["Oskar Lindqvist", "Mar{\\'\\i}a Quintero"])
        #expect(page.papers[0].abstract == "We schedule sparsity by the tides and find that sparse training keeps pace with dense training.")
        #expect(page.papers[1].arxivVersion == 2 && page.papers[1].announceType == "replace")
        #expect(page.papers[0].comment == "Drives sparse training with an orbital schedule & shows it matches dense accuracy.")
        #expect(page.papers[0].extra?.contains("Invented Institute of Tides") == true)
        #expect(page.header?.relevantPapers == 3)
        #expect(page.header?.summary?.hasPrefix("## Tidal Computation\nSeveral invented papers") == true)
        #expect(page.topicOrder.isEmpty, "the summary's headings hold no paper: no topics")
    }

    @Test("The fork's JSON: papers under 'papers', string scores, RELEVANCE 'True' (or true) no score, day texts kept, a failed translation is no text")
    func jsonVariant() throws {
        let json = try read("fork-cards/2026-06-16.json")
        #expect(json.format == .json && json.papers.map(\.arxivID) == ["2606.16001", "2606.16002", "2606.16003"])
        #expect(json.papers.map(\.relevance) == [9, 8, 7] && json.papers.map(\.novelty) == [7, 8, 6] && json.papers[0].score == 16)
        #expect(json.papers[2].extra?.contains(#""RELEVANCE":true"#) == true, "a JSON true is kept, not read as a score of 1")
        #expect(json.header?.summary == "Several invented papers ask how orbital schedules can drive sparse training.")
        #expect(json.header?.extra?.contains("几篇虚构的论文") == true)
        let extra = try #require(json.papers[0].extra)
        #expect(extra.contains(#""RELEVANCE":"True""#) && extra.contains("用于稀疏训练的潮汐调度"))
        #expect(json.papers[1].extra?.contains("title_cn") == false, "[Translation Failed] counts as no text")
        let empty = try read("fork-cards/2026-06-18.json")
        #expect(empty.papers.isEmpty && empty.header?.summary == "No relevant papers found today.")
    }

    @Test("Topic-numbered papers (1001\\.), **ArXiv:** lines, no novelty: read under the upstream header, topics from the sections")
    func topicNumbered() throws {
        let page = try read("topic-numbered/2026-07-10.md")
        #expect(page.format == .markdown && page.date == "2026-07-10")
        #expect(page.header?.model == "gpt-5" && page.header?.totalTokens == 46200 && page.header?.scannedPapers == 300)
        #expect(page.papers.map(\.arxivID) == ["2607.10001", "2607.10002", "2607.10003"])
        #expect(page.papers.map(\.relevance) == [9, 6, 8] && page.papers.allSatisfy { $0.novelty == nil && $0.score == nil }, "no novelty is nil, not zero")
        #expect(page.papers[0].title == "Heron Graphs for Sparse Message Passing" && page.papers[0].authors == ["Ines Carvalho", "Tomasz Wr{\\'o}bel"])
        #expect(page.topicOrder.map(\.label) == ["Topic 1: Graph Learning", "Topic 2: Speech"])
        #expect(page.papers[2].topics?.primary?.label == "Topic 2: Speech")
    }

    @Test("A day's Markdown rendered to HTML by a Pages generator reads as the Markdown: token table, papers, fields")
    func pagesHTML() throws {
        let page = try read("pages-html/2026-06-17/index.html")
        #expect(page.format == .page && page.date == "2026-06-17")
        #expect(page.header?.model == "gpt-5" && page.header?.promptTokens == 30000 && page.header?.totalCost == 0.08)
        #expect(page.papers.map(\.arxivID) == ["2606.17001", "2606.17002"])
        #expect(page.papers.map(\.relevance) == [8, 7] && page.papers.map(\.novelty) == [7, 6])
        #expect(page.papers[0].abstract == "Kestrel attention streams audio with a fixed memory & no loss.")
        #expect(page.papers[1].authors == ["Kwame Mensah", "Anna Kowalczyk"])
    }

    @Test("The date of a title in every common spelling")
    func titleDates() {
        #expect(FamilyPageReader.date(inTitle: "📚 Personalized Daily Arxiv Papers - June 03, 2026") == "2026-06-03")
        #expect(FamilyPageReader.date(inTitle: "Personalized Daily ArXiv Papers 06/16/2026") == "2026-06-16")
        #expect(FamilyPageReader.date(inTitle: "Daily papers, 2026-06-16") == "2026-06-16")
        #expect(FamilyPageReader.date(inTitle: "Arxiv digest for 10 July 2026") == "2026-07-10")
        #expect(FamilyPageReader.date(inTitle: "Arxiv digest for Sept 31, 2026") == nil, "not a real day")
    }

    @Test("Imported together, the fork's page and JSON are one run: the JSON's verdicts, the page's summary; the empty day is a run")
    func importedTogether() throws {
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [FamilyReaderTests.families.appendingPathComponent("fork-cards").path])
        #expect(report.failures.isEmpty && report.shortfalls.isEmpty, "\(report.failures) \(report.shortfalls)")
        #expect(report.runsAdded == 2)
        let listing = try archive.firstListing("2026-06-16")
        #expect(listing.papers.map(\.verdict.relevance) == [9, 8, 7])
        #expect(listing.summary?.hasPrefix("## Tidal Computation") == true, "the page's summary wins over the JSON's")
        let empty = try archive.firstListing("2026-06-18")
        #expect(empty.papers.isEmpty && empty.summary == "No relevant papers found today." && empty.run.relevantPapers == 0)
    }

    @Test("A JSON object keyed by something that is no arXiv id is skipped as other, and names no paper")
    func testJSON() throws {
        let url = FamilyReaderTests.families.appendingPathComponent("test-json/sample.json")
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [url.path])
        #expect(report.failures.isEmpty && report.skipped.map(\.kind) == [.other])
    }

    @Test("daily-arXiv-ai-enhanced: the crawl, the listing (both schemas) and the page are one run of its own digest; a failed summary is missing")
    func dailyArxivAI() throws {
        let archive = try Archive.inMemory()
        let folder = FamilyReaderTests.families.appendingPathComponent("daily-arxiv-ai")
        let report = DigestImporter(archive: archive).run(paths: [folder.path])
        #expect(report.failures.isEmpty && report.shortfalls.isEmpty, "\(report.failures) \(report.shortfalls)")
        let listing = try archive.firstListing("2026-06-20")
        #expect(listing.run.digest == AIEnhancedReader.digestName)
        #expect(listing.run.scannedPapers == 4, "the crawl's distinct papers")
        #expect(listing.papers.map(\.arxivID) == ["2606.20002", "2606.20003", "2606.20001"], "the listing's order")
        #expect(listing.papers.allSatisfy { $0.verdict.relevance == nil && $0.verdict.novelty == nil }, "no scores: nil, not zero")
        #expect(listing.topicOrder.map(\.label) == ["cs.CV", "cs.CL"], "the page's categories, in its order")
        #expect(listing.papers[0].topics.primaryTopic?.label == "cs.CV")
        let kingfisher = try #require(listing.papers[0].topics.ai)
        #expect(kingfisher["tldr"] == "翠鸟深度从一张河岸图像估计深度，误差更低。" && kingfisher["code_url"] == "https://example.org/kingfisher")
        #expect(kingfisher["code_stars"] == "42")
        let heron = try #require(listing.papers[2].topics.ai)
        #expect(heron["tldr"] == nil && heron["motivation"] == "长文档问答需要压缩。", "an 'Error: ...' summary is kept as missing")
        // Every crawled paper is a paper of the archive, the one no listing names too.
        #expect(try archive.paper("2606.20004")?.title == "A Survey of Wren Parsers")
        // Importing the folder again reads nothing: its files are known under the family's own digest.
        let again = DigestImporter(archive: archive).run(paths: [folder.path])
        #expect(again.filesUnchanged == 5 && again.runsUpdated == 0, "\(again.filesUnchanged)")
        let older = try archive.firstListing("2025-04-10")
        #expect(older.papers.first?.topics.ai?["task"] == "用千鸟文法描述代码。", "older days say task")
        // A few characters of a Chinese summary find their paper.
        let hits = try archive.search(try QueryParser.parse("让像素聚集成群"))
        #expect(hits.map(\.arxivID) == ["2606.20003"])
        #expect(try archive.search(try QueryParser.parse("让像素聚集成群 digest:daily")).isEmpty, "filters apply to them too")
        #expect(try archive.search(try QueryParser.parse("让像素聚集成群 digest:daily-arxiv-ai")).count == 1)
    }

    @Test("daily-arXiv-ai-enhanced's page alone: papers by category, their authors from the italic line, the TL;DR kept")
    func dailyArxivAIPage() throws {
        let page = try read("daily-arxiv-ai/data/2026-06-20.md")
        #expect(page.format == .aiPage && page.ownDigestName == AIEnhancedReader.digestName)
        #expect(page.papers.map(\.arxivID) == ["2606.20002", "2606.20003", "2606.20001"])
        #expect(page.papers[1].authors == ["Tomasz Wr{\\'o}bel", "Ada Okafor"] && page.papers[0].authors == ["Lucía Ferrer"])
        #expect(page.topicOrder.map(\.label) == ["cs.CV", "cs.CL"])
        #expect(page.papers[0].extra?.contains("翠鸟深度") == true && page.papers[2].extra?.contains("AI_tldr") == false, "an Error summary is none")
    }

    @Test("A translated page joins its day: no second run; its texts are kept where the JSON has none, and are searchable")
    func translatedPage() throws {
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [FamilyReaderTests.families.appendingPathComponent("fork-cards").path])
        #expect(report.failures.isEmpty && report.translations == 1 && report.runsAdded == 2, "\(report.failures)")
        // The JSON's translation wins over the page's; the page fills the one the JSON failed.
        #expect(try archive.search(try QueryParser.parse("用于稀疏训练的潮汐调度")).map(\.arxivID) == ["2606.16001"])
        #expect(try archive.search(try QueryParser.parse("页面译文")).isEmpty, "the page's title lost to the JSON's")
        #expect(try archive.search(try QueryParser.parse("用于嘈杂信道的灯笼码")).map(\.arxivID) == ["2606.16002"])
    }

    @Test("An AI summary and a day's summary keep no control character a terminal would obey")
    func controlCharacters() throws {
        let line =
            #"{"id": "2606.29001", "abs": "https://arxiv.org/abs/2606.29001", "title": "Bells", "summary": "A.", "AI": {"tldr": "rings \u001b[31mred\u0007 now"}}"#
        let digest = try AIEnhancedReader.read(Data((line + "\n").utf8), listing: true)
        let extra = try #require(digest.papers.first?.extra)
        let tldr = try #require(AIEnhancedReader.aiFields(inExtra: extra)?["tldr"])
        #expect(!tldr.unicodeScalars.contains { $0.value < 0x20 } && tldr.contains("[31mred"))
        let json = #"{"summary_en": "Bells \u001b[31m ring\u0007\nand more", "papers": {}}"#
        let read = try #require(try SourceReader.read(Data(json.utf8)).digest)
        #expect(read.header?.summary?.contains("\n") == true, "its lines kept")
        #expect(read.header?.summary?.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } == false)
    }
}
