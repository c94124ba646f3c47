import ArxiveKit
import DigestGenerator
import Foundation
import Testing

@Suite("Export: Obsidian notes")
struct ObsidianTests {
    /// A generated history's papers, the first with marks, the second with
    /// text that YAML and Markdown must both survive.
    func records() throws -> (Archive, [PaperRecord]) {
        let history = History.generate(days: 12, seed: 11)
        let archive = try importedArchive(history)
        let first = try #require(try archive.records(limit: 1).first)
        try archive.mark(first.arxivID, .addTags(["thesis", "to-read"]))
        try archive.mark(first.arxivID, .star(true))
        try archive.mark(first.arxivID, .note("Compare with the lattice paper.\nSecond line."))
        var records = Array(try archive.records().prefix(40))
        records[1].title = "Schrödinger \"Bridges\": a \\tilde{x} #1 [[link]] %% at 50% \u{7F}\u{85}\u{2028}\u{FEFF}\u{1F600}\ttab"
        records[1].authors = ["Nguyễn Văn Phạm", "Plato", "O'Brien, Jr."]
        records[1].abstract = "Line one\nline two with <script>alert(1)</script> and $x^2$."
        return (archive, records)
    }

    func folder() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("arxive-obsidian-\(UUID())") }

    @Test("Every note's front matter is read back by PyYAML with the archive's values", .enabled(if: PeerPython.with("yaml") != nil))
    func frontMatterReadByPyYAML() throws {
        let (_, records) = try records()
        let vault = folder()
        defer { try? FileManager.default.removeItem(at: vault) }
        let outcome = try ObsidianNotes.write(records, to: vault)
        #expect(outcome.created.count == records.count && outcome.updated.isEmpty && outcome.unchanged.isEmpty)
        let script = """
            import json, sys, os, yaml
            out = {}
            for name in sorted(os.listdir(sys.argv[1])):
                text = open(os.path.join(sys.argv[1], name), encoding="utf-8").read()
                assert text.startswith("---\\n"), name
                front = yaml.safe_load(text[4:text.index("\\n---\\n", 4)])
                out[name] = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in front.items()}
            print(json.dumps(out))
            """
        let output = try PeerPython.run(PeerPython.with("yaml")!, script, [vault.path])
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]])
        #expect(notes.count == records.count)
        for record in records {
            let front = try #require(notes[ObsidianNotes.fileName(record.arxivID)])
            #expect(front["arxiv_id"] as? String == record.arxivID)
            #expect(front["title"] as? String == record.title, "\(record.arxivID)")
            #expect(front["aliases"] as? [String] == [record.title])
            #expect(front["authors"] as? [String] == record.authors)
            #expect(front["date"] as? String == record.firstSeen)
            #expect(front["tags"] as? [String] == record.marks.tags)
            #expect(front["starred"] as? Bool == record.marks.starred)
            #expect(front["relevance"] as? Int == record.latest?.relevance && front["novelty"] as? Int == record.latest?.novelty)
            #expect(front["url"] as? String == "https://arxiv.org/abs/\(record.arxivID)")
            #expect(front.keys.contains("doi") && front["doi"] is NSNull, "a key with nothing is null, not missing")
        }
        #expect(notes[ObsidianNotes.fileName(records[0].arxivID)]?["tags"] as? [String] == ["thesis", "to-read"])
    }

    @Test("A note holds the abstract, the verdicts and your note, escaped for Markdown; the marker ends it")
    func body() throws {
        let (_, records) = try records()
        let marked = ObsidianNotes.note(records[0])
        #expect(marked.contains("\n## Your note (arxive note)\n\nCompare with the lattice paper. Second line.\n"))
        #expect(marked.hasSuffix("\n" + ObsidianNotes.marker))
        for v in records[0].verdicts { #expect(marked.contains("- \(v.date) · \(v.digest) #\(v.position) · ")) }
        let hostile = ObsidianNotes.note(records[1])
        let body = String(hostile[hostile.range(of: "\n---\n")!.upperBound...])
        #expect(body.contains("# Schrödinger \"Bridges\": a \\tilde{x} \\#1 \\[\\[link\\]\\] \\%\\% at 50\\%"))
        #expect(body.contains("Line one line two with \\<script\\>alert(1)\\</script\\> and $x^2$."), "HTML is text; math stays")
        #expect(!body.contains("<script>"))
        #expect(ObsidianNotes.fileName("hep-th/9901001") == "hep-th_9901001.md")
    }

    @Test("Exporting again rewrites only what changed, keeps what you wrote below the marker, leaves others' files alone")
    func rewriteOnlyChanged() throws {
        let (archive, all) = try records()
        let records = Array(all[2..<8])  // not the two records() changed by hand: the archive does not have them
        let vault = folder()
        defer { try? FileManager.default.removeItem(at: vault) }
        #expect(try ObsidianNotes.write(records, to: vault).created.count == 6)
        let names = records.map { ObsidianNotes.fileName($0.arxivID) }
        func path(_ i: Int) -> String { vault.appendingPathComponent(names[i]).path }
        // Stamp every note old: a rewrite would give it a new time.
        let old = Date(timeIntervalSince1970: 1_000_000)
        for i in 0..<6 { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path(i)) }
        let mine = "\n## My reading\n\n- the bound in section 3 is loose\n"
        try (try String(contentsOfFile: path(2), encoding: .utf8) + mine).write(toFile: path(2), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path(2))
        try "Not arxive's.\n".write(toFile: path(4), atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x41]).write(to: URL(fileURLWithPath: path(5)))

        let again = try ObsidianNotes.write(records, to: vault)
        #expect(again.unchanged == Array(names[0...3]) && again.leftAlone == [names[4], names[5]] && again.created.isEmpty && again.updated.isEmpty)
        for i in 0...3 {
            #expect(try FileManager.default.attributesOfItem(atPath: path(i))[.modificationDate] as? Date == old, "\(names[i]) not rewritten")
        }
        #expect(try String(contentsOfFile: path(4), encoding: .utf8) == "Not arxive's.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path(5))) == Data([0xFF, 0xFE, 0x41]), "not UTF-8: not arxive's either")

        try archive.mark(records[2].arxivID, .addTags(["later"]))
        try archive.mark(records[3].arxivID, .star(true))
        let changed = try archive.records(arxivIDs: records.map(\.arxivID))
        let third = try ObsidianNotes.write(changed, to: vault)
        #expect(third.updated == [names[2], names[3]] && third.unchanged == [names[0], names[1]])
        let note = try String(contentsOfFile: path(2), encoding: .utf8)
        #expect(note.contains("tags: [\"later\"]") && note.hasSuffix(ObsidianNotes.marker + "\n" + mine), "your lines kept, after the new note")
        #expect(try FileManager.default.attributesOfItem(atPath: path(0))[.modificationDate] as? Date == old)
    }
}
