import Foundation
import Testing

/// The digest families from the command line: a digest without scores says so where scores would speak.
@Suite("Digest families, end to end")
struct FamiliesCommandLineTests {
    static let families = CLI.root.appendingPathComponent("Tests/Fixtures/families")

    @Test("daily-arXiv-ai-enhanced: rank, report and trends work with what it has, and say it gives no scores; day and search --json show the AI fields")
    func noScores() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let imported = try cli.run(["import", "--db", cli.db, FamiliesCommandLineTests.families.appendingPathComponent("daily-arxiv-ai").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let rank = try cli.run(["rank", "--db", cli.db, "2026-06-20"])
        #expect(rank.status == 0 && rank.stderr.contains("carry no relevance or novelty"), "\(rank.stderr)")
        let report = try cli.run(["report", "--db", cli.db, "2026-06"])
        #expect(report.status == 0 && report.stdout.contains("These runs give no relevance or novelty") && report.stdout.contains("### cs.CV (2 papers)"))
        let trends = try cli.run(["trends", "--db", cli.db, "--topics"])
        #expect(trends.status == 0 && trends.stderr.contains("counts only"), "\(trends.stderr)")
        let day = try cli.run(["day", "--db", cli.db, "2026-06-20"])
        #expect(day.stdout.contains("TL;DR: 翠鸟深度从一张河岸图像估计深度") && day.stdout.contains("## cs.CV"))
        let hits = try cli.json(["search", "翠鸟深度从一张"]) as! [[String: Any]]
        #expect((hits.first?["ai"] as? [String: String])?["method"] == "翠鸟网络。")
        // A digest with scores says nothing of the kind.
        let scored = try cli.run(["import", "--db", cli.db, FamiliesCommandLineTests.families.appendingPathComponent("fork-cards").path])
        #expect(scored.status == 0)
        #expect(!(try cli.run(["rank", "--db", cli.db, "2026-06-16"])).stderr.contains("no relevance"))
    }

    @Test("The day's research summary is kept with the run and searchable: runs --summary")
    func summaries() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["import", "--db", cli.db, FamiliesCommandLineTests.families.appendingPathComponent("fork-cards").path]).status == 0)
        func dates(_ words: String) throws -> [String] {
            (try cli.json(["runs", "--summary", words]) as! [[String: Any]]).map { $0["date"] as! String }
        }
        #expect(try dates("orbital schedules") == ["2026-06-16"])
        #expect(try dates("marmot regressions") == ["2026-06-16"], "a subheading's section of the summary")
        #expect(try dates("relevant papers found") == ["2026-06-18"])
        #expect(try dates("orbital nothingatall").isEmpty)
        #expect(try cli.run(["runs", "--db", cli.db, "--summary", #"C++ " foo:bar"#]).status == 0, "user words never reach FTS5 as syntax")
        let day = try cli.json(["day", "2026-06-16"]) as! [String: Any]
        #expect((day["summary"] as? String)?.contains("Quiet Benchmarks") == true)
    }
}
