import Foundation
import Testing

@Suite("arxive mute from the command line")
struct MuteCommandTests {
    @Test("mute hides a paper from day, search, rank and feed; --all shows it; mutes --json; unmute; bad usage exits 2")
    func mute() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let day = try cli.json(["day", "2025-12-01"]) as! [String: Any]
        let papers = (day["papers"] as! [[String: Any]]).map { $0["arxiv_id"] as! String }
        #expect(papers.count >= 2 && day["muted_hidden"] == nil)
        let hidden = papers[0]

        let muted = try cli.run(["mute", "id:\(hidden)", "--note", "seen it", "--db", cli.db])
        #expect(muted.status == 0 && muted.stderr.contains("hides 1 paper now"), "\(muted.stderr)")
        let mutes = try cli.json(["mutes"]) as! [[String: Any]]
        #expect(
            mutes.count == 1 && mutes[0]["query"] as? String == "id:\(hidden)" && mutes[0]["papers"] as? Int == 1
                && mutes[0]["note"] as? String == "seen it" && mutes[0]["include_followed"] as? Bool == false)
        #expect(try cli.run(["mutes", "--db", cli.db]).stdout.contains("id:\(hidden)"))

        let after = try cli.run(["day", "2025-12-01", "--json", "--db", cli.db])
        let afterJSON = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as! [String: Any]
        #expect((afterJSON["papers"] as! [[String: Any]]).map { $0["arxiv_id"] as! String } == Array(papers.dropFirst()))
        #expect(afterJSON["muted_hidden"] as? Int == 1)
        #expect(after.stderr.contains("1 of the day's papers are muted (--all shows them)"), "\(after.stderr)")
        let all = try cli.json(["day", "2025-12-01", "--all"]) as! [String: Any]
        #expect((all["papers"] as! [[String: Any]]).count == papers.count)

        func ids(_ arguments: [String]) throws -> [String] {
            (try cli.json(arguments) as! [[String: Any]]).map { $0["arxiv_id"] as! String }
        }
        #expect(try ids(["search", "is:muted"]) == [hidden])
        #expect(try ids(["search", "id:\(hidden)"]).isEmpty)
        #expect(try ids(["search", "id:\(hidden)", "--all"]) == [hidden])
        #expect(try !ids(["rank", "2025-12-01"]).contains(hidden))
        #expect(try ids(["rank", "2025-12-01", "--all"]).contains(hidden))
        #expect(try ids(["feed", "id:\(hidden)"]).isEmpty)
        #expect(try ids(["feed", "id:\(hidden)", "--all"]) == [hidden])

        for bad in [["mute"], ["mute", "rel:>>3"], ["mute", "is:muted"], ["unmute"], ["day", "2025-12-01", "--all", "--everything"]] {
            #expect(try cli.run(bad + ["--db", cli.db]).status == 2, "\(bad)")
        }
        #expect(try cli.run(["unmute", "id:2599.00001", "--db", cli.db]).status == 1)
        let second = try cli.json(["mute", "orbital", "--include-followed"]) as! [String: Any]
        #expect(second["id"] as? Int == 2 && second["include_followed"] as? Bool == true && second["papers"] is Int)
        #expect((try cli.json(["unmute", "orbital"]) as! [String: Any])["query"] as? String == "orbital")
        #expect(try cli.run(["unmute", "1", "--db", cli.db]).status == 0)
        #expect((try cli.json(["mutes"]) as! [Any]).isEmpty)
        #expect(try ids(["search", "id:\(hidden)"]) == [hidden])
        #expect(try cli.run(["mute", "--help"]).stdout.contains("arxive mute 'cat:cs.CV' --include-followed"))
    }
}
