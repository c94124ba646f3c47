import Foundation
import Testing

/// `arxive import --git`: histories that live only in git, on repositories
/// the test builds: a page rewritten over 30 commits (and its JSON beside
/// it), and a Pages branch that rewrites its `index.html`.
@Suite("import --git, end to end")
struct GitImportTests {
    /// A repository in `folder`: 30 days of `out/output.md` and `out/output.json`
    /// rewritten each day (day 5 committed twice, the second time with another
    /// comment), and a `gh-pages` branch whose `index.html` is each day's page as HTML.
    static func makeRepository(in folder: URL) throws -> URL {
        let repo = folder.appendingPathComponent("digest")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("out"), withIntermediateDirectories: true)
        let page = try String(contentsOf: CLI.fixtures.appendingPathComponent("md/2025-12-01-output.md"), encoding: .utf8)
        let json = try String(contentsOf: CLI.fixtures.appendingPathComponent("json/2025-12-01-output.json"), encoding: .utf8)
        let html = try String(contentsOf: CLI.root.appendingPathComponent("Tests/Fixtures/families/pages-html/2026-06-17/index.html"), encoding: .utf8)
        try git(repo, ["init", "-q", "-b", "main"])
        func commit(_ day: Int, _ message: String) throws {
            let date = String(format: "2026-01-%02dT09:00:00", day)
            try git(repo, ["add", "-A"])
            try git(repo, ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message], date: date)
        }
        for day in 1...30 {
            let date = String(format: "2026-01-%02d", day)
            try page.replacingOccurrences(of: "2025-12-01", with: date).write(
                to: repo.appendingPathComponent("out/output.md"), atomically: true, encoding: .utf8)
            try json.write(to: repo.appendingPathComponent("out/output.json"), atomically: true, encoding: .utf8)
            try commit(day, "digest \(date)")
            if day == 5 {
                let fixed = page.replacingOccurrences(of: "2025-12-01", with: date).replacingOccurrences(of: "**Comment:**", with: "**Comment:** Corrected.")
                try fixed.write(to: repo.appendingPathComponent("out/output.md"), atomically: true, encoding: .utf8)
                try commit(day, "digest \(date), corrected")
            }
        }
        try git(repo, ["checkout", "-q", "--orphan", "gh-pages"])
        try git(repo, ["rm", "-q", "-r", "--cached", "."])
        try FileManager.default.removeItem(at: repo.appendingPathComponent("out"))
        for day in 1...3 {
            let date = String(format: "06/%02d/2026", 17 + day)
            try html.replacingOccurrences(of: "06/17/2026", with: date).replacingOccurrences(of: "06172026", with: "0617\(day)")
                .write(to: repo.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
            try commit(day, "pages \(date)")
        }
        try git(repo, ["checkout", "-q", "main"])
        return repo
    }

    @discardableResult
    static func git(_ repo: URL, _ arguments: [String], date: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repo.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        if let date { (environment["GIT_AUTHOR_DATE"], environment["GIT_COMMITTER_DATE"]) = (date, date) }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
        return output
    }

    @Test("A page rewritten over 30 commits: 30 days, the last version of a day committed twice, the JSON joined by its papers; again, nothing new")
    func rewrittenPage() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let repo = try GitImportTests.makeRepository(in: cli.folder)
        let first = try cli.run(["import", "--db", cli.db, "--git", repo.path])
        #expect(first.status == 0, "\(first.stderr)")
        // 31 versions of the page; the JSON's content never changed after the first commit, so git holds one version of it.
        #expect(first.stderr.contains("(HEAD): 31 commits, 32 file versions read"), "\(first.stderr)")
        let runs = try cli.json(["runs"]) as! [[String: Any]]
        #expect(runs.count == 30 && runs.allSatisfy { $0["listed"] as? Int == 3 })
        let day = try cli.json(["day", "2026-01-07"]) as! [String: Any]
        #expect((day["papers"] as! [[String: Any]]).map { $0["arxiv_id"] as! String } == ["2512.00401", "2512.00402", "2501.00101"])
        // The JSON (no date of its own) joined a run its papers match: of the 30, its commit's day's.
        let lines = try cli.run(["export", "--db", cli.db, "--format", "archive"]).stdout.split(separator: "\n")
        let withJSON = lines.filter { $0.contains(#""type":"run""#) && $0.contains(":out/output.json") }
        #expect(withJSON.count == 1 && withJSON[0].contains(#""date":"2026-01-01""#), "\(withJSON.map { $0.prefix(80) })")
        let again = try cli.run(["import", "--db", cli.db, "--git", repo.path])
        #expect(again.status == 0 && again.stderr.contains("no commit since the last import"), "\(again.stderr)")
        // A new commit: only it is read.
        let page = repo.appendingPathComponent("out/output.md")
        let text = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "2026-01-30", with: "2026-01-31")
        try text.write(to: page, atomically: true, encoding: .utf8)
        try GitImportTests.git(repo, ["add", "-A"])
        try GitImportTests.git(repo, ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "day 31"], date: "2026-01-31T09:00:00")
        let third = try cli.run(["import", "--db", cli.db, "--git", repo.path])
        #expect(third.status == 0 && third.stderr.contains("1 commit, 1 file version read") && third.stderr.contains("1 run added"), "\(third.stderr)")
    }

    @Test("The last version of a day committed twice wins")
    func lastVersionWins() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let repo = try GitImportTests.makeRepository(in: cli.folder)
        #expect(try cli.run(["import", "--db", cli.db, "--git", repo.path, "out/output.md"]).status == 0)
        let day = try cli.json(["day", "2026-01-05"]) as! [String: Any]
        let comments = (day["papers"] as! [[String: Any]]).compactMap { $0["comment"] as? String }
        #expect(!comments.isEmpty && comments.allSatisfy { $0.hasPrefix("Corrected.") }, "\(comments)")
        let other = try cli.json(["day", "2026-01-04"]) as! [String: Any]
        #expect((other["papers"] as! [[String: Any]]).allSatisfy { !(($0["comment"] as? String) ?? "").hasPrefix("Corrected.") })
    }

    @Test("A Pages branch, a bare clone, --since and a path: each version's day from its content")
    func pagesBranch() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let repo = try GitImportTests.makeRepository(in: cli.folder)
        let bare = cli.folder.appendingPathComponent("bare.git")
        try GitImportTests.git(cli.folder, ["clone", "-q", "--bare", repo.path, bare.path])
        let pages = try cli.run(["import", "--db", cli.db, "--git", bare.path, "--ref", "gh-pages"])
        #expect(pages.status == 0 && pages.stderr.contains("3 commits, 3 file versions read"), "\(pages.stderr)")
        let runs = (try cli.json(["runs"]) as! [[String: Any]]).map { $0["date"] as! String }
        #expect(runs == ["2026-06-18", "2026-06-19", "2026-06-20"], "the days the pages' titles give, not the commits' days")
        let since = try cli.run(["import", "--db", cli.db, "--git", bare.path, "--ref", "main", "--since", "2026-01-29", "out/output.md"])
        #expect(since.status == 0 && since.stderr.contains("2 commits, 2 file versions read"), "\(since.stderr)")
        let missing = try cli.run(["import", "--db", cli.db, "--git", cli.folder.appendingPathComponent("nowhere").path])
        #expect(missing.status == 1 && missing.stderr.contains("git says"), "\(missing.stderr)")
        let usage = try cli.run(["import", "--db", cli.db, "--since", "2026-01-01", "x"])
        #expect(usage.status == 2)
    }

    @Test("A day the generator ran twice, in git: the JSON's first version and the bundle are one run, the second version another; nothing lost")
    func runTwice() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let repo = cli.folder.appendingPathComponent("twice")
        let day = CLI.root.appendingPathComponent("Tests/Fixtures/out-2026")
        let json = repo.appendingPathComponent("out/json/2026-07/2026-07-08-output.json")
        let bundle = repo.appendingPathComponent("out/json/2026-07/2026-07-08-daily-papers.json")
        let page = repo.appendingPathComponent("out/md/2026-07/2026-07-08-latest.md")
        for url in [json, page] { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
        try GitImportTests.git(repo, ["init", "-q", "-b", "main"])
        func commit(_ message: String) throws {
            try GitImportTests.git(repo, ["add", "-A"])
            try GitImportTests.git(repo, ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message], date: "2026-07-08T09:00:00")
        }
        // The first run: the bundle, and a JSON of the same papers.
        try FileManager.default.copyItem(at: day.appendingPathComponent("json/2026-07/2026-07-08-daily-papers.json"), to: bundle)
        let bundleObject = try JSONSerialization.jsonObject(with: Data(contentsOf: bundle)) as! [String: Any]
        try JSONSerialization.data(withJSONObject: bundleObject["papers"]!, options: [.sortedKeys]).write(to: json)
        try commit("first run")
        // The second run rewrote the JSON and wrote the page; the bundle stayed.
        try FileManager.default.removeItem(at: json)
        try FileManager.default.copyItem(at: day.appendingPathComponent("json/2026-07/2026-07-08-output.json"), to: json)
        try FileManager.default.copyItem(at: day.appendingPathComponent("md/2026-07/2026-07-08-latest.md"), to: page)
        try commit("second run")

        let imported = try cli.run(["import", "--db", cli.db, "--git", repo.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let runs = try cli.json(["runs"]) as! [[String: Any]]
        #expect(runs.map { "\($0["run"] as? String ?? "published") \($0["listed"]!)" } == ["published 2", "bundle 3"], "\(runs)")
        let other = try cli.json(["day", "2026-07-08", "--run", "bundle"]) as! [String: Any]
        #expect((other["papers"] as! [[String: Any]]).map { $0["arxiv_id"] as! String } == ["2607.08002", "2607.08003", "2607.08004"])
        #expect(other["model"] as? String == "gpt-5.4-mini", "the bundle's usage")
    }
}
