import Foundation
import GRDB
import Testing

@Suite("The arxive command line, end to end")
struct CommandLineTests {
    @Test("import: a summary line; a second import changes nothing")
    func importTwice() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let paths = ["md", "json", "page-text", "site"].map { CLI.fixtures.appendingPathComponent($0).path }
        let first = try cli.run(["import", "--db", cli.db] + paths)
        #expect(first.status == 0)
        #expect(first.stdout.isEmpty)
        #expect(
            first.stderr.contains(
                "Read 14 files: 8 runs added, 5 updated, 8 new papers, 12 verdicts, 0 failures; skipped 1 file that holds no digest: 1 overview page"),
            "\(first.stderr)")
        let second = try cli.run(["import", "--db", cli.db] + paths)
        #expect(
            second.stderr.contains(
                "0 runs added, 0 updated, 13 files unchanged, 0 new papers, 0 verdicts, 0 failures; skipped 1 file that holds no digest: 1 overview page"),
            "\(second.stderr)")
    }

    @Test("import: a bad file is named with its line, the others go in, exit 1; a file that holds no digest is skipped, an error only with --strict")
    func badFile() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let bad = cli.folder.appendingPathComponent("2025-05-05-output.md")
        try "# Personalized Daily ArXiv Papers 2025-05-05\n\n## 1. [T](https://arxiv.org/abs/2505.00001)\n\n**ArXiv ID:** 2505.00001\n\n**Relevance:** very\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let junk = cli.folder.appendingPathComponent("notes.txt")
        try "shopping list\n".write(to: junk, atomically: true, encoding: .utf8)
        let result = try cli.run(["import", "--db", cli.db, bad.path, junk.path, CLI.fixtures.appendingPathComponent("md").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad.path): line 7: relevance 'very' is not a whole number"), "\(result.stderr)")
        // Named once, with why (not an error line): it may be a layout arxive should learn.
        #expect(result.stderr.components(separatedBy: junk.path).count == 2 && !result.stderr.contains("error: \(junk.path)"), "\(result.stderr)")
        #expect(result.stderr.contains("skipped \(junk.path): no digest arxive knows (no digest title arxive knows"))
        #expect(result.stderr.contains("1 failure; skipped 1 file that holds no digest: 1 other"), "\(result.stderr)")
        let stats = try cli.json(["stats"]) as! [String: Any]
        #expect(stats["runs"] as? Int == 6)
        let verbose = try cli.run(["import", "--db", cli.db, "--verbose", junk.path])
        #expect(
            verbose.status == 0 && verbose.stderr.contains("skipped \(junk.path): no digest arxive knows, and it names no arXiv paper"), "\(verbose.stderr)")
        let strict = try cli.run(["import", "--db", cli.db, "--strict", junk.path])
        #expect(strict.status == 1 && strict.stderr.contains("\(junk.path): not a digest arxive knows"), "\(strict.stderr)")
    }

    @Test("--json documents: the contract's keys, null where the source said nothing")
    func jsonContract() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let runs = try cli.json(["runs"]) as! [[String: Any]]
        let runKeys: Set = [
            "digest", "date", "model", "prompt_tokens", "completion_tokens", "total_tokens", "prompt_cost",
            "completion_cost", "total_cost", "total_papers", "scanned_papers", "relevant_papers",
        ]
        #expect(runs.count == 9)
        #expect(runs.allSatisfy { runKeys.isSubset(of: Set($0.keys)) })
        #expect(runs[0]["date"] as? String == "2025-01-06")
        #expect(runs[0]["model"] is NSNull && runs[0]["total_tokens"] is NSNull)
        #expect(runs[0]["total_cost"] as? Double == 0.41225)

        let day = try cli.json(["day", "2025-12-01"]) as! [String: Any]
        #expect(day["model"] as? String == "gpt-5")
        let papers = day["papers"] as! [[String: Any]]
        #expect(papers.map { $0["arxiv_id"] as! String } == ["2512.00401", "2512.00402", "2501.00101"])
        #expect(papers[0]["author_match"] as? Bool == true && papers[0]["relevance"] is NSNull)
        #expect(papers[0]["authors"] as? [String] == ["Y. Morvan", "Emma Morvan", "François Béranger"])
        #expect(
            Set(papers[1].keys) == [
                "position", "arxiv_id", "title", "authors", "relevance", "novelty", "score", "comment", "author_match",
                "primary_topic", "topics", "spotlight", "spotlight_primary", "spotlight_comment",
            ])

        let hits = try cli.json(["search", "--exact", "sparse attention"]) as! [[String: Any]]
        #expect(hits.count == 1)
        // By default the papers holding some of the words follow; the list keeps its shape.
        let relaxed = try cli.json(["search", "sparse attention"]) as! [[String: Any]]
        #expect(relaxed.count > 1 && relaxed[0]["arxiv_id"] as? String == hits[0]["arxiv_id"] as? String && relaxed.allSatisfy { $0["title"] is String })
        #expect(
            ["arxiv_id", "title", "authors", "first_seen", "last_seen", "relevance", "novelty", "score", "comment", "author_match", "snippet"]
                .allSatisfy { hits[0].keys.contains($0) })
        #expect((hits[0]["snippet"] as? String)?.contains("**") == true)

        let show = try cli.json(["show", "arXiv:2512.00402v1"]) as! [String: Any]
        #expect((show["verdicts"] as! [[String: Any]]).map { $0["date"] as! String } == ["2025-12-01", "2025-12-03"])
        #expect(show["abstract"] as? String == "Hand-written C++ kernels make block-sparse self-attention twice as fast on commodity GPUs.")

        let stats = try cli.json(["stats"]) as! [String: Any]
        #expect(stats["papers"] as? Int == 9 && stats["runs"] as? Int == 9 && stats["verdicts"] as? Int == 14 && stats["digests"] as? Int == 2)

        let author = try cli.json(["author", "Jiri", "Dvorak"]) as! [[String: Any]]
        #expect(author.map { $0["arxiv_id"] as! String } == ["2512.00402"])
        #expect(author[0]["match_level"] as? String == "exact")

        let limited = try cli.json(["search", "date:2025", "--limit", "2"]) as! [[String: Any]]
        #expect(limited.count == 2)
        let top = try cli.json(["authors", "--month", "2025-12"]) as! [[String: Any]]
        #expect(!top.isEmpty && top.allSatisfy { $0["papers"] as? Int != nil })
    }

    @Test("Human output: aligned, no colour when not a terminal or with NO_COLOR")
    func humanOutput() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let search = try cli.run(["search", "--db", cli.db, "kernels"])
        #expect(search.status == 0)
        #expect(!search.stdout.contains("\u{1B}["))
        #expect(search.stdout.contains("2512.00402 · last seen 2025-12-03 · rel 8 · nov 6 · score 14"))
        #expect(search.stdout.contains("**"))
        let noColour = try cli.run(["day", "--db", cli.db, "2025-12-01"], environment: ["NO_COLOR": "1"])
        #expect(noColour.stdout.hasPrefix("2025-12-01 · daily · gpt-5 · 90310 tokens · $0.46 · 512 arXiv / 340 scanned / 3 relevant"))
        let author = try cli.run(["author", "--db", cli.db, "Morvan"])
        #expect(author.stderr.contains("Possible, same surname only"))
    }

    @Test("Malformed queries: one line naming the bad part, exit 2; no SQLite message")
    func badQueries() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        for query in ["foo:bar", "\"open", "a OR", "rel:lots", "(((", "-"] {
            let result = try cli.run(["search", "--db", cli.db, query])
            #expect(result.status == 2, "\(query)")
            #expect(result.stderr.hasPrefix("arxive: error: query error at column"), "\(query): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!result.stderr.lowercased().contains("sqlite") && !result.stderr.contains("fts5"))
        }
        #expect(try cli.run(["search", "--db", cli.db]).status == 2)
        #expect(try cli.run(["day", "--db", cli.db, "yesterday"]).status == 2)
        #expect(try cli.run(["runs", "--db", cli.db, "--month", "2025-13"]).status == 2)
    }

    @Test("The archive path: --db, else $ARXIVE_DB, else $XDG_DATA_HOME/arxive/archive.sqlite")
    func archiveLocation() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let md = CLI.fixtures.appendingPathComponent("md/2026-04-06-latest.md").path
        #expect(try cli.run(["import", md]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("xdg/arxive/archive.sqlite").path))
        let env = cli.folder.appendingPathComponent("env.sqlite").path
        #expect(try cli.run(["import", md], environment: ["ARXIVE_DB": env]).status == 0)
        #expect(FileManager.default.fileExists(atPath: env))
        let explicit = cli.folder.appendingPathComponent("explicit.sqlite").path
        #expect(try cli.run(["import", "--db", explicit, md], environment: ["ARXIVE_DB": env]).status == 0)
        #expect(FileManager.default.fileExists(atPath: explicit))
        // Relative paths, one letter long too (Foundation's NSString path functions crashed on those).
        #expect(try cli.run(["import", "--db", "a", md]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("a").path))
        #expect(try cli.run(["search", "--db", "a", "model"]).status == 0)
        #expect(try cli.run(["import", "--db", "new/b", md]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("new/b").path))
        // Someone else's database is refused and left exactly as it was (no
        // arxive tables, not switched to WAL); an empty file becomes an archive.
        let others = cli.folder.appendingPathComponent("places.sqlite").path
        try DatabaseQueue(path: others).write { try $0.execute(sql: "CREATE TABLE visits (url TEXT); INSERT INTO visits VALUES ('x')") }
        let before = try Data(contentsOf: URL(fileURLWithPath: others))
        for command in [["stats"], ["import", md]] {
            let refused = try cli.run(command + ["--db", others])
            #expect(refused.status == 1 && refused.stderr.contains("not an arxive archive"), "\(command): \(refused.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: others)) == before)
        #expect(!FileManager.default.fileExists(atPath: others + "-wal"))
        let empty = cli.folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: nil)
        #expect(try cli.run(["import", "--db", empty, md]).status == 0)
        // A folder is not an archive: one line saying so, not a crash.
        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("d"), withIntermediateDirectories: true)
        let folder = try cli.run(["search", "--db", "d", "model"])
        #expect(folder.status == 1)
        #expect(folder.stderr.hasPrefix("arxive: error: cannot open the archive at d"), "\(folder.stderr)")
    }

    @Test("Reading a missing archive is an error, and creates nothing")
    func missingArchive() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["search", "--db", cli.db, "moe"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no archive at \(cli.db)"))
        #expect(!FileManager.default.fileExists(atPath: cli.db))
        #expect(try cli.run(["show", "--db", cli.db, "2501.00001"]).status == 1)
    }

    @Test("Every command's --help has an example")
    func help() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // Every subcommand the root help lists, in every group, so that a new one is checked too.
        let root = try cli.run(["--help"]).stdout
        var listed: [String] = []
        var inGroup = false
        for line in root.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix("SUBCOMMANDS:") { inGroup = true; continue }
            if line.isEmpty || !line.hasPrefix(" ") { inGroup = inGroup && line.isEmpty; continue }
            guard inGroup, line.hasPrefix("  "), !line.hasPrefix("   "), !line.contains("arxive help") else { continue }
            if let name = line.split(separator: " ").first { listed.append(String(name)) }
        }
        #expect(root.contains("IMPORT AND EXPORT SUBCOMMANDS:") && root.contains("MARKS SUBCOMMANDS:"), "\(root)")
        #expect(listed.count >= 30 && listed.contains("matches") && listed.contains("hot") && listed.contains("unsave"), "\(listed)")
        for command in listed {
            let result = try cli.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("arxive \(command)"), "\(command)")
            #expect(result.stdout.contains("Examples:"), "\(command)")
        }
    }

    @Test("follow --from, following, matches and --audit, in text and JSON; unfollow of a stranger fails")
    func followedAuthors() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let authorsFile = CLI.root.appendingPathComponent("Tests/Fixtures/config/authors.txt").path
        let follow = try cli.run(["follow", "--db", cli.db, "--from", authorsFile])
        #expect(follow.status == 0 && follow.stderr.contains("3 added, 0 updated"), "\(follow.stderr)")
        let rules = try cli.json(["following"]) as! [[String: Any]]
        #expect(rules.map { $0["name"] as! String } == ["Ingrid Skøld", "Quentin Zabriskie", "Yannick Morvan"])
        #expect(Set(rules[0].keys) == ["name", "key", "semantic_scholar_ids", "note", "exceptions", "papers", "last_seen"])
        let matches = try cli.json(["matches", "--limit", "50"]) as! [[String: Any]]
        #expect(!matches.isEmpty)
        #expect(matches.allSatisfy { $0["rule"] is String && ["exact", "compatible"].contains($0["match_level"] as? String) })
        #expect(matches.allSatisfy { $0["arxiv_id"] is String && $0["relevance"] != nil })
        let text = try cli.run(["matches", "--db", cli.db, "--month", "2025-12"])
        #expect(text.stdout.contains("2512.00401") && text.stdout.contains("rule Yannick Morvan"), "\(text.stdout)")
        let audit = try cli.json(["matches", "--audit"]) as! [String: Any]
        #expect(Set(audit.keys) == ["unexplained", "unflagged"])
        let stranger = try cli.run(["unfollow", "--db", cli.db, "Nobody", "Here"])
        #expect(stranger.status == 1 && stranger.stderr.contains("not following 'Nobody Here'"))
        let both = try cli.run(["matches", "--db", cli.db, "--month", "2025-12", "--since", "2025-12-01"])
        #expect(both.status == 2)
        let blankException = try cli.run(["follow", "--db", cli.db, "Emma", "Morvan", "--except", "  "])
        #expect(blankException.status == 2 && blankException.stderr.contains("--except '  ': give a name"), "\(blankException.stderr)")

        // Following first: the import says what it brought.
        let fresh = try CLI()
        defer { fresh.remove() }
        #expect(try fresh.run(["follow", "--db", fresh.db, "Yannick", "Morvan"]).status == 0)
        let imported = try fresh.run(["import", "--db", fresh.db, CLI.fixtures.appendingPathComponent("md").path])
        #expect(imported.stderr.contains("2 new papers by followed authors (arxive matches --new)"), "\(imported.stderr)")
    }

    @Test("rank: the published day, weights with --explain, --diff and cut-offs, profiles, JSON; bad options exit 2")
    func rank() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let day = try cli.json(["rank", "2025-12-01"]) as! [[String: Any]]
        #expect(day.map { $0["position"] as! Int } == [1, 2, 3])
        #expect(day.allSatisfy { $0["date"] as? String == "2025-12-01" && $0.keys.contains("rank_score") && $0["arxiv_id"] is String })
        let explained = try cli.run(["rank", "--db", cli.db, "--month", "2025-12", "--weights", "relevance=1,novelty=2", "--explain", "--save", "nov"])
        #expect(explained.status == 0 && explained.stdout.contains("× 2: "), "\(explained.stdout)")
        #expect(explained.stderr.contains("Saved rank profile 'nov'"))
        let fromProfile = try cli.json(["rank", "--month", "2025-12", "--profile", "nov"]) as! [[String: Any]]
        #expect(fromProfile.count >= 3)
        let diff = try cli.run(["rank", "--db", cli.db, "2025-12-01", "--min-relevance", "10", "--diff"])
        #expect(diff.stdout.contains("Would not have survived the cut-offs"), "\(diff.stdout)")
        for bad in [
            ["--weights", "relevance=x"], ["--boost", "pruning"], ["--month", "2025-13"],
            // Numbers far out of a verdict's scale (1e308 overflowed into a crash), and an empty profile name.
            ["--weights", "relevance=1e308,novelty=1e308"], ["--boost", "ti:x=1e300"], ["--boost-followed=5000"],
            ["--save", " "],
        ] {
            let result = try cli.run(["rank", "--db", cli.db] + (bad[0] == "--month" ? bad : ["2025-12-01"] + bad))
            #expect(result.status == 2, "\(bad): \(result.stderr)")
        }
        let unknown = try cli.run(["rank", "--db", cli.db, "2025-12-01", "--profile", "none"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no rank profile named 'none'"))
    }

    @Test("similar: JSON papers; an unknown paper exits 1, a malformed id exits 2")
    func similar() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let hits = try cli.json(["similar", "2512.00401", "--limit", "3"]) as! [[String: Any]]
        #expect(!hits.isEmpty && hits.count <= 3 && hits.allSatisfy { $0["arxiv_id"] as? String != "2512.00401" })
        #expect(try cli.run(["similar", "--db", cli.db, "2599.99999"]).status == 1)
        #expect(try cli.run(["similar", "--db", cli.db, "not-an-id"]).status == 2)
        // The largest --limit there is: no arithmetic on it may overflow, in any command that lists.
        let most = String(Int.max)
        for command in [
            ["similar", "2512.00401"], ["search", "kernel"], ["search", "kernel", "--sort", "date"], ["author", "Morvan"],
            ["authors"], ["matches"], ["rank", "--month", "2025-12"], ["trends", "kernel"],
        ] {
            let result = try cli.run(command + ["--db", cli.db, "--limit", most])
            #expect(result.status == 0, "\(command): \(result.stderr.prefix(200))")
        }
    }

    @Test("Marks and saved searches from the command line; a note from $EDITOR")
    func marks() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        for args in [
            ["star", "2512.00401", "2512.00402"], ["tag", "2512.00401", "moe", "to-read"], ["read", "2512.00402"],
            ["save", "todo", "tag:to-read -is:read"],
        ] {
            let result = try cli.run(args + ["--db", cli.db])
            #expect(result.status == 0, "\(args): \(result.stderr)")
        }
        // The editor is a script that writes the note, as a user would.
        let editor = cli.folder.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nprintf 'Check the kernel ablation' > \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        #expect(try cli.run(["note", "2512.00401", "--db", cli.db], environment: ["EDITOR": editor.path, "VISUAL": ""]).status == 0)
        let found = try cli.json(["search", "is:starred note:ablation q:todo"]) as! [[String: Any]]
        #expect(found.map { $0["arxiv_id"] as! String } == ["2512.00401"])
        let show = try cli.json(["show", "2512.00401"]) as! [String: Any]
        let marks = show["marks"] as! [String: Any]
        #expect(marks["starred"] as? Bool == true && marks["note"] as? String == "Check the kernel ablation")
        #expect(marks["tags"] as? [String] == ["moe", "to-read"] && marks.keys.contains("read_at"))
        let saved = try cli.json(["saved"]) as! [[String: Any]]
        #expect(saved.map { $0["name"] as! String } == ["todo"] && saved[0]["papers"] as? Int == 1)
        #expect(try cli.run(["star", "2599.00001", "--db", cli.db]).status == 1)
        let marked = try cli.json(["dismiss", "2512.00402"]) as! [[String: Any]]
        #expect(marked.count == 1 && marked[0]["arxiv_id"] as? String == "2512.00402" && (marked[0]["marks"] as? [String: Any])?["dismissed_at"] is String)
        let dismissed = try cli.json(["search", "is:dismissed"]) as! [[String: Any]]
        #expect(dismissed.map { $0["arxiv_id"] as! String } == ["2512.00402"])
        #expect(((try cli.json(["show", "2512.00402"]) as! [String: Any])["marks"] as! [String: Any])["dismissed_at"] is String)
        #expect(try cli.run(["dismiss", "not-an-id", "--db", cli.db]).status == 2)
        let undone = try cli.json(["undismiss", "2512.00402"]) as! [[String: Any]]
        #expect((undone[0]["marks"] as? [String: Any])?["dismissed_at"] is NSNull)
        #expect((try cli.json(["search", "is:dismissed"]) as! [Any]).isEmpty)
        #expect(try cli.run(["undismiss", "--db", cli.db]).status == 2, "no paper named")
        #expect(try cli.run(["search", "q:nothing", "--db", cli.db]).status == 2)
        #expect(try cli.run(["save", "bad", "ti:(", "--db", cli.db]).status == 2)
    }

    @Test("Completion scripts for bash, zsh and fish name every subcommand; --version")
    func completions() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for shell in ["bash", "zsh", "fish"] {
            let script = try cli.run(["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("matches") && script.stdout.contains("export"), "\(shell)")
        }
        // After a leaf command too: the leaf alone skips the check (`CommandConfiguration.leaf`), the whole tree does not.
        for line in [["hot", "search", "--generate-completion-script", "bash"], ["search", "--generate-completion-script=zsh"]] {
            let script = try cli.run(line)
            #expect(script.status == 0 && script.stdout.contains("matches"), "\(line)")
        }
        #expect(try cli.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("day: several digests on one date need --digest; a day with no run is an error")
    func dayChoices() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let upstreamMd = CLI.fixtures.appendingPathComponent("md/2025-12-01-output.md").path
        try cli.run(["import", "--db", cli.db, "--digest", "other", upstreamMd])
        let both = try cli.run(["day", "--db", cli.db, "2025-12-01"])
        #expect(both.status == 1 && both.stderr.hasPrefix("arxive: error: 2 digests ran on 2025-12-01 (daily, other)"))
        #expect(try cli.run(["day", "--db", cli.db, "2025-12-01", "--digest", "other"]).status == 0)
        #expect(try cli.run(["day", "--db", cli.db, "2020-01-01"]).stderr.contains("no run on 2020-01-01"))
        // A blank digest name is a usage error in every command that takes one.
        for command in [["day", "2025-12-01"], ["runs"], ["rank", "2025-12-01"], ["import", CLI.fixtures.appendingPathComponent("md").path]] {
            let blank = try cli.run(command + ["--db", cli.db, "--digest", " "])
            #expect(blank.status == 2 && blank.stderr.contains("--digest needs a name"), "\(command): \(blank.stderr)")
        }
    }
}
