import DigestGenerator
import Foundation
import Testing

/// What the command line writes out: paper exports, the whole archive and
/// its backup, the overviews and the static site.
@Suite("The arxive command line: exports, overviews and the site")
struct CommandLineOutputTests {
    @Test("export and --format: BibTeX to a file, CSV and JSON lines to stdout; --json with --format exits 2")
    func export() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let bib = cli.folder.appendingPathComponent("refs.bib").path
        #expect(try cli.run(["export", "--db", cli.db, "--format", "bibtex", "-o", bib, "ti:pruning"]).status == 0)
        let text = try String(contentsOfFile: bib, encoding: .utf8)
        #expect(text.hasPrefix("@misc{morvan2025mixture,") && text.contains("archivePrefix = {arXiv}"))
        let csl = try cli.run(["export", "--db", cli.db, "--format", "csljson", "ti:pruning"])
        let items = try JSONSerialization.jsonObject(with: Data(csl.stdout.utf8)) as? [[String: Any]]
        #expect(csl.status == 0 && items?.first?["id"] as? String == "morvan2025mixture" && items?.first?["publisher"] as? String == "arXiv")
        let ris = try cli.run(["search", "--db", cli.db, "ti:pruning", "--format", "ris"])
        #expect(ris.status == 0 && ris.stdout.hasPrefix("TY  - UNPB\nID  - morvan2025mixture\n") && ris.stdout.hasSuffix("ER  - \n"))
        let csv = try cli.run(["search", "--db", cli.db, "kernel", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("arxiv_id,title,authors,"))
        #expect(csv.stdout.split(separator: "\r\n").count == 3, "a header and the two hits")
        let all = try cli.run(["export", "--db", cli.db, "--format", "jsonl"])
        let stats = try cli.json(["stats"]) as! [String: Any]
        #expect(all.stdout.split(separator: "\n").count == stats["papers"] as? Int)
        let md = try cli.run(["rank", "--db", cli.db, "2025-12-01", "--format", "md"])
        #expect(md.stdout.hasPrefix("# Reading list (3 papers)"))
        #expect(try cli.run(["search", "--db", cli.db, "kernel", "--format", "csv", "--json"]).status == 2)
        #expect(try cli.run(["export", "--db", cli.db, "--format", "pdf"]).status == 2)
        // Obsidian: a folder of notes, made when missing; again, nothing is rewritten.
        let vault = cli.folder.appendingPathComponent("vault/arxiv").path
        try FileManager.default.createDirectory(atPath: cli.folder.appendingPathComponent("vault").path, withIntermediateDirectories: false)
        let notes = try cli.run(["export", "--db", cli.db, "--format", "obsidian", "-o", vault, "ti:pruning OR kernel"])
        #expect(notes.status == 0 && notes.stderr == "3 notes written in \(vault) (3 new, 0 changed), 0 unchanged\n", "\(notes.stderr)")
        let found = (try cli.json(["search", "ti:pruning OR kernel"]) as! [[String: Any]]).map { ($0["arxiv_id"] as! String) + ".md" }
        #expect(try FileManager.default.contentsOfDirectory(atPath: vault).sorted() == found.sorted() && found.count == 3)
        let again = try cli.run(["export", "--db", cli.db, "--format", "obsidian", "-o", vault, "ti:pruning OR kernel"])
        #expect(again.status == 0 && again.stderr == "0 notes written in \(vault) (0 new, 0 changed), 3 unchanged\n", "\(again.stderr)")
        #expect(try cli.run(["export", "--db", cli.db, "--format", "obsidian"]).status == 2, "obsidian needs -o DIR")
        #expect(try cli.run(["export", "--db", cli.db, "--format", "obsidian", "-o", bib]).status == 1, "a file is no folder")
        #expect(try cli.run(["export", "--db", cli.db, "--format", "obsidian", "-o", vault, "ti:("]).status == 2)
        // A file in a folder that is not there: one line naming the folder.
        for format in ["bibtex", "archive"] {
            let nowhere = try cli.run(["export", "--db", cli.db, "--format", format, "-o", "no/such/refs.txt"])
            #expect(nowhere.status == 1)
            #expect(nowhere.stderr == "arxive: error: cannot write no/such/refs.txt: there is no folder \(cli.folder.path)/no/such\n")
        }

        // The whole archive: out, into an empty one, and a backup.
        try cli.run(["star", "2512.00401", "--db", cli.db])
        let file = cli.folder.appendingPathComponent("everything.jsonl").path
        #expect(try cli.run(["export", "--db", cli.db, "--format", "archive", "-o", file]).status == 0)
        let other = cli.folder.appendingPathComponent("other.sqlite").path
        let imported = try cli.run(["import", "--db", other, file])
        #expect(imported.status == 0 && imported.stderr.contains("9 runs added, 0 updated, 9 new papers, 14 verdicts"), "\(imported.stderr)")
        #expect(try cli.run(["stats", "--db", other, "--json"]).stdout == cli.run(["stats", "--db", cli.db, "--json"]).stdout)
        #expect(try cli.run(["search", "--db", other, "is:starred"]).stdout.contains("2512.00401"))
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run(["backup", "--db", cli.db, copy]).status == 0)
        #expect(try cli.run(["backup", "--db", cli.db, copy]).status == 1, "never overwrites")
        let nowhere = try cli.run(["backup", "--db", cli.db, "no/such/copy.sqlite"])
        #expect(
            nowhere.status == 1 && nowhere.stderr.hasPrefix("arxive: error: cannot write no/such/copy.sqlite: there is no folder"),
            "\(nowhere.stderr)")
        #expect(try cli.run(["export", "--db", cli.db, "--format", "archive", "ti:x"]).status == 2)

        // The catalogue does not travel in an archive file: the export says how much it left out.
        var generator = SnapshotGenerator(seed: 8, papers: 30, vocabulary: 500, peopleCount: 50)
        let encoder = JSONEncoder()
        let snapshot = cli.folder.appendingPathComponent("snapshot.json").path
        try (0..<30).map { _ in String(decoding: try encoder.encode(generator.next()), as: UTF8.self) }.joined(separator: "\n")
            .write(toFile: snapshot, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--db", cli.db, snapshot]).status == 0)
        let withCatalogue = try cli.run(["export", "--db", cli.db, "--format", "archive", "-o", file])
        #expect(
            withCatalogue.status == 0 && withCatalogue.stderr.contains("the 30 catalogue papers no digest listed are not in the archive file"),
            "\(withCatalogue.stderr)")
    }

    @Test("trends, report and site from the command line: JSON contracts, files, exit codes")
    func overviews() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let rows = try cli.json(["trends", "kernel", "ti:pruning", "--from", "2025-12", "--to", "2026-01"]) as! [[String: Any]]
        #expect(rows.count == 4 && Set(rows[0].keys) == ["period", "query", "count", "share", "mean_relevance", "mean_novelty"])
        #expect(rows.map { $0["period"] as! String } == ["2025-12", "2025-12", "2026-01", "2026-01"])
        // A range of centuries is cut to the archive's runs (by week it was half a million periods).
        let wide = try cli.json(["trends", "kernel", "--by", "week", "--from", "0001-01", "--to", "9999-12"]) as! [[String: Any]]
        let weeks = try cli.json(["trends", "kernel", "--by", "week"]) as! [[String: Any]]
        #expect(wide.map { $0["period"] as! String } == weeks.map { $0["period"] as! String })
        let text = try cli.run(["trends", "--db", cli.db, "kernel", "--from", "2025-12", "--to", "2025-12"])
        #expect(text.stdout.contains("2025-12") && text.stdout.contains("#") && !text.stdout.contains("█"), "plain bars off a terminal")
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let cost = try cli.json(["trends", "--cost"]) as! [[String: Any]]
        // The fixtures' December: four runs (one empty), 3 + 2 + 1 + 0 listings, $0.46 + $0.24 + $0.13 + $0.08.
        #expect(
            cost.contains { $0["model"] is NSNull && $0["period"] as? String == "2025-12" && $0["runs"] as? Int == 4 && $0["total_cost"] as? Double == 0.91 })
        let report = try cli.json(["report", "2025-12"]) as! [String: Any]
        #expect(report["runs"] as? Int == 4 && report["papers_listed"] as? Int == 6 && report["distinct_papers"] as? Int == 4)
        #expect(report["total_tokens"] as? Int == 200_460 && report["total_cost"] as? Double == 0.91)
        let html = cli.folder.appendingPathComponent("december.html").path
        #expect(try cli.run(["report", "--db", cli.db, "2025-12", "--format", "html", "-o", html]).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!doctype html>"))
        #expect(try cli.run(["report", "--db", cli.db, "2025"]).stdout.contains("| 2025-12 | 4 | 6 | 4 | 200460 | $0.91 |"))
        let site = cli.folder.appendingPathComponent("site").path
        #expect(try cli.run(["site", "--db", cli.db, site]).stderr.contains("pages written, 0 unchanged"))
        #expect(try cli.run(["site", "--db", cli.db, site]).stderr.contains("0 pages written"))
        let onAFile = try cli.run(["site", "--db", cli.db, cli.db])
        #expect(onAFile.status == 1 && onAFile.stderr == "arxive: error: \(cli.db) is a file, not a folder: give a folder for the site\n")
        #expect(try cli.run(["report", "--db", cli.db, "2025-13"]).status == 2)
        #expect(try cli.run(["trends", "--db", cli.db]).status == 2)
        let badMonth = try cli.run(["trends", "--db", cli.db, "kernel", "--to", "2025-13"])
        #expect(badMonth.status == 2)
        #expect(badMonth.stderr.contains("The value '2025-13' is invalid for '--to <YYYY-MM>'"), "the error names the option and its form")
        let badDay = try cli.run(["rank", "--db", cli.db, "2025-02-29"])
        #expect(badDay.status == 2 && badDay.stderr.contains("The value '2025-02-29' is invalid for '<YYYY-MM-DD>'"), "not a leap year")
        let spelled = try cli.run(["day", "--db", cli.db, "12/01/2025", "--json"])
        #expect(spelled.status == 0 && spelled.stdout.contains("\"date\" : \"2025-12-01\""), "a day as the digests spell it")
    }
}
