import ArxiveKit
import DigestGenerator
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Atom feeds")
struct FeedTests {
    /// The fixtures, the hostile day, and a note with markup and a control character in it.
    static func archive() throws -> Archive {
        let archive = try fixtureArchive()
        expectClean(DigestImporter(archive: archive).run(paths: [Paths.root.appendingPathComponent("Tests/Fixtures/hostile/2025-12-05-output.md").path]))
        let hostile = try archive.records(matching: parse("script"), limit: 1)
        try #require(hostile.count == 1)
        try archive.mark(hostile[0].arxivID, .note("Mine: <b>bold</b> & \u{1}odd"))
        return archive
    }

    /// The entries' ids and titles, as an XML parser reads the feed (nil when it is not well-formed).
    final class Entries: NSObject, XMLParserDelegate {
        var ids: [String] = []
        var titles: [String] = []
        var path: [String] = []
        var text = ""

        static func read(_ xml: String) -> Entries? {
            let parser = XMLParser(data: Data(xml.utf8))
            let entries = Entries()
            parser.delegate = entries
            return parser.parse() ? entries : nil
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            path.append(name)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if path.suffix(2) == ["entry", "id"] { ids.append(text) }
            if path.suffix(2) == ["entry", "title"] { titles.append(text) }
            path.removeLast()
        }
    }

    @Test("A feed is well-formed XML: one entry per paper, newest first, ids the abs URLs, titles as written")
    func wellFormed() throws {
        let archive = try Self.archive()
        let records = try archive.records(matching: parse("the OR script"), limit: 50)
        #expect(records.count > 5)
        let xml = AtomFeed.render(.query("the OR script"), records: records)
        let entries = try #require(Entries.read(xml), "\(xml.prefix(400))")
        #expect(entries.ids == records.map { "https://arxiv.org/abs/\($0.arxivID)" })
        #expect(entries.titles == records.map(\.title))
        #expect(records.map { $0.lastSeen ?? "" } == records.map { $0.lastSeen ?? "" }.sorted(by: >), "newest first")
        #expect(!xml.contains("<script") && !xml.contains("<b>bold"), "markup from a digest or a note stays text")
        #expect(!xml.unicodeScalars.contains("\u{1}"), "no character XML forbids")
        #expect(AtomFeed.render(.query("the OR script"), records: records) == xml, "the same archive, the same bytes")
        let empty = AtomFeed.render(.following, records: [])
        #expect(Entries.read(empty)?.ids == [] && empty.contains("<updated>1970-01-01T00:00:00Z</updated>"))
    }

    @Test("feedparser reads every feed with no error: entries, ids, updated days, the comment and the note", .enabled(if: PeerPython.with("feedparser") != nil))
    func feedparserReads() throws {
        let archive = try Self.archive()
        _ = try archive.follow(FollowRequest(name: try #require(try archive.records(matching: parse("model"), limit: 1).first?.authors.first)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-feed-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var expected: [[String: Any]] = []
        for (i, source) in [AtomFeed.Source.query("script"), .query("the OR model"), .query("ti:nothingatall"), .following].enumerated() {
            let records = try source.records(archive, limit: 20)
            let file = folder.appendingPathComponent("\(i).xml")
            try AtomFeed.render(source, records: records).write(to: file, atomically: true, encoding: .utf8)
            let ids: [String] = records.map { "https://arxiv.org/abs/\($0.arxivID)" }
            let updated: [String] = records.map { $0.lastSeen ?? "" }
            let comments: [String] = records.map { $0.latest?.comment ?? "" }
            let notes: [String] = records.map { $0.marks.note ?? "" }
            expected.append(["file": file.path, "ids": ids, "updated": updated, "comments": comments, "notes": notes])
        }
        #expect((expected[0]["ids"] as! [String]).count == 1 && !(expected[3]["ids"] as! [String]).isEmpty)
        let plan = folder.appendingPathComponent("expected.json")
        try JSONSerialization.data(withJSONObject: expected).write(to: plan)
        let script = """
            import json, sys, feedparser
            for feed in json.load(open(sys.argv[1])):
                d = feedparser.parse(feed["file"])
                assert not d.bozo, (feed["file"], d.get("bozo_exception"))
                assert d.version == "atom10", d.version
                assert [e.id for e in d.entries] == feed["ids"], ([e.id for e in d.entries], feed["ids"])
                for e, day, comment, note in zip(d.entries, feed["updated"], feed["comments"], feed["notes"]):
                    assert e.link == e.id
                    assert "%04d-%02d-%02d" % tuple(e.updated_parsed[:3]) == day, (e.updated, day)
                    content = e.content[0].value
                    assert "<script" not in content
                    for word in (comment.split()[:3] + note.split()[:1]):
                        word = word.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        assert word in content or word.replace('"', "&quot;") in content, (word, content)
                print(len(d.entries))
            """
        let output = try PeerPython.run(PeerPython.with("feedparser")!, script, [plan.path])
        #expect(output.split(separator: "\n").map(String.init) == expected.map { String(($0["ids"] as! [String]).count) })
    }

    @Test("site writes a feed per saved search and one for followed authors, announced by the index")
    func siteFeeds() throws {
        let archive = try Self.archive()
        try archive.saveSearch("hostile", query: "script")
        try archive.saveSearch("a/b c", query: "model")
        _ = try archive.follow(FollowRequest(name: try #require(try archive.records(matching: parse("model"), limit: 1).first?.authors.first)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-site-feeds-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Site.build(archive, into: folder)
        for file in ["feeds/hostile.xml", "feeds/a_b_c.xml", "feeds/following.xml"] {
            let xml = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(Entries.read(xml) != nil, "\(file)")
        }
        let hostile = try #require(Entries.read(try String(contentsOf: folder.appendingPathComponent("feeds/hostile.xml"), encoding: .utf8)))
        #expect(hostile.ids.count == 1)
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"arxive: saved search hostile\" href=\"feeds/hostile.xml\">"))
        #expect(index.contains("href=\"feeds/following.xml\""))
        let second = try Site.build(archive, into: folder)
        #expect(second.written == 0 && second.unchanged == first.written + first.unchanged, "an unchanged archive rewrites no feed")
    }
}
