import GRDB

/// How `search` orders its hits.
public enum SearchOrder: String, CaseIterable, Sendable {
    /// bm25, titles weighted above comments above abstracts.
    case rank
    /// Most recently listed first.
    case date
    /// Highest latest score first, then most recently listed.
    case score
}

/// A search's hits, and whether the order looked at only part of the matches.
public struct SearchResults: Sendable {
    public var hits: [PaperHit]
    /// How many of the hits (the last ones) hold only some of the query's
    /// words: a relaxed search added them after those that hold every word.
    public var partialMatches = 0
    /// Set when the query's words match more papers than
    /// `PaperSearch.orderedMatchLimit` and its filters did not narrow them: the
    /// hits are the best of the most recently added `orderedAmong` matches.
    public var orderedAmong: Int?
}

/// Paper search, over one read of the archive: a query's plan, its matches
/// ordered within a bound, and the hits built for the ones kept.
struct PaperSearch {
    let db: Database

    /// At most this many matches are ordered (ranked by bm25, or sorted by
    /// date or score) for one search: every query's cost stays bounded in a
    /// catalogue of millions, where a common word matches most papers and
    /// ranking them all would take seconds. With 5,000, every query of
    /// `scripts/bench-catalogue.py` answers in under 100 ms at a million papers.
    static let orderedMatchLimit = 5_000

    /// The papers matching `query`, best first, and whether the order was bounded.
    ///
    /// A common word can match most of the archive, so a search orders at
    /// most `orderedMatchLimit` matches, found in one pass (see
    /// `orderedCandidates`); the snippets, authors and verdicts are then read
    /// for the hits kept only.
    /// What a mute hides is left out unless `showMuted` (or the query asks for `is:muted`).
    ///
    /// With `relaxed`, when fewer than `limit` papers hold every word, the
    /// papers that hold some of them follow, ranked by bm25 (more of the
    /// words, and rarer ones, first): a description in one's own words then
    /// finds what the archive has. Filters, phrases, fields and exclusions
    /// keep their meaning.
    func results(_ query: Query, order: SearchOrder, limit: Int, showMuted: Bool, relaxed: Bool = false) throws -> SearchResults {
        let plan = try self.plan(visible(query, showMuted: showMuted))
        let hits = PaperReads(db: db)
        guard plan.match != nil else {
            let ids = try filteredPaperIDs(plan, order: order, limit: limit)
            return SearchResults(
                hits: try ids.map { try hits.hit(paperID: $0, snippet: nil, verdictCondition: plan.verdictCondition) },
                orderedAmong: nil)
        }
        let words = try wordRanking(plan, order: order, limit: limit, relaxed: relaxed)
        return SearchResults(
            hits: try words.ids.enumerated().map { place, id in
                var hit = try hits.hit(paperID: id, snippet: words.snippets[id], verdictCondition: plan.verdictCondition)
                if order == .rank { hit.ranks = SearchRanks(word: place + 1) }
                return hit
            },
            partialMatches: words.partialMatches, orderedAmong: words.orderedAmong)
    }

    /// `query` with what the mutes hide left out, unless `showMuted` (or the query asks for `is:muted`).
    func visible(_ query: Query, showMuted: Bool) throws -> Query {
        showMuted || MuteRules.mentionsMuted(query) ? query : try MuteRules(db: db).hiding(query)
    }

    /// The papers a plan with words finds, best first, with their snippets.
    struct WordRanking {
        var ids: [Int64]
        var snippets: [Int64: String]
        /// How many of `ids` (the last ones) hold only some of the words.
        var partialMatches: Int
        var orderedAmong: Int?
    }

    /// The word ranking of a plan with words: the papers that hold every
    /// word; with `relaxed`, when fewer than `limit` do, the papers that hold
    /// some of them (bm25: more of the words, and rarer ones, first); then
    /// the papers whose translations or AI summaries hold the words.
    ///
    /// Without `snippets`, only the text matches' snippets are kept (they
    /// come with the match): a hybrid search reads a hundred papers deep
    /// and shows twenty, and finds the snippets of those it shows (`snippets(for:)`).
    func wordRanking(_ plan: SearchPlan, order: SearchOrder, limit: Int, relaxed: Bool, snippets withSnippets: Bool = true) throws
        -> WordRanking
    {
        guard let match = plan.match else { return WordRanking(ids: [], snippets: [:], partialMatches: 0) }
        let (candidates, orderedAmong) = try orderedCandidates(plan, scored: order == .rank)
        let ids: [Int64]
        switch order {
        case .rank:
            // bm25 is lower for better matches; ties go to the most recently added.
            ids = PaperSearch.best(limit, of: candidates).map(\.id)
        case .date, .score:
            let list = candidates.map { String($0.id) }.joined(separator: ",")
            ids = try Int64.fetchAll(
                db,
                literal: "SELECT p.id FROM papers p WHERE p.id IN (\(sql: list)) ORDER BY \(sql: PaperSearch.orderClause(order)) LIMIT \(limit)")
        }
        // With filters, the hits' span may hold a long stretch of a common word's list: seek each then.
        var snippets =
            withSnippets ? try self.snippets(match: match, paperIDs: ids, lookUpEach: !plan.conditions.isEmpty && !plan.matchHasPrefix) : [:]
        var all = ids
        var partial = 0
        if relaxed, ids.count < limit, let relaxedMatch = plan.relaxedMatch {
            var wider = plan
            wider.match = relaxedMatch
            let (candidates, _) = try orderedCandidates(wider, scored: true)
            let kept = Set(ids)
            let more = PaperSearch.best(Swift.min(limit, 10_000) + ids.count, of: candidates).map(\.id).filter { !kept.contains($0) }
                .prefix(limit - ids.count)
            let moreSnippets = withSnippets ? try self.snippets(match: relaxedMatch, paperIDs: Array(more), lookUpEach: true) : [:]
            for id in more {
                all.append(id)
                snippets[id] = moreSnippets[id]
            }
            partial = more.count
        }
        if all.count < limit {
            // Then the papers whose translations or AI summaries hold the words (any script).
            var kept = Set(all)
            for (id, snippet) in try textMatches(plan, match: plan.relaxedMatch.flatMap { relaxed ? $0 : nil } ?? match, limit: limit)
            where !kept.contains(id) && all.count < limit {
                all.append(id)
                kept.insert(id)
                snippets[id] = snippet
            }
        }
        return WordRanking(ids: all, snippets: snippets, partialMatches: partial, orderedAmong: orderedAmong)
    }

    /// `query` compiled against this archive (its authors, saved searches and mutes).
    func plan(_ query: Query, resolver: SearchPlan.Resolver? = nil) throws -> SearchPlan {
        try SearchPlan(query, resolver: resolver ?? self.resolver())
    }

    /// What a plan reads from this archive.
    func resolver() -> SearchPlan.Resolver {
        SearchPlan.Resolver(
            authorIDs: { name, isPrefix in try AuthorSearch(db: db).authorIDs(matching: name, isPrefix: isPrefix) },
            savedQuery: { name in try String.fetchOne(db, literal: "SELECT query FROM saved_searches WHERE name = \(name)") },
            mutedPaperIDs: { try MuteRules(db: db).mutedPaperIDs() }
        )
    }

    /// How `.date` and `.score` order papers (`p`); `.rank` needs words, and
    /// without them falls back to date.
    ///
    /// By date: the papers digests listed, last listed first, then the
    /// catalogue papers no digest listed, newest first by their place in the
    /// snapshot (arXiv's own order, by id): reading their publication day
    /// would read their whole rows. Ties in score (common: scores are small
    /// integers) go to the most recent; breaking them by bm25 would rank every match.
    static func orderClause(_ order: SearchOrder) -> String {
        // Listed papers by their last day; then catalogue papers newest first
        // (snapshot order); then the few papers only a spotlight or a report
        // names, by id: never by arrival, which depends on the import's order.
        let recent = "p.last_seen DESC, (CASE WHEN p.last_seen IS NULL AND p.catalogue_date IS NOT NULL THEN p.id END) DESC, p.arxiv_id DESC"
        return switch order {
        case .rank, .date: recent
        case .score: "(SELECT score FROM verdicts WHERE id = p.latest_verdict_id) DESC NULLS LAST, " + recent
        }
    }

    /// The first `limit` papers, in `order`, that a plan without words matches.
    ///
    /// The listed papers come first in either order, so they are found
    /// first, along `papers_by_last_seen`; the catalogue papers, only when
    /// fewer than `limit` were listed, along the same index where
    /// `last_seen` is NULL, newest first. Neither step reads the rows of the
    /// papers it passes over, however many papers of a catalogue of millions
    /// the filters select (`cat:hep-th`).
    func filteredPaperIDs(_ plan: SearchPlan, order: SearchOrder, limit: Int) throws -> [Int64] {
        let listed = try Int64.fetchAll(
            db,
            literal: """
                SELECT p.id FROM papers p INDEXED BY papers_by_last_seen WHERE p.last_seen IS NOT NULL\(plan.andConditions)
                ORDER BY \(sql: PaperSearch.orderClause(order)) LIMIT \(limit)
                """)
        guard listed.count < limit else { return listed }
        let catalogue = try Int64.fetchAll(
            db,
            literal: """
                SELECT p.id FROM papers p WHERE p.last_seen IS NULL AND p.catalogue_date IS NOT NULL\(plan.andConditions)
                ORDER BY p.id DESC LIMIT \(limit - listed.count)
                """)
        guard listed.count + catalogue.count < limit else { return listed + catalogue }
        return listed + catalogue
            + (try Int64.fetchAll(
                db,
                literal: """
                    SELECT p.id FROM papers p INDEXED BY papers_named_only WHERE p.last_seen IS NULL AND p.catalogue_date IS NULL\(plan.andConditions)
                    ORDER BY p.arxiv_id DESC LIMIT \(limit - listed.count - catalogue.count)
                    """))
    }

    /// The matches of a plan with words that a search orders, with their
    /// bm25 (when `scored`), and how many were kept when not all were.
    ///
    /// One pass, whatever the word: FTS5 reads the match lists newest first
    /// and stops after `orderedMatchLimit + 1` matches, so a word in most of
    /// a catalogue of millions costs what `orderedMatchLimit` matches cost. When
    /// there are more, the newest `orderedMatchLimit` are kept, unless the
    /// filters select few enough papers (`model cat:hep-th date:2008`): then
    /// those papers are the candidates, and every match among them is kept.
    func orderedCandidates(_ plan: SearchPlan, scored: Bool) throws -> (rows: [(id: Int64, score: Double)], orderedAmong: Int?) {
        let cap = PaperSearch.orderedMatchLimit
        /// The matches that `query(columns, join)` selects, with their score (0 when not `scored`).
        func fetch(_ query: (_ columns: String, _ join: String) -> SQL) throws -> [(id: Int64, score: Double)] {
            if scored {
                // A query of several phrases gives no frequency at its first
                // row: only that row is read twice, then bm25 ranks it.
                if let rows = try PhraseRank.scores(query("papers_fts.rowid, \(PhraseRank.columns)", PhraseRank.join), db) { return rows }
            }
            let (sql, arguments) = try query("papers_fts.rowid, \(scored ? PaperSearch.bm25Expression : "0")", "").build(db)
            // A cursor reads each row in place: thousands of rows, no Row copy each.
            var rows: [(id: Int64, score: Double)] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() { rows.append((row[0], row[1])) }
            return rows
        }
        if !plan.conditions.isEmpty {
            let selected = try Int64.fetchAll(
                db, literal: "SELECT p.id FROM papers p WHERE \(plan.conditions.joined(separator: " AND ")) LIMIT \(cap + 1)")
            if selected.count <= cap {
                guard let low = selected.min(), let high = selected.max() else { return ([], nil) }
                // FTS5 reads the words' lists once, between the lowest and
                // highest candidate (a month of the catalogue is a narrow
                // range), and SQLite keeps the candidates (`+rowid`), rather
                // than FTS5 seeking each candidate's rowid. The candidates
                // are the ids just read: neither the filters nor a row of
                // `papers` are looked at again for each match (which made
                // `training network topic:compression` 1.2x the search without `topic:`).
                let list = selected.map(String.init).joined(separator: ",")
                return (
                    try fetch { columns, join in
                        """
                        SELECT \(sql: columns) FROM papers_fts \(sql: join) WHERE papers_fts MATCH \(plan.match) \
                        AND papers_fts.rowid BETWEEN \(sql: String(low)) AND \(sql: String(high)) AND +papers_fts.rowid IN (\(sql: list))
                        """
                    }, nil
                )
            }
        }
        var rows = try fetch { columns, join in
            // Words alone need no row of `papers`: reading thousands of them would cost more than the scan.
            let matching: SQL =
                plan.conditions.isEmpty
                ? "SELECT \(sql: columns) FROM papers_fts \(sql: join) WHERE papers_fts MATCH \(plan.match)"
                : matchingPapers(plan, columns: columns, joining: join)
            return matching + " ORDER BY papers_fts.rowid DESC LIMIT \(cap + 1)"
        }
        guard rows.count > cap else { return (rows, nil) }
        // The oldest match was read only to know there were more.
        rows.removeLast()
        return (rows, cap)
    }

    /// The `limit` best of `candidates` (lowest score, then highest id), best first.
    ///
    /// A search keeps twenty of up to `orderedMatchLimit` matches: one pass
    /// that keeps the best so far costs a fraction of sorting them all
    /// (measured: 2.8 million instructions to sort 3,969 matches).
    static func best(_ limit: Int, of candidates: [(id: Int64, score: Double)]) -> [(id: Int64, score: Double)] {
        func better(_ a: (id: Int64, score: Double), _ b: (id: Int64, score: Double)) -> Bool {
            a.score < b.score || (a.score == b.score && a.id > b.id)
        }
        // Inserting into the kept list costs up to `limit` moves per match: sort when many are wanted.
        guard limit <= 100 else { return Array(candidates.sorted(by: better).prefix(limit)) }
        var kept: [(id: Int64, score: Double)] = []
        kept.reserveCapacity(limit + 1)
        for candidate in candidates {
            if kept.count == limit, let worst = kept.last, !better(candidate, worst) { continue }
            let place = kept.firstIndex { better(candidate, $0) } ?? kept.endIndex
            kept.insert(candidate, at: place)
            if kept.count > limit { kept.removeLast() }
        }
        return kept
    }

    /// The best matching passage of each paper, matches marked.
    ///
    /// Without `lookUpEach` (`+rowid`), the matches are read once, between
    /// the lowest and highest id wanted. For a search without filters that
    /// span lies within the matches ordering read (at most
    /// `orderedMatchLimit + 1` of them), so this costs at most what ordering
    /// did, and less than seeking: each seek starts the query over (measured
    /// at 0.4 million instructions for a word in half of 7,551 papers, a
    /// million for a phrase with "the"), and a prefix is merged from all its
    /// terms' lists each time (tens of milliseconds in a catalogue of
    /// millions). With filters, the span may hold a long stretch of a common
    /// word's list (a small category spread over every year), and
    /// `lookUpEach` seeks each paper instead: a few milliseconds for twenty
    /// papers, however many matches lie between them.
    func snippets(match: String, paperIDs: [Int64], lookUpEach: Bool) throws -> [Int64: String] {
        guard let low = paperIDs.min(), let high = paperIDs.max() else { return [:] }
        let list = paperIDs.map(String.init).joined(separator: ",")
        let among = lookUpEach ? "rowid IN (\(list))" : "rowid BETWEEN \(low) AND \(high) AND +rowid IN (\(list))"
        let rows = try Row.fetchAll(
            db,
            literal: """
                SELECT rowid, \(sql: PaperSearch.snippetColumn) AS snippet FROM papers_fts WHERE papers_fts MATCH \(match) AND \(sql: among)
                """)
        var snippets: [Int64: String] = [:]
        for row in rows { snippets[row["rowid"]] = row["snippet"] }
        return snippets
    }

    /// `SELECT columns` over the papers (`p`, and `papers_fts` when the plan
    /// has words) that the plan matches, unordered.
    /// `joining`, over `papers_fts`, adds a table (a plan with words only).
    func matchingPapers(_ plan: SearchPlan, columns: String, joining: String = "") -> SQL {
        let papers: SQL =
            if let match = plan.match {
                "SELECT \(sql: columns) FROM papers_fts \(sql: joining) JOIN papers p ON p.id = papers_fts.rowid WHERE papers_fts MATCH \(match)"
            } else {
                "SELECT \(sql: columns) FROM papers p WHERE 1"
            }
        return papers + plan.andConditions
    }

    /// Every paper `query` matches, and the plan (for its verdict condition).
    func paperIDs(matching query: Query) throws -> (ids: Set<Int64>, plan: SearchPlan) {
        let plan = try self.plan(query)
        return (Set(try Int64.fetchAll(db, literal: matchingPapers(plan, columns: "p.id"))), plan)
    }

    /// The papers index's own ranking (its `rank` option in migration 001_archive),
    /// for queries of several phrases; `PhraseRank` gives its order for one.
    static let bm25Expression = "bm25(papers_fts, 8.0, 1.0, 2.0)"

    /// The best matching passage of the best column, matches marked.
    static let snippetColumn = "snippet(papers_fts, -1, char(2), char(3), '…', 24)"

    /// The papers (best first, filters applied) whose other texts match
    /// (`paper_texts`: translations, AI summaries), each with a snippet.
    ///
    /// Over a trigram index: a few characters of a Chinese summary are one
    /// unicode61 token of a whole sentence, which words never match. A query
    /// scoped to a field (`ti:`) has no such text: it finds none here.
    func textMatches(_ plan: SearchPlan, match: String, limit: Int) throws -> [(Int64, String)] {
        guard !match.contains(" : ") else { return [] }
        let rows: [Row]
        do {
            rows = try Row.fetchAll(
                db,
                literal: """
                    SELECT p.id, snippet(paper_texts_fts, 0, char(2), char(3), '…', 24) AS snippet
                    FROM paper_texts_fts JOIN paper_texts t ON t.id = paper_texts_fts.rowid JOIN papers p ON p.arxiv_id = t.arxiv_id
                    WHERE paper_texts_fts MATCH \(match)\(plan.andConditions) ORDER BY paper_texts_fts.rank LIMIT \(min(limit, 10_000) * 4)
                    """)
        } catch {
            // A term of fewer than three characters, which a trigram index cannot match: no such text.
            return []
        }
        var seen = Set<Int64>()
        return rows.compactMap { row in seen.insert(row["id"]).inserted ? (row["id"], row["snippet"]) : nil }
    }
}
