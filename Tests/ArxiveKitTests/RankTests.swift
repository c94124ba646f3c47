import ArxiveKit
import DigestGenerator
import Foundation
import Testing

@Suite("Re-ranking stored verdicts")
struct RankTests {
    /// The published positions of a day's ranking, in ranked order.
    func positions(_ archive: Archive, _ date: Day, digest: String? = nil, _ options: RankOptions = RankOptions()) throws -> [Int] {
        try archive.rank(.day(date, digest: digest), options: options).papers.map(\.position)
    }

    @Test("With no options, every fixture day comes out exactly as published")
    func fixtureDaysAsPublished() throws {
        let archive = try fixtureArchive()
        for run in try archive.runs() {
            let published = try positions(archive, Day(run.date)!, digest: run.digest)
            #expect(published == Array(0..<run.listed).map { $0 + 1 }, "\(run.digest) \(run.date)")
        }
    }

    @Test("With no options, every day of a generated history comes out exactly as published")
    func generatedDaysAsPublished() throws {
        let history = History.generate(days: 120, seed: 5)
        let archive = try importedArchive(history, upstream: true)
        for run in history.runs {
            let ranked = try archive.rank(.day(Day(run.date)!, digest: run.digest)).papers.map(\.paper.arxivID)
            #expect(ranked == run.papers.map(\.id), "\(run.digest) \(run.date)")
        }
    }

    @Test("--weights relevance=1,novelty=2 orders a month by 2N+R, ties by relevance then position; parts add up")
    func weights() throws {
        let archive = try fixtureArchive()
        var options = RankOptions()
        options.weights = .init(relevance: 1, novelty: 2)
        let ranked = try archive.rank(.month(Month("2025-12")!), options: options).papers
        #expect(Set(ranked.map(\.paper.arxivID)).count == ranked.count, "distinct papers")
        let matches = ranked.prefix { $0.paper.verdict.authorMatch }
        #expect(matches.count == 1, "the author match first")
        let rest = ranked.dropFirst(matches.count)
        #expect(rest.count >= 3)
        for (a, b) in zip(rest, rest.dropFirst()) {
            let ka = (2 * a.paper.verdict.novelty! + a.paper.verdict.relevance!, a.paper.verdict.relevance!)
            let kb = (2 * b.paper.verdict.novelty! + b.paper.verdict.relevance!, b.paper.verdict.relevance!)
            #expect(ka >= kb)
            if ka == kb, a.date == b.date { #expect(a.position < b.position) }
        }
        for r in rest {
            #expect(r.rankScore == Double(2 * r.paper.verdict.novelty! + r.paper.verdict.relevance!))
            #expect(r.parts.reduce(0) { $0 + $1.points } == r.rankScore)
        }
    }

    @Test("A month ranks each paper by its best verdict")
    func bestVerdict() throws {
        let archive = try fixtureArchive()
        // 2501.00101 was listed on 2025-01-06 (relevance 10) and 2025-12-01 (relevance 8).
        let all = try archive.rank(.query(parse("id:2501.00101"))).papers
        #expect(all.map(\.date) == ["2025-01-06"])
        #expect(try archive.rank(.query(parse("id:2501.00101 date:2025-12"))).papers.map(\.date) == ["2025-12-01"])
    }

    @Test("--min-relevance 10 keeps relevance-10 papers and author matches; the rest are listed as dropped")
    func cutOffs() throws {
        let archive = try fixtureArchive()
        var options = RankOptions()
        options.minRelevance = 10
        let all = try archive.rank(.month(Month("2025-12")!)).papers
        let ranking = try archive.rank(.month(Month("2025-12")!), options: options)
        #expect(!ranking.papers.isEmpty)
        #expect(ranking.papers.allSatisfy { $0.paper.verdict.relevance == 10 || $0.paper.verdict.authorMatch })
        #expect(Set(ranking.papers.map(\.paper.arxivID)).union(ranking.dropped.map(\.paper.arxivID)) == Set(all.map(\.paper.arxivID)))
        #expect(ranking.dropped.allSatisfy { !$0.paper.verdict.authorMatch })
    }

    @Test("Boosts: a query term and followed authors add their points; the published rank stays for --diff")
    func boosts() throws {
        let archive = try fixtureArchive()
        let plain = try archive.rank(.month(Month("2025-12")!)).papers
        var options = RankOptions()
        options.boosts = [.init(term: "ti:pruning", points: 100)]
        let boosted = try archive.rank(.month(Month("2025-12")!), options: options).papers
        let pruning = Set(try archive.search(parse("ti:pruning date:2025-12"), limit: 100).map(\.arxivID))
        #expect(!pruning.isEmpty)
        // Every boosted paper comes before every other one but the author match.
        let order = boosted.filter { !$0.paper.verdict.authorMatch }.map { pruning.contains($0.paper.arxivID) }
        #expect(order == order.sorted { $0 && !$1 })
        for r in boosted where pruning.contains(r.paper.arxivID) && !r.paper.verdict.authorMatch {
            let before = try #require(plain.first { $0.paper.arxivID == r.paper.arxivID })
            #expect(r.rankScore == before.rankScore! + 100)
            #expect(r.publishedRank == plain.firstIndex { $0.paper.arxivID == r.paper.arxivID }! + 1)
        }
        _ = try archive.follow(FollowRequest(name: "Ingrid Skøld"))
        options = RankOptions()
        options.boostFollowed = 50
        let skold = Set(try archive.matches(limit: 100).map(\.arxivID))
        for r in try archive.rank(.month(Month("2025-12")!), options: options).papers where skold.contains(r.paper.arxivID) {
            #expect(r.parts.contains { $0.label == "followed author" && $0.points == 50 })
        }
    }

    @Test("Profiles save and load; an unknown profile and an ambiguous day are errors")
    func profilesAndErrors() throws {
        let archive = try fixtureArchive()
        var options = RankOptions()
        options.weights = .init(relevance: 2, novelty: 0.5)
        options.boosts = [.init(term: "\"low rank\"", points: 3)]
        options.minNovelty = 4
        try archive.saveRankProfile("theory", options)
        #expect(try archive.rankProfile("theory") == options)
        options.minNovelty = 6
        try archive.saveRankProfile("theory", options)
        #expect(try archive.rankProfile("theory").minNovelty == 6)
        #expect(throws: RankError.noProfile("nope")) { try archive.rankProfile("nope") }
        try archive.withDatabaseForTesting { db in
            try db.execute(sql: "INSERT INTO runs (digest, date) VALUES ('astro', '2025-12-01')")
        }
        #expect(throws: RankError.severalDigests(date: "2025-12-01", digests: ["astro", "daily"])) {
            try archive.rank(.day(Day("2025-12-01")!, digest: nil))
        }
    }
}

@Suite("Real samples: ranking", .enabled(if: Paths.samplesAvailable, "../shared/samples is not beside the checkout"))
struct RealSamplesRankTests {
    @Test("With no options, every sample day comes out exactly as published (early eras included)")
    func everyDay() throws {
        let archive = try Archive.inMemory()
        expectClean(DigestImporter(archive: archive).run(paths: ["assistant-out", "page-text", "site"].map { Paths.samples.appendingPathComponent($0).path }))
        expectClean(
            DigestImporter(archive: archive, options: .init(digestName: "upstream")).run(paths: [Paths.samples.appendingPathComponent("upstream-out").path]))
        let runs = try archive.runs()
        #expect(runs.count == 7)
        for run in runs {
            let positions = try archive.rank(.day(Day(run.date)!, digest: run.digest)).papers.map(\.position)
            #expect(positions == Array(0..<run.listed).map { $0 + 1 }, "\(run.digest) \(run.date)")
        }
    }
}
