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
    /// Set when the query's words match more papers than
    /// `Archive.orderedMatchLimit` and its filters did not narrow them: the
    /// hits are the best of the most recently added `orderedAmong` matches.
    public var orderedAmong: Int?
}

extension Archive {
    /// At most this many matches are ordered (ranked by bm25, or sorted by
    /// date or score) for one search: every query's cost stays bounded in a
    /// catalogue of millions, where a common word matches most papers and
    /// ranking them all would take seconds. With 5,000, every query of
    /// `scripts/bench-catalogue.py` answers in under 100 ms at a million papers.
    public static let orderedMatchLimit = 5_000

    /// The papers matching `query`, best first.
    public func search(_ query: Query, order: SearchOrder = .rank, limit: Int = 20, showMuted: Bool = false) throws -> [PaperHit] {
        try searchResults(query, order: order, limit: limit, showMuted: showMuted).hits
    }

    /// The papers matching `query`, best first, and whether the order was bounded.
    ///
    /// A common word can match most of the archive, so a search orders at
    /// most `orderedMatchLimit` matches, found in one pass (see
    /// `orderedCandidates`); the snippets, authors and verdicts are then read
    /// for the hits kept only.
    /// What a mute hides is left out unless `showMuted` (or the query asks for `is:muted`).
    public func searchResults(_ query: Query, order: SearchOrder = .rank, limit: Int = 20, showMuted: Bool = false) throws -> SearchResults {
        try database.read { db in
            let query = showMuted || Archive.mentionsMuted(query) ? query : try Archive.hidingMuted(query, db)
            let plan = try SearchPlan(query, resolver: Archive.resolver(db))
            guard let match = plan.match else {
                let ids = try Archive.filteredPaperIDs(plan, order: order, limit: limit, db)
                return SearchResults(
                    hits: try ids.map { try Archive.hit(paperID: $0, snippet: nil, verdictCondition: plan.verdictCondition, db) },
                    orderedAmong: nil)
            }
            let (candidates, orderedAmong) = try Archive.orderedCandidates(plan, scored: order == .rank, db)
            let ids: [Int64]
            switch order {
            case .rank:
                // bm25 is lower for better matches; ties go to the most recently added.
                ids = Archive.best(limit, of: candidates).map(\.id)
            case .date, .score:
                let list = candidates.map { String($0.id) }.joined(separator: ",")
                ids = try Int64.fetchAll(
                    db, sql: "SELECT p.id FROM papers p WHERE p.id IN (\(list)) ORDER BY \(Archive.orderClause(order)) LIMIT ?",
                    arguments: [limit])
            }
            // With filters, the hits' span may hold a long stretch of a common word's list: seek each then.
            let snippets = try Archive.snippets(
                match: match, paperIDs: ids,
                lookUpEach: !plan.conditions.isEmpty && !plan.matchHasPrefix, db)
            let hits = try ids.map { id in
                try Archive.hit(paperID: id, snippet: snippets[id], verdictCondition: plan.verdictCondition, db)
            }
            return SearchResults(hits: hits, orderedAmong: orderedAmong)
        }
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
        let recent = "p.last_seen DESC, (CASE WHEN p.last_seen IS NULL THEN p.id END) DESC, p.arxiv_id DESC"
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
    static func filteredPaperIDs(_ plan: SearchPlan, order: SearchOrder, limit: Int, _ db: Database) throws -> [Int64] {
        let conditions = plan.conditions.map { " AND " + $0 }.joined()
        let listed = try Int64.fetchAll(
            db,
            sql: """
                SELECT p.id FROM papers p INDEXED BY papers_by_last_seen WHERE p.last_seen IS NOT NULL\(conditions)
                ORDER BY \(orderClause(order)) LIMIT ?
                """, arguments: StatementArguments(plan.arguments) + [limit])
        guard listed.count < limit else { return listed }
        return listed
            + (try Int64.fetchAll(
                db,
                sql: """
                    SELECT p.id FROM papers p WHERE p.last_seen IS NULL\(conditions) ORDER BY p.id DESC LIMIT ?
                    """, arguments: StatementArguments(plan.arguments) + [limit - listed.count]))
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
    static func orderedCandidates(_ plan: SearchPlan, scored: Bool, _ db: Database) throws
        -> (rows: [(id: Int64, score: Double)], orderedAmong: Int?)
    {
        let cap = orderedMatchLimit
        /// The matches that `query(columns, join)` selects, with their score (0 when not `scored`).
        func fetch(_ query: (_ columns: String, _ join: String) -> (sql: String, arguments: StatementArguments)) throws
            -> [(id: Int64, score: Double)]
        {
            if scored {
                // A query of several phrases gives no frequency at its first
                // row: only that row is read twice, then bm25 ranks it.
                let (sql, arguments) = query("papers_fts.rowid, \(PhraseRank.columns)", PhraseRank.join)
                if let rows = try PhraseRank.scores(sql: sql, arguments: arguments, db) { return rows }
            }
            let (sql, arguments) = query("papers_fts.rowid, \(scored ? bm25Expression : "0")", "")
            // A cursor reads each row in place: thousands of rows, no Row copy each.
            var rows: [(id: Int64, score: Double)] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() { rows.append((row[0], row[1])) }
            return rows
        }
        if !plan.conditions.isEmpty {
            let selected = try Int64.fetchAll(
                db, sql: "SELECT p.id FROM papers p WHERE \(plan.conditions.joined(separator: " AND ")) LIMIT ?",
                arguments: StatementArguments(plan.arguments) + [cap + 1])
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
                        (
                            "SELECT \(columns) FROM papers_fts \(join) WHERE papers_fts MATCH ? AND papers_fts.rowid BETWEEN \(low) AND \(high)"
                                + " AND +papers_fts.rowid IN (\(list))", [plan.match]
                        )
                    }, nil
                )
            }
        }
        var rows = try fetch { columns, join in
            // Words alone need no row of `papers`: reading thousands of them would cost more than the scan.
            let (sql, arguments) =
                plan.conditions.isEmpty
                ? ("SELECT \(columns) FROM papers_fts \(join) WHERE papers_fts MATCH ?", [plan.match] as StatementArguments)
                : matchingPapers(plan, columns: columns, joining: join)
            return (sql + " ORDER BY papers_fts.rowid DESC LIMIT ?", arguments + [cap + 1])
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
    static func snippets(match: String, paperIDs: [Int64], lookUpEach: Bool, _ db: Database) throws -> [Int64: String] {
        guard let low = paperIDs.min(), let high = paperIDs.max() else { return [:] }
        let list = paperIDs.map(String.init).joined(separator: ",")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT rowid, \(snippetColumn) AS snippet FROM papers_fts WHERE papers_fts MATCH ? AND
                \(lookUpEach ? "rowid IN (\(list))" : "rowid BETWEEN \(low) AND \(high) AND +rowid IN (\(list))")
                """, arguments: [match])
        var snippets: [Int64: String] = [:]
        for row in rows { snippets[row["rowid"]] = row["snippet"] }
        return snippets
    }

    /// `SELECT columns` over the papers (`p`, and `papers_fts` when the plan
    /// has words) that the plan matches, unordered.
    /// `joining`, over `papers_fts`, adds a table (a plan with words only).
    static func matchingPapers(_ plan: SearchPlan, columns: String, joining: String = "") -> (sql: String, arguments: StatementArguments) {
        var sql: String
        var arguments = StatementArguments()
        if let match = plan.match {
            sql = "SELECT \(columns) FROM papers_fts \(joining) JOIN papers p ON p.id = papers_fts.rowid WHERE papers_fts MATCH ?"
            _ = arguments.append(contentsOf: [match])
        } else {
            sql = "SELECT \(columns) FROM papers p WHERE 1"
        }
        for condition in plan.conditions { sql += " AND " + condition }
        _ = arguments.append(contentsOf: StatementArguments(plan.arguments))
        return (sql, arguments)
    }

    /// Every paper `query` matches, and the plan (for its verdict condition).
    static func paperIDs(matching query: Query, _ db: Database) throws -> (ids: Set<Int64>, plan: SearchPlan) {
        let plan = try SearchPlan(query, resolver: resolver(db))
        let (sql, arguments) = matchingPapers(plan, columns: "p.id")
        return (Set(try Int64.fetchAll(db, sql: sql, arguments: arguments)), plan)
    }

    /// What a search plan reads from the archive.
    static func resolver(_ db: Database) -> SearchPlan.Resolver {
        SearchPlan.Resolver(
            authorIDs: { name, isPrefix in try Archive.authorIDs(matching: name, isPrefix: isPrefix, db) },
            savedQuery: { name in try String.fetchOne(db, sql: "SELECT query FROM saved_searches WHERE name = ?", arguments: [name]) },
            mutedPaperIDs: { try Archive.mutedPaperIDs(db) }
        )
    }

    /// The papers index's own ranking (its `rank` option in migration 001_archive),
    /// for queries of several phrases; `PhraseRank` gives its order for one.
    static let bm25Expression = "bm25(papers_fts, 8.0, 1.0, 2.0)"

    /// The best matching passage of the best column, matches marked.
    static let snippetColumn = "snippet(papers_fts, -1, char(2), char(3), '…', 24)"

    /// The id of `p`'s latest verdict (latest run date, then digest name)
    /// among those meeting `condition` (over `v` and `r`).
    static func latestVerdictID(meeting condition: String) -> String {
        """
        SELECT v.id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = p.id AND \(condition)
        ORDER BY r.date DESC, r.digest DESC LIMIT 1
        """
    }

    /// The hit for one paper: its latest verdict (among those meeting
    /// `verdictCondition`, when the query set one), first and last days, and
    /// the snippet (the abstract's opening when the query matched no text).
    static func hit(
        paperID: Int64, snippet: String?,
        verdictCondition: (sql: String, arguments: [any DatabaseValueConvertible])? = nil,
        _ db: Database
    ) throws -> PaperHit {
        // Without a condition, the latest verdict is the one the import keeps in `papers`.
        let latest = verdictCondition.map { latestVerdictID(meeting: $0.sql) } ?? "p.latest_verdict_id"
        var arguments = StatementArguments((verdictCondition?.arguments ?? []).map { Optional($0) })
        _ = arguments.append(contentsOf: [paperID])
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT p.arxiv_id, p.title, p.abstract, p.first_seen, p.last_seen, p.published, p.categories,
                           lv.id AS verdict_id, lv.relevance, lv.novelty, lv.score, lv.comment, lv.author_match, lr.digest, lr.date
                    FROM papers p LEFT JOIN verdicts lv ON lv.id = (\(latest)) LEFT JOIN runs lr ON lr.id = lv.run_id
                    WHERE p.id = ?
                    """), arguments: arguments)!
        // The latest verdict's topics, and the paper's spotlight on that day.
        let topics =
            try (row["verdict_id"] as Int64?).map {
                try listingTopics(verdictID: $0, paperID: paperID, digest: row["digest"], date: row["date"], db)
            } ?? ListingTopics()
        return PaperHit(
            arxivID: row["arxiv_id"], title: row["title"], authors: try authorNames(paperID: paperID, db),
            firstSeen: row["first_seen"], lastSeen: row["last_seen"],
            verdict: VerdictFields(
                relevance: row["relevance"], novelty: row["novelty"], score: row["score"],
                comment: row["comment"], authorMatch: row["author_match"] ?? false),
            // Comments are stored one per line: a snippet stays on one.
            snippet: (snippet ?? opening(of: row["abstract"])).split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: " · "),
            published: row["published"],
            categories: (row["categories"] as String?)?.split(separator: " ").map(String.init) ?? [],
            topics: topics
        )
    }

    /// The first words of an abstract, as the snippet of a hit that matched no text.
    static func opening(of abstract: String, words: Int = 24) -> String {
        let all = abstract.split(separator: " ")
        return all.prefix(words).joined(separator: " ") + (all.count > words ? " …" : "")
    }

    /// Authors an `au:` value names: one word matches any word of a name
    /// (`au:bengio`, `au:beng*`); several words match as `arxive author` does
    /// (exact or compatible, never surname only).
    static func authorIDs(matching name: String, isPrefix: Bool, _ db: Database) throws -> [Int64] {
        let key = PersonName.key(for: name)
        let words = key.split(separator: " ")
        if words.count == 1 || isPrefix {
            let match = words.map { "\"\($0)\"" }.joined(separator: " ") + (isPrefix ? " *" : "")
            return try Int64.fetchAll(db, sql: "SELECT rowid FROM authors_fts WHERE authors_fts MATCH ?", arguments: [match])
        }
        return try nameCandidates(key: key, db).filter { $0.level >= .compatible }.map(\.id)
    }

    /// Every author sharing the surname of `key`, with how well each matches.
    static func nameCandidates(key: String, _ db: Database) throws -> [(id: Int64, name: String, key: String, level: NameMatchLevel)] {
        guard let surname = key.split(separator: " ").last else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, a.name, a.key FROM authors_fts JOIN authors a ON a.id = authors_fts.rowid
                WHERE authors_fts MATCH ?
                """, arguments: ["\"\(surname)\""])
        return rows.compactMap { row in
            let candidateKey: String = row["key"]
            guard let level = NameMatcher.match(query: key, candidate: candidateKey) else { return nil }
            return (row["id"], row["name"], candidateKey, level)
        }
    }
}
