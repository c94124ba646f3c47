import Foundation
import Testing

@Suite("arxive feed from the command line")
struct FeedCommandTests {
    @Test("feed QUERY -o FILE, q:NAME, --following, --json; bad usage exits 2")
    func feed() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let file = cli.folder.appendingPathComponent("model.xml").path
        let written = try cli.run(["feed", "ti:model OR model", "--limit", "3", "-o", file, "--db", cli.db])
        #expect(written.status == 0, "\(written.stderr)")
        let xml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(xml.components(separatedBy: "<entry>").count - 1 == 3)
        let records = try cli.json(["feed", "ti:model OR model", "--limit", "3"]) as! [[String: Any]]
        #expect(records.count == 3)
        for record in records { #expect(xml.contains("<id>https://arxiv.org/abs/\(record["arxiv_id"] as! String)</id>")) }

        #expect(try cli.run(["save", "mine", "model", "--db", cli.db]).status == 0)
        let saved = try cli.run(["feed", "q:mine", "--limit", "3", "--db", cli.db])
        #expect(saved.status == 0 && saved.stdout.components(separatedBy: "<entry>").count - 1 == 3)
        #expect(try cli.run(["follow", "Jörg Keller", "--db", cli.db]).status == 0)
        let following = try cli.run(["feed", "--following", "--db", cli.db])
        #expect(following.status == 0 && following.stdout.contains("<title>arxive: papers by followed authors</title>"), "\(following.stderr)")
        for bad in [["feed"], ["feed", "model", "--following"], ["feed", "ti:("], ["feed", "model", "--limit", "0"]] {
            #expect(try cli.run(bad + ["--db", cli.db]).status == 2, "\(bad)")
        }
        #expect(try cli.run(["feed", "model", "-o", "/nonexistent/x.xml", "--db", cli.db]).status == 1)
    }
}
