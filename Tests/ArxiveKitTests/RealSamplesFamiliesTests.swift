import ArxiveKit
import Foundation
import Testing

/// The digest families of `../shared/samples` that no one here wrote: a fork
/// that drifted far (llikke), the other popular tool (daily-arXiv-ai-enhanced)
/// and a long upstream-format history. Real facts, read from the samples.
@Suite("Real samples: every digest family", .enabled(if: Paths.samplesAvailable, "../shared/samples is not beside the checkout"))
struct RealSamplesFamiliesTests {
    func sample(_ relative: String) -> String { Paths.samples.appendingPathComponent(relative).path }

    func imported(_ folder: String) throws -> Archive {
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [sample(folder)])
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.stopped == nil)
        return archive
    }

    @Test("llikke: every file imports; 2026-06-03's relevance and novelty are the JSON's, and its page alone gives the same")
    func llikke() throws {
        let archive = try imported("llikke")
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sample("llikke/history/2026-06-03.json")))) as? [String: Any])
        let papers = try #require(json["papers"] as? [String: [String: Any]])
        let day = try archive.firstListing("2026-06-03")
        #expect(day.papers.count == papers.count && day.papers.count == 60)
        // Scores are strings ("8") or numbers, as the fork wrote them.
        func score(_ value: Any?) -> Int? { (value as? String).flatMap { Int($0) } ?? (value as? NSNumber)?.intValue }
        for paper in day.papers {
            let record = try #require(papers[paper.arxivID])
            #expect(paper.verdict.relevance != nil && paper.verdict.relevance == score(record["RELEVANCE_SCORE"]), "\(paper.arxivID)")
            #expect(paper.verdict.novelty != nil && paper.verdict.novelty == score(record["NOVELTY_SCORE"]), "\(paper.arxivID)")
        }
        #expect(day.summary?.isEmpty == false)
        // The page by itself: the tolerant reader finds the same papers and scores.
        let page = try #require(try SourceReader.read(try Data(contentsOf: URL(fileURLWithPath: sample("llikke/history/2026-06-03.md")))).digest)
        #expect(page.papers.count == 60)
        let byID = Dictionary(uniqueKeysWithValues: day.papers.map { ($0.arxivID, $0) })
        #expect(page.papers.allSatisfy { byID[$0.arxivID]?.verdict.relevance == $0.relevance && byID[$0.arxivID]?.verdict.novelty == $0.novelty })
        // The empty day is a run with no paper, and the translated pages made no run.
        #expect(try archive.firstListing("2026-08-21").papers.isEmpty)
        #expect(try archive.runs().count == 3)
    }

    @Test("daily-arxiv-ai: 2026-07-01's listing is its AI file, every crawled paper is in the archive, six characters of a TL;DR find the paper")
    func dailyArxivAI() throws {
        let archive = try imported("daily-arxiv-ai")
        func lines(_ relative: String) throws -> [[String: Any]] {
            try String(contentsOfFile: sample(relative), encoding: .utf8).split(separator: "\n").map {
                try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
        let ai = try lines("daily-arxiv-ai/data/2026-07-01_AI_enhanced_Chinese.jsonl")
        let day = try archive.firstListing("2026-07-01")
        #expect(day.run.digest == "daily-arxiv-ai")
        #expect(day.papers.map(\.arxivID) == ai.map { $0["id"] as! String })
        let crawled = Set(try lines("daily-arxiv-ai/data/2026-07-01.jsonl").map { $0["id"] as! String })
        #expect(day.run.scannedPapers == crawled.count)
        for id in crawled { #expect(try archive.paper(id) != nil, "\(id)") }
        // Six characters from the middle of a TL;DR find its paper.
        let record = try #require(ai.first { (($0["AI"] as? [String: Any])?["tldr"] as? String)?.count ?? 0 > 30 })
        let tldr = Array((record["AI"] as! [String: Any])["tldr"] as! String)
        let six = String(tldr[10..<16])
        let hits = try archive.search(try QueryParser.parse("\"\(six)\""), limit: 50).map(\.arxivID)
        #expect(hits.contains(record["id"] as! String), "\(six)")
    }

    @Test("upstream-history: 384 days import with exit 0, none refused or short")
    func upstreamHistory() throws {
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [sample("upstream-history")])
        #expect(report.failures.isEmpty && report.shortfalls.isEmpty, "\(report.failures) \(report.shortfalls.map(\.path))")
        #expect(report.runsAdded == 384)
    }
}
