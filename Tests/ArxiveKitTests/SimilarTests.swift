import ArxiveKit
import DigestGenerator
import Foundation
import Testing

@Suite("More like this")
struct SimilarTests {
    @Test("Every near-twin the generator wrote is in its original's top 5")
    func twins() throws {
        let history = History.generate(days: 120, seed: 3)
        #expect(history.twins.count >= 10)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-similar-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try history.write(to: folder)
        let archive = try Archive.inMemory()
        #expect(DigestImporter(archive: archive).run(paths: [folder.appendingPathComponent("daily").path]).failures.isEmpty)
        for (original, twin) in history.twins {
            let similar = try archive.similar(to: original, limit: 5).map(\.arxivID)
            #expect(similar.contains(twin), "\(original): \(similar)")
            #expect(!similar.contains(original), "never the paper itself")
        }
    }

    @Test("An id with a version is the paper; it never comes back itself; an unknown id is an error")
    func fixtures() throws {
        let archive = try fixtureArchive()
        let similar = try archive.similar(to: "2501.00101v2", limit: 3)
        #expect(similar.count == 3 && !similar.map(\.arxivID).contains("2501.00101"))
        #expect(try archive.similar(to: "2501.00101", limit: 3) == similar)
        #expect(throws: SimilarError.noPaper("2599.99999")) { try archive.similar(to: "2599.99999") }
    }
}

@Suite("Real samples: similar", .enabled(if: Paths.samplesAvailable, "../shared/samples is not beside the checkout"))
struct RealSamplesSimilarTests {
    @Test("The Bayesian geometry paper's closest is its companion paper by the same authors")
    func companion() throws {
        let archive = try Archive.inMemory()
        expectClean(DigestImporter(archive: archive).run(paths: ["assistant-out", "page-text"].map { Paths.samples.appendingPathComponent($0).path }))
        #expect(try archive.similar(to: "2512.22471", limit: 5).first?.arxivID == "2512.22473")
    }
}
