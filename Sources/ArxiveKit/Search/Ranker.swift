import Foundation
import GRDB

/// Which verdicts `arxive rank` re-orders.
public enum RankScope: Equatable, Sendable {
    /// One run's listing (the digest may be left out when only one ran that day).
    case day(Day, digest: String?)
    /// Every run of a month: distinct papers, each by its best verdict.
    case month(Month)
    /// The papers a query matches, each by its best verdict (among those
    /// meeting the query's verdict filters, when it has any).
    case query(Query)
}

/// Re-ranking stored verdicts, over one read of the archive: no network,
/// no LLM, only the stored scores, the followed-author rules and the
/// full-text index.
struct Ranker {
    let db: Database

    /// One stored verdict, scored.
    struct Scored {
        var verdictID: Int64
        var paperID: Int64
        var arxivID: String
        var date: String
        var digest: String
        var position: Int
        var relevance: Int?
        var novelty: Int?
        var authorMatch: Bool
        var rankScore: Double?
        var parts: [RankedPaper.Part]

        /// The order of `rank`: author matches first, then the score, then
        /// (under weights) relevance, then the published position, then the
        /// most recent day. Under the digest's own score, ties keep the
        /// digest's order: its early versions did not break them by relevance
        /// (the 2025-01 and 2025-02 samples list relevance 8 before 9 at equal
        /// score), and its later ones already had when they set the position.
        static func precedes(_ a: Scored, _ b: Scored, relevanceBreaksTies: Bool) -> Bool {
            if a.authorMatch != b.authorMatch { return a.authorMatch }
            let (sa, sb) = (a.rankScore ?? -.infinity, b.rankScore ?? -.infinity)
            if sa != sb { return sa > sb }
            let (ra, rb) = (a.relevance ?? -1, b.relevance ?? -1)
            if relevanceBreaksTies && ra != rb { return ra > rb }
            if a.position != b.position { return a.position < b.position }
            if a.date != b.date { return a.date > b.date }
            if a.digest != b.digest { return a.digest < b.digest }
            return a.arxivID < b.arxivID
        }
    }

    /// The verdicts of `scope` in the order `options` gives, and what its cut-offs drop.
    /// What a mute hides is left out unless `showMuted`.
    func rank(_ scope: RankScope, options: RankOptions, limit: Int?, showMuted: Bool = false) throws -> Ranking {
        let muted = showMuted ? [] : try MuteRules(db: db).mutedPaperIDs()
        let verdicts = try self.verdicts(in: scope).filter { !muted.contains($0.paperID) }
        let followed = options.boostFollowed == 0 ? [] : Set(try FollowMatches(db: db).ruleMatches(loose: false).keys)
        let search = PaperSearch(db: db)
        let boosted = try options.boosts.map { boost in
            (boost, try search.paperIDs(matching: QueryParser.parse(boost.term)).ids)
        }
        let learned = try options.learned.map { learned in
            (learned, try learnedPlaces(learned.marks, papers: Set(verdicts.map(\.paperID)).sorted()))
        }
        let published = Ranker.order(
            verdicts.map { Ranker.score($0, RankOptions(), followed: [], boosted: [], learned: nil) },
            relevanceBreaksTies: false)
        let publishedRank = Dictionary(uniqueKeysWithValues: published.enumerated().map { ($1.paperID, $0 + 1) })
        let ranked = Ranker.order(
            verdicts.map { Ranker.score($0, options, followed: followed, boosted: boosted, learned: learned) }
                .filter { Ranker.survives($0, options) }, relevanceBreaksTies: options.weights != nil)
        let kept = Set(ranked.map(\.paperID))
        let reads = PaperReads(db: db)
        func paper(_ s: Scored) throws -> RankedPaper {
            RankedPaper(
                paper: try reads.hit(paperID: s.paperID, snippet: nil, verdictCondition: "v.id = \(s.verdictID)"),
                date: s.date, digest: s.digest, position: s.position, rankScore: s.rankScore,
                publishedRank: publishedRank[s.paperID] ?? 0, parts: s.parts)
        }
        // The limit cuts the new order; what the cut-offs drop is listed whole.
        return Ranking(
            papers: try (limit.map { Array(ranked.prefix($0)) } ?? ranked).map(paper),
            dropped: try published.filter { !kept.contains($0.paperID) }.map(paper))
    }

    /// Each paper's place under the model learned from `marks`: 1 for the
    /// best of `papers`, 0 for the worst, evenly between. A place, not the
    /// model's probability: those crowd together (a month's ranged from 0.24
    /// to 0.42 on the generated history) and would use a sliver of the
    /// points; a place uses them all, whatever the model's calibration.
    func learnedPlaces(_ marks: MarkedPapers, papers: [Int64]) throws -> [Int64: Double] {
        let ranker = try LearnedRanker(marks, candidates: papers, db)
        let worstFirst = papers.sorted { (ranker.score($0), $1) < (ranker.score($1), $0) }
        let steps = Double(max(worstFirst.count - 1, 1))
        return Dictionary(uniqueKeysWithValues: worstFirst.enumerated().map { ($1, Double($0) / steps) })
    }

    /// Keeps each paper's first verdict in rank order: its best.
    static func order(_ scored: [Scored], relevanceBreaksTies: Bool) -> [Scored] {
        var seen = Set<Int64>()
        return scored.sorted { Scored.precedes($0, $1, relevanceBreaksTies: relevanceBreaksTies) }
            .filter { seen.insert($0.paperID).inserted }
    }

    static func score(
        _ v: Scored, _ options: RankOptions, followed: Set<Int64>,
        boosted: [(RankOptions.Boost, Set<Int64>)], learned: (RankOptions.Learned, [Int64: Double])?
    ) -> Scored {
        var v = v
        var parts: [RankedPaper.Part] = []
        if v.authorMatch { parts.append(.init(label: "author match: listed first", points: 0)) }
        if let w = options.weights {
            if let r = v.relevance, let n = v.novelty {
                parts.append(.init(label: "relevance \(r) × \(Format.score(w.relevance))", points: Double(r) * w.relevance))
                parts.append(.init(label: "novelty \(n) × \(Format.score(w.novelty))", points: Double(n) * w.novelty))
            }
        } else if let score = v.rankScore {
            parts.append(.init(label: "the digest's score", points: score))
        }
        if followed.contains(v.paperID) { parts.append(.init(label: "followed author", points: options.boostFollowed)) }
        for (boost, ids) in boosted where ids.contains(v.paperID) {
            parts.append(.init(label: "boost \(boost.term)", points: boost.points))
        }
        if let (options, places) = learned, let place = places[v.paperID] {
            parts.append(
                .init(
                    label: "learned from \(options.marks): place " + String(format: "%.2f", place) + " × \(Format.score(options.points))",
                    points: place * options.points))
        }
        let scoring = parts.filter { !$0.label.hasPrefix("author match") }
        v.rankScore = scoring.isEmpty ? nil : scoring.reduce(0) { $0 + $1.points }
        v.parts = parts
        return v
    }

    /// Whether the verdict would have passed the cut-offs (author matches always do).
    static func survives(_ v: Scored, _ options: RankOptions) -> Bool {
        if v.authorMatch { return true }
        if let min = options.minRelevance, (v.relevance ?? Int.min) < min { return false }
        if let min = options.minNovelty, (v.novelty ?? Int.min) < min { return false }
        if let min = options.minScore, (v.rankScore ?? -.infinity) < min { return false }
        return true
    }

    /// The verdicts in scope; `rankScore` holds the digest's own score.
    func verdicts(in scope: RankScope) throws -> [Scored] {
        var sql: SQL = """
            SELECT v.id, v.paper_id, p.arxiv_id, r.date, r.digest, v.position, v.relevance, v.novelty, v.score, v.author_match
            FROM verdicts v JOIN runs r ON r.id = v.run_id JOIN papers p ON p.id = v.paper_id WHERE
            """
        switch scope {
        case .day(let date, let digest):
            // A day is its published run, as `day` shows it (not the other run of a day the generator ran twice).
            let digests = try String.fetchAll(db, literal: "SELECT digest FROM runs WHERE date = \(date) AND variant = '' ORDER BY digest")
            let chosen = digest ?? digests.first
            if digest == nil && digests.count > 1 { throw RankError.severalDigests(date: date.text, digests: digests) }
            sql += " r.date = \(date) AND r.digest = \(chosen) AND r.variant = ''"
        case .month(let month):
            sql += " r.date LIKE \(month) || '-%'"
        case .query(let query):
            let (ids, plan) = try PaperSearch(db: db).paperIDs(matching: query)
            sql += " v.paper_id IN (\(sql: ids.map(String.init).joined(separator: ",")))"
            if let condition = plan.verdictCondition { sql += " AND \(condition)" }
        }
        return try Row.fetchAll(db, literal: sql).map { row in
            Scored(
                verdictID: row["id"], paperID: row["paper_id"], arxivID: row["arxiv_id"], date: row["date"], digest: row["digest"],
                position: row["position"], relevance: row["relevance"], novelty: row["novelty"],
                authorMatch: row["author_match"], rankScore: row["score"], parts: [])
        }
    }

    // MARK: Profiles

    /// Stores `options` under `name` (in a write), replacing a profile of that name.
    func saveProfile(_ name: String, _ options: RankOptions) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(options), as: UTF8.self)
        try db.execute(
            literal: """
                INSERT INTO rank_profiles (name, options, saved_at) VALUES (\(name), \(json), \(ISO8601DateFormatter().string(from: Date())))
                ON CONFLICT (name) DO UPDATE SET options = excluded.options, saved_at = excluded.saved_at
                """)
    }

    /// The options saved under `name`.
    func profile(_ name: String) throws -> RankOptions {
        guard let json = try String.fetchOne(db, literal: "SELECT options FROM rank_profiles WHERE name = \(name)") else {
            throw RankError.noProfile(name)
        }
        return try JSONDecoder().decode(RankOptions.self, from: Data(json.utf8))
    }
}
