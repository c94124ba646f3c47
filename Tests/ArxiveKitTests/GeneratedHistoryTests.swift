import ArxiveKit
import DigestGenerator
import Foundation
import Testing

@Suite("A generated history (every era) imports exactly as written")
struct GeneratedHistoryTests {
    @Test("Runs, verdicts, papers, headers and verdict values equal the generator's truth")
    func roundTrip() throws {
        let history = History.generate(days: 120, seed: 7)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-history-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try history.write(to: folder)
        let archive = try Archive.inMemory()
        let daily = DigestImporter(archive: archive).run(paths: [folder.appendingPathComponent("daily").path])
        let upstream = DigestImporter(archive: archive, options: .init(digestName: "upstream")).run(paths: [folder.appendingPathComponent("upstream").path])
        #expect(daily.failures.isEmpty && upstream.failures.isEmpty, "\(daily.failures) \(upstream.failures)")

        let stats = try archive.stats()
        #expect(stats.runs == history.runs.count)
        #expect(stats.verdicts == history.verdictCount)
        #expect(stats.papers == history.latestPapers.count)
        #expect(Set(history.runs.map(\.layout)).count == History.Layout.allCases.count, "every era is represented")

        for run in history.runs {
            let listing = try #require(try archive.day(run.date, digest: run.digest).first, "\(run.digest) \(run.date)")
            #expect(listing.papers.map(\.arxivID) == run.papers.map(\.id), "\(run.date) order")
            #expect(listing.papers.map(\.verdict.relevance) == run.papers.map(\.relevance))
            #expect(listing.papers.map(\.verdict.score) == run.papers.map(\.score))
            #expect(listing.papers.map(\.verdict.authorMatch) == run.papers.map(\.authorMatch))
            #expect(listing.papers.map(\.authors) == run.papers.map { $0.authors.map(\.display) }, "\(run.date) TeX names")
            if run.sources != .upstream && run.sources != .jsonOnly {
                // Era 1 Markdown states only the cost; page text and site pages always state tokens.
                let statesTokens = run.layout != .totalCostLine || run.sources == .pageText || run.sources == .sitePage
                #expect(listing.run.totalTokens == (statesTokens ? run.totalTokens : nil))
                #expect(listing.run.totalCost == run.totalCost, "\(run.date) cost")
                #expect(listing.run.model == run.model)
            }
        }
        for (id, paper) in history.latestPapers {
            let stored = try #require(try archive.paper(id))
            #expect(stored.title == paper.title, "\(id): the latest title wins")
            #expect(stored.abstract == paper.abstract)
        }
        #expect(try archive.integrityProblems().isEmpty)

        // A second import changes nothing.
        let again = DigestImporter(archive: archive).run(paths: [folder.appendingPathComponent("daily").path])
        #expect(again.runsAdded == 0 && again.runsUpdated == 0 && again.newPapers == 0)
        #expect(try archive.stats() == stats)
    }
}
