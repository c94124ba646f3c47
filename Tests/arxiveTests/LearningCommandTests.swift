import DigestGenerator
import Foundation
import Testing

@Suite("The learned ranker from the command line")
struct LearningCommandTests {
    @Test("recommend and rank --learned: JSON, explanations, too few marks (exit 1), bad usage (exit 2)")
    func recommendAndRank() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let history = History.generate(days: 45, seed: 61)
        try history.write(to: cli.folder.appendingPathComponent("history"))
        #expect(try cli.run(["import", "--db", cli.db, cli.folder.appendingPathComponent("history/daily").path]).status == 0)

        let tooFew = try cli.run(["recommend", "--db", cli.db])
        #expect(tooFew.status == 1)
        #expect(tooFew.stderr == "arxive: error: learning needs at least 3 starred papers and the archive has 0: star 3 more (arxive star ID)\n")

        let ofTopic = history.latestPapers.values.filter { $0.topic == 1 }.map(\.id).sorted()
        #expect(try cli.run(["star", "--db", cli.db] + ofTopic.prefix(6)).status == 0)
        #expect(try cli.run(["dismiss", "--db", cli.db, ofTopic[7]]).status == 0)
        let result = try cli.run(["recommend", "--db", cli.db, "--limit", "5", "--explain", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("learned from 6 starred papers against 1 dismissed and "), "\(result.stderr)")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 5)
        for hit in hits {
            let id = try #require(hit["arxiv_id"] as? String)
            #expect(!ofTopic.prefix(6).contains(id) && id != ofTopic[7], "marked papers are not recommended")
            let score = try #require(hit["recommend_score"] as? Double)
            #expect(score > 0 && score < 1)
            let reasons = try #require(hit["reasons"] as? [[String: Any]])
            #expect(!reasons.isEmpty && reasons.allSatisfy { ["term", "author"].contains($0["kind"] as? String) && ($0["points"] as? Double ?? 0) > 0 })
        }
        let text = try cli.run(["recommend", "--db", cli.db, "--limit", "3", "--explain"])
        #expect(text.status == 0 && text.stdout.contains("  1. ") && text.stdout.contains("because: +"), "\(text.stdout)")
        let month = try cli.json(["recommend", "--month", "2025-02", "--limit", "0"]) as! [[String: Any]]
        let february = Set(history.runs.filter { $0.date.hasPrefix("2025-02") }.flatMap { $0.papers.map(\.id) })
        #expect(Set(month.map { $0["arxiv_id"] as! String }) == february.subtracting(ofTopic.prefix(6)).subtracting([ofTopic[7]]))

        let ranked = try cli.json(["rank", "--month", "2025-02", "--learned", "starred", "--learned-points", "12"]) as! [[String: Any]]
        #expect(!ranked.isEmpty)
        for paper in ranked where paper["author_match"] as? Bool == false {
            let parts = paper["parts"] as! [[String: Any]]
            #expect(parts.contains { ($0["label"] as! String).hasPrefix("learned from starred: place ") && ($0["points"] as! Double) <= 12 })
        }
        for bad in [
            ["recommend", "--starred", "--tag", "x"], ["recommend", "--month", "2025-13"], ["recommend", "--month", "2025-02", "moe"],
            ["recommend", "--limit", "-1"], ["rank", "--month", "2025-02", "--learned-points", "3"],
            ["rank", "--month", "2025-02", "--learned", ""],
        ] {
            #expect(try cli.run(bad + ["--db", cli.db]).status == 2, "\(bad)")
        }
        #expect(try cli.run(["recommend", "--tag", "nothing", "--db", cli.db]).status == 1)
    }
}
