import ArxiveKit
import Foundation
import Testing

@Suite("Mutes")
struct MutesTests {
    /// Two days, five papers: three about benchmarks, one of them by a
    /// followed author (Clément Dubois).
    func archive() throws -> Archive {
        let archive = try Archive.inMemory()
        func paper(_ id: String, _ title: String, _ author: String, relevance: Int) -> DigestPaper {
            DigestPaper(
                arxivID: id, title: title, authors: [author], abstract: "An invented abstract about \(title.lowercased()).",
                relevance: relevance, novelty: 5, score: Double(relevance + 5), comment: "Invented comment.")
        }
        let days = [
            (
                "2025-05-01",
                [
                    paper("2505.00001", "A benchmark leaderboard for tabular agents", "Ann Lee", relevance: 9),
                    paper("2505.00002", "Sparse routing in mixture models", "Bo Chen", relevance: 8),
                    paper("2505.00003", "A benchmark of quantum annealers", "Cl{\\'e}ment Dubois", relevance: 7),
                    paper("2505.00004", "Orbital resonance detection", "Dara Okafor", relevance: 6),
                ]
            ),
            ("2025-05-02", [paper("2505.00005", "Another benchmark suite for routing", "Eli Moss", relevance: 9)]),
        ]
        for (date, papers) in days {
            let request = StoreRequest(
                digest: Digest(format: .json, date: date, header: RunHeader(), papers: papers),
                digestName: "daily", date: date, source: DigestSource(path: "/d/\(date).json", sha256: date))
            #expect(try archive.store(request).change == .runAdded)
        }
        let followed = try archive.follow([FollowRequest(name: "Clément Dubois")])
        #expect(followed.count == 1)
        return archive
    }

    func ids(_ hits: [PaperHit]) -> [String] { hits.map(\.arxivID).sorted() }

    @Test("A mute hides its papers from search, day, rank, recommend, reports and feeds; --all and is:muted show them")
    func hiding() throws {
        let archive = try archive()
        #expect(try archive.mute("ti:benchmark", note: "not my field") == 2, "the followed author's paper stays")
        #expect(
            try archive.mutes().map { [$0.query, $0.note ?? "", String($0.papers), String($0.includeFollowed)] }
                == [["ti:benchmark", "not my field", "2", "false"]])

        #expect(ids(try archive.search(parse("benchmark"))) == ["2505.00003"])
        #expect(ids(try archive.search(parse("benchmark"), showMuted: true)) == ["2505.00001", "2505.00003", "2505.00005"])
        #expect(ids(try archive.search(parse("is:muted"))) == ["2505.00001", "2505.00005"])
        #expect(ids(try archive.search(parse("routing -is:muted"))) == ["2505.00002"])

        let day = try #require(try archive.day(Day("2025-05-01")!).first)
        #expect(day.papers.map(\.arxivID) == ["2505.00002", "2505.00003", "2505.00004"])
        #expect(day.mutedHidden == 1)
        #expect(
            try archive.days(of: "daily").map { [$0.run.date, String($0.papers.count), String($0.mutedHidden)] }
                == [["2025-05-01", "3", "1"], ["2025-05-02", "0", "1"]], "the site's listings hide as day does")
        #expect(try JSONOutput.string(day).contains("\"muted_hidden\" : 1"))
        let whole = try #require(try archive.day(Day("2025-05-01")!, showMuted: true).first)
        #expect(whole.papers.count == 4 && whole.mutedHidden == 0)
        #expect(!(try JSONOutput.string(whole)).contains("muted_hidden"), "without a hidden paper the JSON is as before")
        #expect(ReportHTML.day(day, previous: nil, next: nil, month: nil).contains("1 of the day's papers are muted"))
        #expect(!ReportHTML.day(whole, previous: nil, next: nil, month: nil).contains("papers are muted"))

        #expect(try archive.rank(.month(Month("2025-05")!)).papers.map(\.paper.arxivID) == ["2505.00002", "2505.00003", "2505.00004"])
        #expect(try archive.rank(.month(Month("2025-05")!), showMuted: true).papers.count == 5)
        #expect(try archive.monthReport(Month("2025-05")!).topPapers.map(\.paper.arxivID) == ["2505.00002", "2505.00003", "2505.00004"])
        #expect(try archive.monthReport(Month("2025-05")!).papersListed == 5, "a report's counts stay whole")
        #expect(try archive.monthReport(Month("2025-05")!, showMuted: true).topPapers.count == 5)
        #expect(try AtomFeed.Source.query("benchmark").records(archive, limit: 10).map(\.arxivID) == ["2505.00003"])

        for id in ["2505.00002", "2505.00003", "2505.00004"] { try archive.mark(id, .star(true)) }
        #expect(try archive.recommend(from: .starred).papers.isEmpty, "the only unmarked papers are muted")
        #expect(ids(try archive.recommend(from: .starred, showMuted: true).papers.map(\.paper)) == ["2505.00001", "2505.00005"])
    }

    @Test("Followed authors stay unless --include-followed; matches hides only what such a mute hides")
    func followedAuthors() throws {
        let archive = try archive()
        try archive.mute("ti:benchmark")
        #expect(try archive.matches().map(\.arxivID) == ["2505.00003"])
        try archive.mute("ti:benchmark", note: "everything", includeFollowed: true)
        #expect(try archive.mutes().map(\.papers) == [3], "the same query is one mute, replaced")
        #expect(try archive.matches().isEmpty)
        #expect(try archive.matches(showMuted: true).map(\.arxivID) == ["2505.00003"])
        #expect(ids(try archive.search(parse("benchmark"))).isEmpty)
    }

    @Test("unmute by query or number; unknown mutes and mutes of is:muted are errors that change nothing")
    func unmuting() throws {
        let archive = try archive()
        #expect(ids(try archive.search(parse("-is:muted"), limit: 10)).count == 5, "with no mute, -is:muted keeps everything")
        try archive.mute("ti:benchmark")
        try archive.mute("orbital")
        #expect(try archive.mutes().map(\.id) == [1, 2])
        try archive.unmute("2")
        try archive.unmute("ti:benchmark")
        #expect(try archive.mutes().isEmpty)
        #expect(throws: MuteError.noMute("ti:benchmark")) { try archive.unmute("ti:benchmark") }
        #expect(throws: MuteError.mutesMuted) { try archive.mute("is:muted OR benchmark") }
        try archive.saveSearch("hidden", query: "-is:muted")
        #expect(throws: MuteError.mutesMuted) { try archive.mute("q:hidden") }
        #expect(throws: QueryError.self) { try archive.mute("rel:>>3") }
        #expect(try archive.mutes().isEmpty)
        #expect(try archive.search(parse("benchmark")).count == 3)
    }

    @Test("A mute whose saved search was deleted hides nothing and says why; listings go on; unmute removes it")
    func brokenMute() throws {
        let archive = try archive()
        try archive.saveSearch("benchy", query: "ti:benchmark")
        #expect(try archive.mute("q:benchy") == 2)
        try archive.deleteSavedSearch("benchy")
        #expect(try archive.search(parse("benchmark")).count == 3, "search still answers, and the mute hides nothing")
        #expect(try archive.day(Day("2025-05-01")!).first?.papers.count == 4)
        let broken = try #require(try archive.mutes().first)
        #expect(broken.papers == 0 && broken.problem?.contains("no saved search named 'benchy'") == true, "\(broken)")
        #expect(MarksRenderer.mutes([broken]).contains("none: no saved search named 'benchy'"))
        #expect(try archive.unmute("q:benchy").problem != nil)
        #expect(try archive.mutes().isEmpty)
    }
}
