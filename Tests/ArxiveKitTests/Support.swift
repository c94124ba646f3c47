import ArxiveKit
import Foundation

/// Paths of the project's fixtures and of the shared real samples.
enum Paths {
    /// The package root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/digests")
    /// `../shared/samples` beside the checkout: real digests, never copied into the project.
    static let samples = root.deletingLastPathComponent().appendingPathComponent("shared/samples")
    static var samplesAvailable: Bool { FileManager.default.fileExists(atPath: samples.path) }

    static func fixture(_ relative: String) -> URL { fixtures.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: fixture(relative), encoding: .utf8)
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
