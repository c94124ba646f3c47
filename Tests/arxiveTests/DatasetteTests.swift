import Foundation
import Testing

/// The archive as Datasette sees it, for real: Datasette answers a request
/// without a server (`datasette FILE --get PATH`). `.ci/run` installs it
/// from PyPI into `.build/ci-venv` (best effort); without it only this suite skips.
@Suite("Datasette reads the archive", .enabled(if: Datasette.path != nil, "datasette is not installed (.ci/run installs it)"))
struct DatasetteTests {

    /// `GET path` of the archive `db`, as Datasette's JSON API answers it.
    func get(_ db: String, _ path: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Datasette.path!)
        process.arguments = [db, "--get", path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "datasette --get \(path)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]], "\(String(decoding: data, as: UTF8.self))")
    }

    /// `_search` works only on a table whose FTS index Datasette detects
    /// (`content=` declared): otherwise it answers 400, and this fails.
    @Test("Its search box finds in the papers and in the hotspot topics what arxive finds, through each table's own FTS index")
    func searchBoxes() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let imported = try cli.run(["import", "--db", cli.db, OutputFolderTests.tree.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let name = ((cli.db as NSString).lastPathComponent as NSString).deletingPathExtension
        for word in ["quill", "ledgerkit", "benchmarks", "licence"] {
            let theirs = try get(cli.db, "/\(name)/hotspot_topics.json?_search=\(word)&_shape=array&_size=max&_col=title&_col=day_id")
                .map { $0["title"] as! String }
            let ours = (try cli.json(["hot", "search", word, "--limit", "1000"]) as! [[String: Any]]).map { $0["title"] as! String }
            #expect(!ours.isEmpty && theirs.sorted() == ours.sorted(), "\(word): datasette \(theirs), arxive \(ours)")
        }
        for word in ["tidal", "curricula", "brackish"] {
            let theirs = try get(cli.db, "/\(name)/papers.json?_search=\(word)&_shape=array&_size=max&_col=arxiv_id").map { $0["arxiv_id"] as! String }
            let ours = (try cli.json(["search", word, "--limit", "1000"]) as! [[String: Any]]).map { $0["arxiv_id"] as! String }
            #expect(!ours.isEmpty && theirs.sorted() == ours.sorted(), "\(word): datasette \(theirs), arxive \(ours)")
        }
    }
}

enum Datasette {
    /// `$ARXIVE_DATASETTE`, or the one `.ci/run` installs.
    static let path: String? = {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["ARXIVE_DATASETTE"],
            CLI.root.appendingPathComponent(".build/ci-venv/bin/datasette").path,
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}
