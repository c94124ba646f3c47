import ArxiveKit
import Foundation
import Testing

/// Facts about the real digests in `../shared/samples`, read from there (never copied).
@Suite("Real samples", .enabled(if: Paths.samplesAvailable, "../shared/samples is not beside the checkout"))
struct RealSamplesTests {
    func sample(_ relative: String) -> String { Paths.samples.appendingPathComponent(relative).path }

    @Test("page-text/2025-12-30.txt: 42 verdicts, its tokens, cost, counts and model; an author match first")
    func pageText() throws {
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [sample("page-text/2025-12-30.txt")])
        #expect(report.failures.isEmpty)
        let day = try #require(try archive.day(Day("2025-12-30")!).first)
        #expect(day.papers.count == 42)
        #expect((day.run.promptTokens, day.run.completionTokens, day.run.totalTokens) == (54533, 46142, 100675))
        #expect(day.run.totalCost == 0.53)
        #expect((day.run.totalPapers, day.run.scannedPapers, day.run.relevantPapers) == (561, 359, 42))
        #expect(day.run.model == "gpt-5")
        #expect(day.papers[0].verdict.authorMatch && day.papers[0].verdict.relevance == nil)
    }

    @Test("The page text and the Markdown+JSON of the same two days give the same papers and verdicts")
    func sameDaysTwoWays() throws {
        let pages = try Archive.inMemory()
        #expect(DigestImporter(archive: pages).run(paths: [sample("page-text")]).failures.isEmpty)
        let files = try Archive.inMemory()
        #expect(DigestImporter(archive: files).run(paths: [sample("assistant-out/md/2025-12"), sample("assistant-out/json/2025-12")]).failures.isEmpty)
        for date in ["2025-12-30", "2025-12-31"] {
            let a = try #require(try pages.day(Day(date)!).first), b = try #require(try files.day(Day(date)!).first)
            #expect(a.papers == b.papers, "\(date)")
            #expect(a.run.totalTokens == b.run.totalTokens && a.run.totalCost == b.run.totalCost && a.run.model == b.run.model)
        }
        #expect(try pages.stats().papers == 52)
        #expect(try files.stats().papers == 52)
    }

    @Test("Every sample imports without failure; re-importing changes nothing")
    func everything() throws {
        let archive = try Archive.inMemory()
        let paths = ["assistant-out", "page-text", "site"].map(sample)
        let report = DigestImporter(archive: archive).run(paths: paths)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.skipped.map { ($0.path as NSString).lastPathComponent } == ["index.md"], "the monthly overview")
        let upstream = DigestImporter(archive: archive, options: .init(digestName: "upstream")).run(paths: [sample("upstream-out")])
        #expect(upstream.failures.isEmpty, "\(upstream.failures)")
        let stats = try archive.stats()
        #expect(stats.runs == 7)
        // Dated runs of the fork, plus the upstream day; its dateless output.json joined it.
        #expect(try archive.runs(digest: "upstream").map(\.listed) == [16])
        #expect(try archive.runs().map(\.date) == ["2025-01-17", "2025-02-10", "2025-03-14", "2025-12-30", "2025-12-31", "2026-04-01", "2026-08-20"])
        let again = DigestImporter(archive: archive).run(paths: paths)
        #expect(again.runsAdded == 0 && again.runsUpdated == 0)
        #expect(try archive.stats() == stats)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test(
        "Every era's header is read",
        arguments: [
            ("assistant-out/md/2025-01/2025-01-17-output.md", "2025-01-17", nil as String?, nil as Int?, 0.980125, 25),
            ("assistant-out/md/2025-02/2025-02-10-output.md", "2025-02-10", nil, 119441, 3.79, 34),
            ("assistant-out/md/2025-03/2025-03-14-output.md", "2025-03-14", "gpt-4o", 48291, 0.17, 44),
            ("assistant-out/md/2026-04/2026-04-01-latest.md", "2026-04-01", "gpt-5.4", 176796, 0.54, 26),
            ("site/archive/2025-12/30/index.md", "2025-12-30", "gpt-5", 100675, 0.53, 42),
        ])
    func headers(path: String, date: String, model: String?, tokens: Int?, cost: Double, papers: Int) throws {
        let digest = try #require(try SourceReader.read(Data(contentsOf: URL(fileURLWithPath: sample(path)))).digest)
        #expect(digest.date == date)
        #expect(digest.header?.model == model)
        #expect(digest.header?.totalTokens == tokens)
        #expect(digest.header?.totalCost == cost)
        #expect(digest.papers.count == papers)
        #expect(digest.header?.selectionPrompt?.isEmpty == false)
    }

    @Test("The remedial-run note, the feed prefix, TeX names")
    func details() throws {
        let march = try #require(try SourceReader.read(Data(contentsOf: URL(fileURLWithPath: sample("assistant-out/md/2025-03/2025-03-14-output.md")))).digest)
        #expect(march.header?.notes?.hasPrefix("This is a remedial run") == true)
        let january = try #require(
            try SourceReader.read(Data(contentsOf: URL(fileURLWithPath: sample("assistant-out/json/2025-01/2025-01-17-output.json")))).digest)
        #expect(january.papers.allSatisfy { !$0.abstract.hasPrefix("arXiv:") && $0.announceType == "new" && $0.arxivVersion == 1 })
        #expect(!january.papers.contains { $0.authors.contains { $0.contains("(") || $0.contains(")") } }, "affiliations removed")
    }

    @Test("`author \"Marcel Rod\"` finds R{\\o}d's paper; \"Y. Bengio\" finds Yoshua Bengio")
    func authors() throws {
        let archive = try Archive.inMemory()
        expectClean(DigestImporter(archive: archive).run(paths: [sample("page-text")]))
        let rod = try archive.papers(byAuthor: "Marcel Rod")
        #expect(rod.papers.map(\.arxivID) == ["2512.23675"])
        #expect(rod.papers.first?.matchedName == "Marcel Rød")
        let bengio = try archive.papers(byAuthor: "Y. Bengio")
        #expect(bengio.papers.map(\.arxivID) == ["2512.21852"])
        #expect(bengio.papers.first?.matchLevel == .compatible)
        #expect(try archive.papers(byAuthor: "Samy Bengio").papers.isEmpty)
        #expect(try archive.papers(byAuthor: "Emmanuel Bengio").papers.isEmpty)
        #expect(try archive.papers(byAuthor: "Jurgen Schmidhuber").papers.count == 1)
        // Listed on both days: one paper.
        #expect(try archive.papers(byAuthor: "louis bethune").papers.count == 1)
    }
}

@Suite("Real samples: followed authors", .enabled(if: Paths.samplesAvailable, "../shared/samples is not beside the checkout"))
struct RealSamplesFollowTests {
    @Test("The upstream authors.txt: 8 lines, 7 people (Hashimoto's two ids merged); its rules find 2512.23675")
    func upstreamAuthors() throws {
        let text = try String(contentsOf: Paths.samples.appendingPathComponent("upstream-config/authors.txt"), encoding: .utf8)
        let rules = try AuthorsFile.read(text)
        #expect(rules.count == 7)
        #expect(rules.first { $0.key.hasSuffix("hashimoto") }?.semanticScholarIDs == ["3056528", "2117567142"])
        let archive = try Archive.inMemory()
        #expect(DigestImporter(archive: archive).run(paths: [Paths.samples.appendingPathComponent("page-text").path]).failures.isEmpty)
        _ = try archive.follow(rules)
        let hits = try archive.matches(limit: 100)
        #expect(hits.map(\.arxivID) == ["2512.23675"])
        #expect(hits.first?.matchedName == "Tatsunori Hashimoto" && hits.first?.matchLevel == .compatible)
    }
}

@Suite("Real samples: the monthly report", .enabled(if: Paths.samplesAvailable, "../shared/samples is not beside the checkout"))
struct RealSamplesReportTests {
    @Test("report 2025-12 on the 2025-12 samples: 2 runs, 64 listed, 52 distinct, 177,332 tokens, $0.95, in all three formats")
    func december() throws {
        let archive = try Archive.inMemory()
        let paths = ["assistant-out/md/2025-12", "assistant-out/json/2025-12", "page-text"].map { Paths.samples.appendingPathComponent($0).path }
        #expect(DigestImporter(archive: archive).run(paths: paths).failures.isEmpty)
        let r = try archive.monthReport(Month("2025-12")!)
        // 42 + 22 listings on 12-30 and 12-31; tokens 100,675 + 76,657; cost $0.53 + $0.42.
        #expect((r.runs, r.papersListed, r.distinctPapers, r.totalTokens, r.totalCost) == (2, 64, 52, 177_332, 0.95))
        #expect((r.scannedPapers, r.arxivPapers) == (359 + 253, 561 + 366))
        #expect(r.days.filter { !$0.digests.isEmpty }.map(\.date.text) == ["2025-12-30", "2025-12-31"])
        let markdown = ReportMarkdown.month(r)
        #expect(markdown.contains("| 2 | 64 | 52 | 612 | 927 |"))
        #expect(markdown.contains("| **all** | 2 | 93812 | 83520 | 177332 | $0.95 |"))
        let html = ReportHTML.month(r)
        for card in ["<b>2</b>runs", "<b>64</b>papers listed", "<b>52</b>distinct papers", "<b>177332</b>tokens", "<b>$0.95</b>cost"] {
            #expect(html.contains(card), "\(card)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(try JSONOutput.string(r).utf8)) as! [String: Any]
        #expect(json["runs"] as? Int == 2 && json["papers_listed"] as? Int == 64 && json["distinct_papers"] as? Int == 52)
        #expect(json["total_tokens"] as? Int == 177_332 && json["total_cost"] as? Double == 0.95)
    }
}
