import DigestGenerator
import Foundation
import GRDB
import Testing

/// `arxive model`, `embed`, `import` with a model, and hybrid `search`, on
/// the built binary, with a tiny random model the test writes (so that CI
/// always runs them: no download).
@Suite("Search by meaning, end to end")
struct SearchByMeaningCLITests {
    /// A test folder with the fixtures imported (`--no-embed`) and a tiny
    /// model installed in its data folder by `arxive model install --from`.
    func prepared(seed: UInt64 = 1, configure: (inout TinyModel) -> Void = { _ in }) throws -> CLI {
        let cli = try CLI()
        try cli.importFixtures()
        // A few generated days besides: papers enough for two rankings to differ.
        let days = cli.folder.appendingPathComponent("generated")
        _ = try History.generate(days: 6, seed: 3).write(to: days)
        let imported = try cli.run(["import", "--db", cli.db, days.appendingPathComponent("daily").path])
        try #require(imported.status == 0, "\(imported.stderr)")
        try install(cli, seed: seed, configure: configure)
        return cli
    }

    func install(_ cli: CLI, seed: UInt64, configure: (inout TinyModel) -> Void = { _ in }) throws {
        let source = cli.folder.appendingPathComponent("tiny-\(seed)")
        var model = TinyModel(seed: seed)
        configure(&model)
        try model.write(to: source)
        let installed = try cli.run(["model", "install", "--from", source.path])
        try #require(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("its vectors are its own"))
    }

    func status(_ cli: CLI) throws -> [String: Any] {
        try #require(try cli.json(["model"]) as? [String: Any])
    }

    func vectors(_ cli: CLI) throws -> (embedded: Int, papers: Int, other: Int) {
        let vectors = try #require(try status(cli)["vectors"] as? [String: Any])
        return (vectors["embedded"] as! Int, vectors["papers"] as! Int, vectors["other_model"] as! Int)
    }

    @Test("Without a model: search ranks by words and says once how to install one; meaning and embed are refused with how")
    func withoutModel() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.importFixtures()
        let first = try cli.run(["search", "--db", cli.db, "sparse attention"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("1 paper, ranked by words:") || first.stdout.contains("ranked by words:"))
        #expect(first.stderr.contains("arxive model install"))
        let second = try cli.run(["search", "--db", cli.db, "sparse attention"])
        #expect(second.status == 0 && !second.stderr.contains("arxive model install"), "said once")
        #expect(second.stdout == first.stdout)
        for arguments in [["search", "--mode", "meaning", "sparse attention"], ["embed"]] {
            let refused = try cli.run(arguments + ["--db", cli.db])
            #expect(refused.status != 0 && refused.stderr.contains("arxive model install"), "\(arguments): \(refused.stderr)")
        }
        #expect(try status(cli)["installed"] as? Bool == false)
    }

    @Test("embed gives every listed paper a vector; search then fuses words and meaning, with each hit's ranks")
    func hybridSearch() throws {
        let cli = try prepared()
        defer { cli.remove() }
        let before = try vectors(cli)
        #expect(before.embedded == 0 && before.papers > 60)
        let embedded = try cli.run(["embed", "--db", cli.db])
        #expect(embedded.status == 0, "\(embedded.stderr)")
        #expect(embedded.stdout.contains("Embedded \(before.papers) papers"))
        #expect(try vectors(cli).embedded == before.papers)

        let both = try cli.run(["search", "--db", cli.db, "--json", "--limit", "50", "sparse attention kernels model"])
        #expect(both.status == 0 && both.stderr.contains("mode: both"), "\(both.stderr)")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 50)
        for hit in hits {
            #expect(hit.keys.contains("word_rank") && hit.keys.contains("meaning_rank"))
            #expect(!(hit["word_rank"] is NSNull && hit["meaning_rank"] is NSNull))
        }
        #expect(hits.contains { $0["word_rank"] is NSNull }, "meaning found papers the words did not")
        let words = try #require(try cli.json(["search", "--mode", "words", "--limit", "50", "sparse attention kernels model"]) as? [[String: Any]])
        #expect(words.allSatisfy { $0["meaning_rank"] is NSNull } && !words.isEmpty)
        #expect(words.map { $0["arxiv_id"] as! String } != hits.map { $0["arxiv_id"] as! String })

        // Filters apply to the meaning ranking too.
        let filtered = try #require(try cli.json(["search", "--mode", "meaning", "--limit", "50", "attention rel:>=9"]) as? [[String: Any]])
        #expect(!filtered.isEmpty && filtered.allSatisfy { ($0["relevance"] as? Int ?? 0) >= 9 })
        #expect(filtered.allSatisfy { $0["word_rank"] is NSNull })

        let human = try cli.run(["search", "--db", cli.db, "--explain", "sparse attention kernels model"])
        #expect(human.stdout.hasPrefix("20 papers, ranked by words and meaning:"))
        #expect(human.stdout.contains("meaning #"))
    }

    @Test("import embeds the new papers when a model is installed; --no-embed does not")
    func importEmbeds() throws {
        let cli = try prepared()
        defer { cli.remove() }
        #expect(try vectors(cli).embedded == 0)
        let tree = CLI.root.appendingPathComponent("Tests/Fixtures/out-2026").path
        let skipped = try cli.run(["import", "--db", cli.db, "--no-embed", tree])
        #expect(skipped.status == 0 && !skipped.stderr.contains("Embedding"))
        #expect(try vectors(cli).embedded == 0)
        let embedding = try cli.run(["import", "--db", cli.db, tree])
        #expect(embedding.status == 0 && embedding.stderr.contains("Embedding"), "\(embedding.stderr)")
        let after = try vectors(cli)
        #expect(after.embedded == after.papers)
    }

    @Test("A new model: the old vectors are counted as another model's, and embed makes them again")
    func modelChange() throws {
        let cli = try prepared(seed: 1)
        defer { cli.remove() }
        #expect(try cli.run(["embed", "--db", cli.db]).status == 0)
        let papers = try vectors(cli).papers
        try install(cli, seed: 2)
        #expect(try vectors(cli) == (0, papers, papers))
        let search = try cli.run(["search", "--db", cli.db, "sparse attention"])
        #expect(search.stdout.contains("ranked by words:"), "no vectors of this model yet")
        #expect(try cli.run(["embed", "--db", cli.db]).stdout.contains("Embedded \(papers) papers"))
        #expect(try vectors(cli) == (papers, papers, 0))
    }

    @Test("A folder that is no model is refused with why, and the model in use stays as it was")
    func installRefusesNonModels() throws {
        let cli = try prepared(seed: 1)
        defer { cli.remove() }
        let before = try #require(try status(cli)["identity"] as? String)
        let broken = cli.folder.appendingPathComponent("broken")
        try TinyModel(seed: 9).write(to: broken)
        try Data("not weights".utf8).write(to: broken.appendingPathComponent("model.safetensors"))
        let refused = try cli.run(["model", "install", "--from", broken.path])
        #expect(refused.status == 1 && refused.stderr.contains("model.safetensors"), "\(refused.stderr)")
        try FileManager.default.removeItem(at: broken.appendingPathComponent("vocab.txt"))
        let noVocabulary = try cli.run(["model", "install", "--from", broken.path])
        #expect(noVocabulary.status == 1 && noVocabulary.stderr.contains("no vocab.txt"), "\(noVocabulary.stderr)")
        #expect(try status(cli)["identity"] as? String == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("xdg/arxive").path)
        #expect(leftovers.sorted() == ["model"], "no partial folder is left behind: \(leftovers)")
    }

    @Test("An embed killed midway keeps its finished chunks; the next run embeds only the rest")
    func resumedAfterKill() throws {
        // A model slow enough to be caught between two chunks of one paper.
        let cli = try prepared {
            $0.hidden = 128; $0.intermediate = 512; $0.layers = 4; $0.maxTokens = 128
        }
        defer { cli.remove() }
        let total = try vectors(cli).papers
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["embed", "--db", cli.db, "--chunk", "1"]
        process.environment = ["XDG_DATA_HOME": cli.folder.appendingPathComponent("xdg").path, "HOME": cli.folder.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let reader = try DatabaseQueue(
            path: cli.db,
            configuration: {
                var c = Configuration(); c.readonly = true; return c
            }())
        var seen = 0
        while seen == 0 && process.isRunning {
            seen = try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM paper_vectors") ?? 0 }
            if seen == 0 { usleep(2_000) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let kept = try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM paper_vectors") ?? 0 }
        #expect(kept > 0 && kept < total, "killed after \(kept) of \(total)")
        #expect(try reader.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        try reader.close()
        let resumed = try cli.run(["embed", "--db", cli.db])
        #expect(resumed.stdout.contains("Embedded \(total - kept) papers"), "\(resumed.stdout)")
        #expect(try vectors(cli).embedded == total)
    }
}
