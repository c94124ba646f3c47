// Search/: the query language (`QueryParser` to `Query`), its compilation to
// SQL (`SearchPlan`, `HotspotPlan`, as GRDB `SQL` values), and the read
// queries, each a type over one `Database`: `PaperSearch`, `PaperReads`,
// `AuthorSearch`, `FollowMatches`, `Ranker`, `SimilarPapers`, `Recommender`,
// `HotspotQueries`, `RunReads`, `MuteRules`, `SavedSearches`. They may call
// Model, Archive and Learning.

import GRDB

/// The archive's read entry points for the query layer: each opens one
/// transaction and hands its `Database` to the query type that holds the
/// SQL. The library's callers (the command line, the site, the tests) ask
/// the archive; the archive itself knows nothing of queries.
extension Archive {
    // MARK: Papers

    /// At most this many matches are ordered for one search (see `PaperSearch.orderedMatchLimit`).
    public static var orderedMatchLimit: Int { PaperSearch.orderedMatchLimit }

    /// The papers matching `query`, best first.
    public func search(_ query: Query, order: SearchOrder = .rank, limit: Int = 20, showMuted: Bool = false) throws -> [PaperHit] {
        try searchResults(query, order: order, limit: limit, showMuted: showMuted).hits
    }

    /// The papers matching `query`, best first, and whether the order was bounded (see `PaperSearch`).
    /// With `relaxed`, papers that hold only some of the words follow those that hold them all.
    public func searchResults(
        _ query: Query, order: SearchOrder = .rank, limit: Int = 20, showMuted: Bool = false, relaxed: Bool = false
    ) throws -> SearchResults {
        try database.read { try PaperSearch(db: $0).results(query, order: order, limit: limit, showMuted: showMuted, relaxed: relaxed) }
    }

    /// `search`: the papers `query` finds, ranked by words, by meaning (with
    /// `model`, when the papers have its vectors) or both fused, as
    /// `SearchModeChoice` decides.
    public func search(_ query: Query, _ request: SearchRequest, model: SentenceModel?) throws -> SearchOutcome {
        let couldUseMeaning = request.mode != .words && request.order == .rank && !query.meaningText.isEmpty
        // The query is encoded on the other core while the vectors and the words are read.
        let vector = model.flatMap { couldUseMeaning ? QueryVector(encoding: query.meaningText, with: $0) : nil }
        let index = try model.flatMap { couldUseMeaning ? try vectorIndex(model: $0.identity) : nil }
        let choice = SearchModeChoice.decide(
            requested: request.mode, sortedByRank: request.order == .rank, hasWords: !query.meaningText.isEmpty,
            modelInstalled: model != nil, vectors: index?.count ?? 0)
        switch choice {
        case .refused(let message):
            throw SearchModeError(description: message)
        case .run(.words), .wordsOnly:
            let results = try searchResults(query, order: request.order, limit: request.limit, showMuted: request.showMuted, relaxed: !request.exact)
            var outcome = SearchOutcome(results: results, mode: .words)
            if case .wordsOnly(let reason) = choice { outcome.wordsOnlyReason = reason }
            return outcome
        case .run(let mode):
            guard let vector, let index else { throw SearchModeError(description: "the archive has no vectors: arxive embed") }
            let meaning = MeaningQuery(vector: vector, index: index)
            let results = try searchResults(
                query, meaning: meaning, mode: mode, limit: request.limit, showMuted: request.showMuted, relaxed: !request.exact)
            return SearchOutcome(results: results, mode: mode, papersWithoutVectors: max(0, try embeddablePaperCount() - index.count))
        }
    }

    /// The papers `query` finds by meaning, or by words and meaning fused
    /// (see `PaperSearch.hybridResults`); `.words` is `searchResults`.
    public func searchResults(
        _ query: Query, meaning: MeaningQuery, mode: SearchMode, limit: Int = 20, showMuted: Bool = false, relaxed: Bool = true
    ) throws -> SearchResults {
        guard mode != .words else { return try searchResults(query, order: .rank, limit: limit, showMuted: showMuted, relaxed: relaxed) }
        return try database.read {
            try PaperSearch(db: $0).hybridResults(query, meaning: meaning, mode: mode, limit: limit, showMuted: showMuted, relaxed: relaxed)
        }
    }

    /// A paper and every verdict it received, oldest first; nil when the archive has no such paper.
    public func paper(_ arxivID: String) throws -> PaperDetail? {
        try database.read { try PaperReads(db: $0).detail(arxivID) }
    }

    /// The records of these papers, in this order (ids not in the archive are left out).
    public func records(arxivIDs: [String]) throws -> [PaperRecord] {
        try database.read { try PaperReads(db: $0).records(arxivIDs: arxivIDs) }
    }

    /// The records of the papers `query` matches (every paper when nil),
    /// most recently listed first; the first `limit` of them when given.
    public func records(matching query: Query? = nil, limit: Int? = nil) throws -> [PaperRecord] {
        try database.read { try PaperReads(db: $0).records(matching: query, limit: limit) }
    }

    /// The papers most like the paper `arxivID`, best first (see `SimilarPapers`).
    /// With `vectors` (the archive's, of one model), the nearest papers by meaning are fused in.
    public func similar(to arxivID: String, limit: Int = 10, vectors: VectorIndex? = nil) throws -> [PaperHit] {
        // Its scratch tables live in `temp`: a connection that may write.
        try database.writeWithoutTransaction { try SimilarPapers(db: $0).papers(like: arxivID, limit: limit, vectors: vectors) }
    }

    /// The papers of `scope` (nil: every paper a digest listed) ranked by a
    /// model trained now from `marks`, best first (see `Recommender`).
    public func recommend(
        from marks: MarkedPapers, in scope: Query? = nil, limit: Int? = 20,
        explain: Bool = false, showMuted: Bool = false, vectors: VectorIndex? = nil
    ) throws -> Recommendations {
        try database.read {
            try Recommender(db: $0).recommend(from: marks, in: scope, limit: limit, explain: explain, showMuted: showMuted, vectors: vectors)
        }
    }

    // MARK: Authors and follows

    /// The papers of the person called `name`, across the whole history (see `AuthorSearch`).
    public func papers(byAuthor name: String, loose: Bool = false, limit: Int = 20) throws -> AuthorSearchResult {
        try database.read { try AuthorSearch(db: $0).papers(byAuthor: name, loose: loose, limit: limit) }
    }

    /// The most frequent authors (by distinct papers), in a month if given.
    public func topAuthors(month: Month? = nil, limit: Int = 20) throws -> [AuthorCount] {
        try database.read { try AuthorSearch(db: $0).topAuthors(dates: month?.dateRange, limit: limit) }
    }

    /// The rules, each with its number of papers and the last day one was listed.
    public func following() throws -> [FollowRule] {
        try database.read { try FollowMatches(db: $0).following() }
    }

    /// Papers by followed authors, newest first.
    ///
    /// - Parameters:
    ///   - dates: only papers a run listed on these days (`YYYY-MM-DD` bounds, inclusive).
    ///   - onlyNew: only papers that entered the archive since the last `onlyNew`
    ///     listing, which moves the watermark; `limit` does not apply then, so
    ///     that nothing new is skipped.
    ///   - showMuted: keep what a mute that includes followed authors hides
    ///     (other mutes never hide their papers).
    public func matches(
        dates: ClosedRange<String>? = nil, onlyNew: Bool = false, loose: Bool = false, limit: Int = 20,
        showMuted: Bool = false
    ) throws -> [PaperHit] {
        guard onlyNew else {
            return try database.read { try FollowMatches(db: $0).matches(dates: dates, loose: loose, limit: limit, showMuted: showMuted) }
        }
        // --new reads and moves the watermark in one transaction.
        return try database.write { try FollowMatches(db: $0).newMatches(dates: dates, loose: loose, showMuted: showMuted) }
    }

    /// The digest's author matches that no rule explains, and the rules'
    /// papers the digest never flagged.
    public func matchAudit(limit: Int = 20) throws -> MatchAudit {
        try database.read { try FollowMatches(db: $0).audit(limit: limit) }
    }

    /// How many papers with an id above `paperID` the rules match: what an import brought.
    public func matchCount(afterPaperID paperID: Int64) throws -> Int {
        try database.read { try FollowMatches(db: $0).ruleMatches(loose: false).keys.filter { $0 > paperID }.count }
    }

    /// The largest paper id: papers are numbered as they arrive.
    public func lastPaperID() throws -> Int64 {
        try database.read { try Int64.fetchOne($0, sql: "SELECT coalesce(max(id), 0) FROM papers") ?? 0 }
    }

    // MARK: Ranking

    /// The verdicts of `scope` in the order `options` gives, and what its cut-offs drop (see `Ranker`).
    /// What a mute hides is left out unless `showMuted`.
    public func rank(_ scope: RankScope, options: RankOptions = RankOptions(), limit: Int? = nil, showMuted: Bool = false) throws -> Ranking {
        try database.read { try Ranker(db: $0).rank(scope, options: options, limit: limit, showMuted: showMuted) }
    }

    /// Stores `options` under `name`, replacing a profile of that name.
    public func saveRankProfile(_ name: String, _ options: RankOptions) throws {
        try database.write { try Ranker(db: $0).saveProfile(name, options) }
    }

    /// The options saved under `name`.
    public func rankProfile(_ name: String) throws -> RankOptions {
        try database.read { try Ranker(db: $0).profile(name) }
    }

    // MARK: Runs and days

    /// Every run, oldest first; of `digest`, of `month`, and whose day's research summary holds every one of `summaryWords`, only when given.
    public func runs(digest: String? = nil, month: Month? = nil, summaryWords: [String] = []) throws -> [RunSummary] {
        try database.read { try RunReads(db: $0).runs(digest: digest, month: month, summaryWords: summaryWords) }
    }

    /// The runs of one day (one per digest: the published run, or the other
    /// run of the day), each with its papers in published order, less those
    /// a mute hides unless `showMuted`.
    public func day(_ date: Day, digest: String? = nil, variant: RunVariant = .published, showMuted: Bool = false) throws -> [DayListing] {
        try database.read { try RunReads(db: $0).day(date, digest: digest, variant: variant, showMuted: showMuted) }
    }

    /// Every run of `digest`, oldest first, as `day` lists each: for the site.
    public func days(of digest: String) throws -> [DayListing] {
        try database.read { try RunReads(db: $0).days(of: digest) }
    }

    // MARK: Hotspots

    /// Topics matching `query` (parsed by `QueryParser.parseHotspotQuery`), best first (see `HotspotQueries`).
    public func hotspotSearch(_ query: Query, limit: Int = 20) throws -> [HotspotHit] {
        try database.read { try HotspotQueries(db: $0).search(query, limit: limit) }
    }

    /// The hotspot days of `date`, one per digest, as published.
    public func hotspotDay(_ date: Day, digest: String? = nil) throws -> [HotspotDayListing] {
        try database.read { try HotspotQueries(db: $0).day(date, digest: digest) }
    }

    /// Every hotspot day, oldest first: its sources, totals and cost; of `month` only when given.
    public func hotspotRuns(month: Month? = nil) throws -> [HotspotRun] {
        try database.read { try HotspotQueries(db: $0).runs(month: month) }
    }

    /// Topics per month by category and by source, and the most frequent sources and tags.
    public func hotspotTrends(limit: Int = 10) throws -> HotspotTrends {
        try database.read { try HotspotQueries(db: $0).trends(limit: limit) }
    }

    // MARK: Mutes and saved searches

    /// Mutes `query` (checked first), replacing the note and the followed
    /// rule of a mute of the same query; returns how many papers it hides now.
    @discardableResult
    public func mute(_ query: String, note: String? = nil, includeFollowed: Bool = false) throws -> Int {
        try database.write { try MuteRules(db: $0).add(query, note: note, includeFollowed: includeFollowed) }
    }

    /// Removes the mute of this query, or of this number (as `mutes` lists
    /// them); returns it as it was.
    @discardableResult
    public func unmute(_ queryOrID: String) throws -> Mute {
        try database.write { try MuteRules(db: $0).remove(queryOrID) }
    }

    /// Every mute, oldest first, each with the papers it hides now.
    public func mutes() throws -> [Mute] {
        try database.read { try MuteRules(db: $0).all() }
    }

    /// Saves `query` (checked first) under `name`, replacing a search of that name.
    public func saveSearch(_ name: String, query: String) throws {
        try database.write { try SavedSearches(db: $0).save(name, query: query) }
    }

    public func deleteSavedSearch(_ name: String) throws {
        try database.write { try SavedSearches(db: $0).delete(name) }
    }

    /// The saved searches, each with the number of papers it finds now.
    public func savedSearches() throws -> [SavedSearch] {
        try database.read { try SavedSearches(db: $0).all() }
    }
}
