import ArxiveKit
import DigestGenerator
import Foundation
import GRDB
import Testing

/// Paths of the project's fixtures and of the shared real samples.
enum Paths {
    /// The package root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixturesRoot = root.appendingPathComponent("Tests/Fixtures")
    static let fixtures = fixturesRoot.appendingPathComponent("digests")
    /// The fixture trees of digest files, one per generation of the generators.
    static let fixtureTrees = ["digests", "out-2026", "astro-2026", "upstream-html"].map { fixturesRoot.appendingPathComponent($0) }
    /// `../shared/samples` beside the checkout: real digests, never copied into the project.
    static let samples = root.deletingLastPathComponent().appendingPathComponent("shared/samples")
    static var samplesAvailable: Bool { FileManager.default.fileExists(atPath: samples.path) }

    static func fixture(_ relative: String) -> URL { fixtures.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: fixture(relative), encoding: .utf8)
    }
}

/// The Python `.ci/run` installs the real peers into (`.build/ci-venv`),
/// when it is there and can import `module`; nil, and the test that needs
/// it skips, when it cannot.
enum PeerPython {
    static func with(_ module: String) -> String? {
        let python = Paths.root.appendingPathComponent(".build/ci-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import \(module)"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? python : nil
    }

    /// Runs `script` with `arguments`; its standard output, or a failure with its standard error.
    static func run(_ python: String, _ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PeerFailure(message: errors) }
        return output
    }

    struct PeerFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// An in-memory archive holding every fixture digest (daily and upstream).
func fixtureArchive() throws -> Archive {
    let archive = try Archive.inMemory()
    let daily = DigestImporter(archive: archive)
    let report = daily.run(paths: ["md", "json", "page-text", "site"].map { Paths.fixture($0).path })
    precondition(report.failures.isEmpty, "fixtures failed: \(report.failures)")
    let upstream = DigestImporter(archive: archive, options: .init(digestName: "upstream"))
    precondition(upstream.run(paths: [Paths.fixture("upstream").path]).failures.isEmpty)
    return archive
}

func parse(_ query: String) throws -> Query { try QueryParser.parse(query) }

/// The text index holds exactly what a rebuild from the papers makes, its
/// totals too (`integrity-check` does not look at those): bm25 gives the
/// same scores before and after a rebuild. The archive is rebuilt.
func expectIndexAsRebuilt(_ archive: Archive, matching query: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let scores = {
        try archive.withDatabaseForTesting { db in
            try Double.fetchAll(db, sql: "SELECT bm25(papers_fts) FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid", arguments: [query])
        }
    }
    let imported = try scores()
    try archive.withDatabaseForTesting { try $0.execute(sql: "INSERT INTO papers_fts(papers_fts) VALUES ('rebuild')") }
    #expect(try scores() == imported, sourceLocation: sourceLocation)
}

/// Random damage to a file's bytes, for fuzz tests: cut, doubled, truncated,
/// overwritten or moved pieces, and inserted pieces that steer the readers
/// into their odd corners (table and field syntax, JSON punctuation, numbers
/// out of range, bytes that are not UTF-8).
struct Damage {
    static let pieces: [[UInt8]] =
        [
            "|", "**", "## ", "<td>", "</table>", "\"", "{", "}", "[", "]", "\\u", ":", ",",
            "\n", "\r", "99999999999999999999", "-1", "1e400", "NaN", "💥", "Á", "arXiv:", "v1",
        ]
        .map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x82]]

    /// Every fixture file of every layout (Markdown, JSON, page text, site
    /// pages, upstream pages in Markdown and HTML, today's output folder with
    /// its topic bundles, spotlight files, monthly overviews and the files it skips).
    static func fixtureFiles() throws -> [URL] {
        let files = Paths.fixtureTrees.flatMap { tree in
            FileManager.default.enumerator(at: tree, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
                .filter { ["md", "json", "txt", "html", "svg"].contains($0.pathExtension) && $0.lastPathComponent != "README.md" }
        }
        precondition(files.count >= 30, "fixtures not found at \(Paths.fixturesRoot.path)")
        return files.sorted { $0.path < $1.path }
    }

    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// `original` with one to four pieces of damage.
    mutating func apply(to original: [UInt8]) -> [UInt8] {
        var bytes = original
        for _ in 0..<random.int(1...4) {
            let at = random.int(0...bytes.count)
            switch random.int(0...5) {
            case 0: bytes.removeSubrange(at..<min(bytes.count, at + random.int(1...200)))
            case 1:
                let copy = Array(bytes[at..<min(bytes.count, at + random.int(1...200))])
                bytes.insert(contentsOf: copy, at: at)
            case 2: bytes = Array(bytes.prefix(at))
            case 3: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: random.next()) }
            case 4: bytes.insert(contentsOf: random.pick(Damage.pieces), at: at)
            default:  // a line moved elsewhere
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                let line = lines.remove(at: random.int(0...(lines.count - 1)))
                lines.insert(line, at: random.int(0...lines.count))
                bytes = Array(lines.joined(separator: [0x0A]))
            }
        }
        return bytes
    }
}

/// An import a test builds on, checked: no file failed and nothing stopped
/// it (a setup step whose result is thrown away hides failures).
@discardableResult
func expectClean(_ report: DigestImporter.Report, sourceLocation: SourceLocation = #_sourceLocation) -> DigestImporter.Report {
    #expect(report.failures.isEmpty && report.stopped == nil, "\(report.failures.prefix(3)) \(report.stopped ?? "")", sourceLocation: sourceLocation)
    return report
}

/// A new in-memory archive of `history`'s daily digests (and, with
/// `upstream`, of its upstream ones), each import checked clean; the
/// history's files are written to a temporary folder and removed after.
func importedArchive(_ history: History, upstream: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> Archive {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-history-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try history.write(to: folder)
    let archive = try Archive.inMemory()
    expectClean(DigestImporter(archive: archive).run(paths: [folder.appendingPathComponent("daily").path]), sourceLocation: sourceLocation)
    if upstream {
        expectClean(
            DigestImporter(archive: archive, options: .init(digestName: "upstream")).run(paths: [folder.appendingPathComponent("upstream").path]),
            sourceLocation: sourceLocation)
    }
    return archive
}

/// A new empty folder for a test's files (the test removes it).
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-test-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

extension Archive {
    /// The first run's listing of a day (`arxive day DATE`), which the test requires to exist.
    func firstListing(_ date: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DayListing {
        let day = try #require(Day(date), sourceLocation: sourceLocation)
        return try #require(try self.day(day).first, sourceLocation: sourceLocation)
    }
}
