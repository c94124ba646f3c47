import GRDB

/// How `search` ranks: by its words (bm25), by meaning (the query's vector
/// against the papers' vectors), or both, fused.
public enum SearchMode: String, CaseIterable, Sendable {
    case words, meaning, both
}

/// What a search by meaning needs: the query's vector, and the archive's
/// vectors made by the same model.
public struct MeaningQuery: Sendable {
    public var vector: [Float]
    public var index: VectorIndex

    public init(vector: [Float], index: VectorIndex) {
        self.vector = vector
        self.index = index
    }
}

extension PaperSearch {
    /// How deep each ranking is read before fusion: a paper ranked lower
    /// than this by both would never reach the first page of results.
    static let fusionDepth = 100

    /// The papers `query` finds by meaning (`.meaning`) or by words and
    /// meaning fused by reciprocal rank (`.both`), best first. The query's
    /// filters, exclusions and the mutes apply to both rankings; each hit
    /// says its place in each.
    func hybridResults(_ query: Query, meaning: MeaningQuery, mode: SearchMode, limit: Int, showMuted: Bool, relaxed: Bool)
        throws -> SearchResults
    {
        let plan = try self.plan(visible(query, showMuted: showMuted))
        let depth = Swift.max(limit, PaperSearch.fusionDepth)
        let words =
            mode == .meaning
            ? WordRanking(ids: [], snippets: [:], partialMatches: 0)
            : try wordRanking(plan, order: .rank, limit: depth, relaxed: relaxed)
        let nearest = try meaningRanking(plan, meaning, limit: depth)
        let fused = RankFusion.fuse([words.ids, nearest], limit: limit)
        var snippets = words.snippets
        let unsnipped = fused.map(\.id).filter { snippets[$0] == nil }
        if let match = plan.relaxedMatch ?? plan.match, !unsnipped.isEmpty {
            // A paper found by meaning alone may still share some of the words: show where.
            snippets.merge(try self.snippets(match: match, paperIDs: unsnipped, lookUpEach: true)) { first, _ in first }
        }
        let reads = PaperReads(db: db)
        return SearchResults(
            hits: try fused.map { entry in
                var hit = try reads.hit(paperID: entry.id, snippet: snippets[entry.id], verdictCondition: plan.verdictCondition)
                hit.ranks = SearchRanks(word: entry.ranks[0], meaning: entry.ranks[1])
                return hit
            },
            orderedAmong: words.orderedAmong)
    }

    /// The papers nearest the query's vector, best first, among those the
    /// plan's conditions keep and its excluded words do not match.
    func meaningRanking(_ plan: SearchPlan, _ meaning: MeaningQuery, limit: Int) throws -> [Int64] {
        let allowed: Set<Int64>? =
            plan.conditions.isEmpty
            ? nil : Set(try Int64.fetchAll(db, literal: "SELECT p.id FROM papers p WHERE \(plan.conditions.joined(separator: " AND "))"))
        let excluded: Set<Int64> =
            if let exclusion = plan.exclusion {
                Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?", arguments: [exclusion]))
            } else { [] }
        return meaning.index.nearest(meaning.vector, limit: limit, among: allowed, excluding: excluded).map(\.id)
    }
}

/// Which ranking a search runs: the one place that decides it.
public enum SearchModeChoice {
    public enum Outcome: Equatable, Sendable {
        /// Run this mode.
        case run(SearchMode)
        /// Run by words, and say why meaning was not used (nil: nothing to say).
        case wordsOnly(reason: String?)
        /// The mode asked for cannot run: the message says what to do.
        case refused(String)
    }

    /// `requested` is `--mode` (nil: the default, `both` when it can run).
    public static func decide(
        requested: SearchMode?, sortedByRank: Bool, hasWords: Bool, modelInstalled: Bool, vectors: Int, papers: Int
    ) -> Outcome {
        if requested == .words { return .run(.words) }
        let explicit = requested != nil
        guard sortedByRank else {
            return explicit ? .refused("--mode \(requested!.rawValue) ranks by relevance: leave out --sort") : .run(.words)
        }
        guard hasWords else {
            return explicit ? .refused("the query has no words to search by meaning (only filters)") : .run(.words)
        }
        guard modelInstalled else {
            let how = "no sentence model is installed: arxive model install, then arxive embed"
            return explicit ? .refused(how) : .wordsOnly(reason: how)
        }
        guard vectors > 0 else {
            let how = "no paper has a vector of the installed model yet: arxive embed"
            return explicit ? .refused(how) : .wordsOnly(reason: how)
        }
        return .run(requested ?? .both)
    }
}
