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
            let listing = try #require(try archive.day(Day(run.date)!, digest: run.digest).first, "\(run.digest) \(run.date)")
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

@Suite("Followed authors on a generated history")
struct GeneratedFollowTests {
    /// The people of an authors.txt, as the generator needs them (TeX and display).
    static func people(_ rules: [FollowRequest]) -> [Vocabulary.Person] {
        rules.map { Vocabulary.Person(tex: $0.name, display: TeXDecoder.decode($0.name)) }
    }

    /// Imports a 120-day history that plants `rules`' people and their namesakes.
    static func archive(following rules: [FollowRequest]) throws -> (Archive, History) {
        let history = History.generate(days: 120, seed: 11, followed: people(rules))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-follow-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try history.write(to: folder)
        let archive = try Archive.inMemory()
        #expect(DigestImporter(archive: archive).run(paths: [folder.appendingPathComponent("daily").path]).failures.isEmpty)
        _ = try archive.follow(rules)
        return (archive, history)
    }

    static func check(_ rules: [FollowRequest]) throws {
        let (archive, history) = try archive(following: rules)
        #expect(history.followedPapers.count >= 10, "the generator planted followed people")
        #expect(!history.namesakePapers.subtracting(history.followedPapers).isEmpty, "and namesakes alone")
        let found = Set(try archive.matches(limit: 100_000).map(\.arxivID))
        #expect(found == history.followedPapers, "missing \(history.followedPapers.subtracting(found)), extra \(found.subtracting(history.followedPapers))")
        // --loose adds exactly the namesakes' papers, as surname matches.
        let loose = try archive.matches(loose: true, limit: 100_000)
        #expect(Set(loose.map(\.arxivID)) == history.followedPapers.union(history.namesakePapers))
        #expect(loose.filter { !history.followedPapers.contains($0.arxivID) }.allSatisfy { $0.matchLevel == .surname })
    }

    @Test("matches finds exactly the papers the generator gave the fixture's followed people, no namesake")
    func fixtureRules() throws {
        try Self.check(try AuthorsFile.read(String(contentsOf: Paths.root.appendingPathComponent("Tests/Fixtures/config/authors.txt"), encoding: .utf8)))
    }

    @Test("The same with the upstream authors.txt of ../shared/samples", .enabled(if: Paths.samplesAvailable))
    func upstreamRules() throws {
        try Self.check(try AuthorsFile.read(String(contentsOf: Paths.samples.appendingPathComponent("upstream-config/authors.txt"), encoding: .utf8)))
    }
}
