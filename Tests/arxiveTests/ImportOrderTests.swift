import Foundation
import Testing

/// One archive, whatever the order: the same files imported five ways give
/// the same answer to every read command, and a page whose papers no reader
/// takes is refused with its counts, never kept as an empty day.
///
/// The five ways: (a) the folder whole; (b) the copies first (the site's
/// pages, the hotspot Markdown, the day's Markdown), then the rest; (c) the
/// topic bundles first, then the rest; (d) whole, twice; (e) (a) through
/// `export --format archive` into an empty archive.
@Suite("Import order: five ways, one archive")
struct ImportOrderTests {
    static let tree = CLI.root.appendingPathComponent("Tests/Fixtures/out-2026")
    static let lossy = CLI.root.appendingPathComponent("Tests/Fixtures/lossy")

    @Test("The project's fixture tree (with evaluation logs, index pages, site copies and an unreadable page): five ways, one archive")
    func fixtureTree() throws {
        let outputs = try FiveWays.outputs(
            of: [ImportOrderTests.tree.path, ImportOrderTests.lossy.path],
            expectFailures: ["2026-06-05-output.md: names 2 arXiv papers, read 0: not imported"])
        try FiveWays.expectSame(outputs)
        // The outputs are not empty answers agreeing by accident.
        let a = outputs["a"]!
        #expect(a["stats"]!.contains(#""spotlight_days" : 2"#) && a["stats"]!.contains(#""hotspot_days" : 3"#), "\(a["stats"]!)")
        #expect(a["search spotlight:new_frontier"]!.contains("2606.01001"), "a paper found by its second tag")
        #expect(a["show 2606.01999"]!.contains("Opens a direction: curricula that write themselves."))
        // The bundle from another run of 2026-07-08 is that day's second run, whichever came first.
        #expect(a["day 2026-07-08 --all --run bundle"]!.contains("2607.08004"), "\(a.keys.sorted())")
        #expect(a["day 2026-07-08 --all"]!.contains(#""other_runs""#))
    }

    @Test(
        "The real samples: five ways, one archive",
        .enabled(if: FileManager.default.fileExists(atPath: OutputFolderTests.samples.path)),
        arguments: ["assistant-out-2026", "assistant-out"])
    func realSamples(_ folder: String) throws {
        let outputs = try FiveWays.outputs(of: [OutputFolderTests.samples.appendingPathComponent(folder).path], expectFailures: [])
        try FiveWays.expectSame(outputs)
        #expect(outputs["a"]!["runs"]!.count > 100)
    }
}

/// Imports files five ways and collects every read command's `--json` output per way.
enum FiveWays {
    /// Way -> command -> output (provenance left out).
    static func outputs(of roots: [String], expectFailures: [String]) throws -> [String: [String: String]] {
        let cli = try CLI()
        defer { cli.remove() }
        let files = roots.flatMap { root in DigestFiles.all(under: root) }
        let copies = files.filter { ($0.contains("/site/") || $0.contains("/hot/md/") || $0.contains("/md/")) && !$0.contains("/lossy/") }
        let bundles = files.filter { $0.hasSuffix("-daily-papers.json") }
        var ways: [String: String] = [:]
        for way in ["a", "b", "c", "d", "e"] { ways[way] = cli.folder.appendingPathComponent("\(way).sqlite").path }

        /// Imports `paths`; the whole roots fail with `expectFailures` and nothing else.
        func importing(_ db: String, _ paths: [String], whole: Bool = true) throws {
            guard !paths.isEmpty else { return }
            let result = try cli.run(["import", "--db", db] + paths)
            let failures = whole ? expectFailures : []
            let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("arxive: error:") }
            #expect(errors.count == failures.count, "\(result.stderr)")
            for failure in failures { #expect(errors.contains { $0.hasSuffix(failure) }, "\(result.stderr)") }
            #expect(result.status == (failures.isEmpty ? 0 : 1), "\(result.stderr)")
        }
        try importing(ways["a"]!, roots)
        try importing(ways["b"]!, copies, whole: false)
        try importing(ways["b"]!, roots)
        try importing(ways["c"]!, bundles, whole: false)
        try importing(ways["c"]!, roots)
        try importing(ways["d"]!, roots)
        try importing(ways["d"]!, roots)
        // The user's own marks, on a paper only a spotlight names too, made the same way on (a) to (d).
        let spotlightOnly = try spotlightOnlyPaper(ways["a"]!, cli)
        for way in ["a", "b", "c", "d"] {
            for command in [
                ["star", spotlightOnly], ["tag", spotlightOnly, "to-read"], ["note", spotlightOnly, "An invented note."], ["save", "later", "tag:to-read"],
            ] {
                let marked = try cli.run(command + ["--db", ways[way]!])
                #expect(marked.status == 0, "\(command): \(marked.stderr)")
            }
        }
        let archiveFile = cli.folder.appendingPathComponent("a.archive").path
        let exported = try cli.run(["export", "--format", "archive", "-o", archiveFile, "--db", ways["a"]!])
        #expect(exported.status == 0 && !exported.stderr.contains("not in the archive file"), "\(exported.stderr)")
        let merged = try cli.run(["import", "--db", ways["e"]!, archiveFile])
        #expect(merged.status == 0, "\(merged.stderr)")

        let commands = try readCommands(ways["a"]!, cli)
        var outputs: [String: [String: String]] = [:]
        for (way, db) in ways {
            for command in commands {
                let result = try cli.run(command + ["--db", db, "--json"])
                outputs[way, default: [:]][command.joined(separator: " ")] = "exit \(result.status)\n" + withoutProvenance(result.stdout)
            }
            let jsonl = try cli.run(["export", "--format", "jsonl", "--db", db])
            outputs[way, default: [:]]["export jsonl"] = withoutProvenance(jsonl.stdout)
        }
        return outputs
    }

    static func expectSame(_ outputs: [String: [String: String]]) throws {
        let a = try #require(outputs["a"])
        for way in ["b", "c", "d", "e"] {
            let other = try #require(outputs[way])
            for (command, text) in a.sorted(by: { $0.key < $1.key }) {
                #expect(other[command] == text, "(\(way)) \(command) differs from (a)")
            }
        }
    }

    /// Every read command over what the archive holds: each day, each paper, each spotlight kind.
    static func readCommands(_ db: String, _ cli: CLI) throws -> [[String]] {
        var commands: [[String]] = [
            ["stats"], ["runs"], ["authors"], ["saved"], ["hot", "runs"], ["hot", "trends"], ["trends", "--topics"],
            ["search", "is:spotlight"], ["search", "spotlight:daily_hot"], ["search", "spotlight:new_frontier"],
            ["search", "is:monthly-pick"], ["search", "in:hotspots"], ["search", "is:starred"], ["search", "q:later"],
        ]
        func json(_ arguments: [String]) throws -> Any {
            let result = try cli.run(arguments + ["--db", db, "--json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        }
        let runs = try json(["runs"]) as! [[String: Any]]
        let dates = Set(runs.map { $0["date"] as! String })
        for date in dates.sorted() { commands.append(["day", date, "--all"]) }
        // The other run of a day the generator ran twice.
        for run in runs where run["run"] as? String == "bundle" { commands.append(["day", run["date"] as! String, "--all", "--run", "bundle"]) }
        for month in Set(dates.map { String($0.prefix(7)) }).sorted() { commands.append(["report", month]) }
        let hot = try json(["hot", "runs"]) as! [[String: Any]]
        for date in hot.compactMap({ $0["date"] as? String }) { commands.append(["hot", "day", date]) }
        let ids = try cli.run(["export", "--format", "jsonl", "--db", db]).stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["arxiv_id"] as? String
        }
        // Every paper of a small tree; a spread of a large one (the JSON lines export holds them all).
        let step = max(1, ids.count / 60)
        for (index, id) in ids.sorted().enumerated() where index % step == 0 { commands.append(["show", id]) }
        return commands
    }

    /// A paper that only a spotlight or a hotspot report names (no run lists it), else any paper.
    static func spotlightOnlyPaper(_ db: String, _ cli: CLI) throws -> String {
        let result = try cli.run(["search", "is:spotlight OR in:hotspots OR in:digest", "--limit", "10000", "--db", db, "--json"])
        let papers = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let unlisted = try #require(papers.first { $0["last_seen"] is NSNull } ?? papers.first)
        return unlisted["arxiv_id"] as! String
    }

    /// Import provenance differs by design (which file came first, when): times and source paths are left out.
    static func withoutProvenance(_ text: String) -> String {
        let patterns = [#""[a-z_]*_at" : "[^"]*""#, #""source_path" : "[^"]*""#, #""imported_at":"[^"]*""#]
        return patterns.reduce(text) { text, pattern in
            text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
    }
}

/// The files of a folder, as `arxive import` finds them (hidden ones left out), sorted.
enum DigestFiles {
    static func all(under root: String) -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = (root as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(full) }
        }
        return files.sorted()
    }
}
