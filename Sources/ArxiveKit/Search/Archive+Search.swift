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
    /// ranking them all would take seconds.
    public static let orderedMatchLimit = 10_000

    /// The papers matching `query`, best first.
    public func search(_ query: Query, order: SearchOrder = .rank, limit: Int = 20) throws -> [PaperHit] {
        try searchResults(query, order: order, limit: limit).hits
    }

    /// The papers matching `query`, best first, and whether the order was bounded.
    ///
    /// When the words match more than `orderedMatchLimit` papers, the
    /// filters choose the candidates if they select few enough papers (`model
    /// cat:hep-th date:2008` orders that month's hep-th papers); else the
    /// most recently added `orderedMatchLimit` matches are ordered. Each step
    /// counts at most `orderedMatchLimit + 1` rows.
    public func searchResults(_ query: Query, order: SearchOrder = .rank, limit: Int = 20) throws -> SearchResults {
    ///
    /// A common word can match most of the archive, so nothing is computed
    /// per match beyond what the order needs: ranked, FTS5 returns the rows
    /// sorted and the snippet is evaluated for the rows kept only; by date or
    /// score, the maintained `last_seen`/`latest_verdict_id` columns order the
    /// matches and the snippets are fetched afterwards for the rows kept.
    /// Details (authors, verdict) are read for the kept rows alone.
        try database.read { db in
            let plan = try SearchPlan(query, resolver: Archive.resolver(db))
            let candidates = try Archive.candidates(plan, db)
            let orderedAmong = candidates.orderedAmong
            // Ranked order comes sorted out of FTS5, so SQLite evaluates the
            // snippet for the rows kept only; any other order sorts all matches,
            // and the snippets are fetched afterwards for the rows kept.
            // Candidates the filters chose are ranked by the bm25 expression:
            // `ORDER BY rank` would have FTS5 look each of them up in the
            // word's whole list (seconds for a common word), and the snippet
            // would then be computed for every candidate before the sort.
            let rankedByExpression = candidates.condition?.fromFilters == true
            let snippetInline = plan.match != nil && order == .rank && !rankedByExpression
            var (sql, arguments) = Archive.matchingPapers(plan, columns: "p.id, \(snippetInline ? Archive.snippetColumn : "NULL") AS snippet",
                                                          candidates: candidates.condition.map { ($0.sql, $0.arguments) })
            let latestScore = "(SELECT score FROM verdicts WHERE id = p.latest_verdict_id)"
            switch (order, plan.match != nil) {
            case (.rank, true): sql += rankedByExpression ? " ORDER BY \(Archive.rankExpression)" : " ORDER BY papers_fts.rank"
            case (.rank, false), (.date, _): sql += " ORDER BY p.last_seen DESC, p.arxiv_id DESC"
            // Ties in score (common: scores are small integers) go to the most
            // recent; breaking them by bm25 would rank every match.
            case (.score, _): sql += " ORDER BY \(latestScore) DESC NULLS LAST, p.last_seen DESC, p.arxiv_id DESC"
            }
            sql += " LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let ids = rows.map { $0["id"] as Int64 }
            var snippets: [Int64: String] = [:]
            for row in rows { snippets[row["id"]] = row["snippet"] }
            if let match = plan.match, !snippetInline, !ids.isEmpty {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid, \(Archive.snippetColumn) AS snippet
                    FROM papers_fts WHERE papers_fts MATCH ? AND rowid IN (\(ids.map(String.init).joined(separator: ",")))
                    """, arguments: [match])
                for row in rows { snippets[row["rowid"]] = row["snippet"] }
            }
            let hits = try ids.map { id in
                try Archive.hit(paperID: id, snippet: snippets[id], verdictCondition: plan.verdictCondition, db)
            }
            return SearchResults(hits: hits, orderedAmong: orderedAmong)
        }
    }

    /// A condition that bounds the rows a search orders (see `searchResults`),
    /// and how many rows that is when it is the most recent matches.
    static func candidates(_ plan: SearchPlan, _ db: Database) throws
        -> (condition: (sql: String, arguments: StatementArguments, fromFilters: Bool)?, orderedAmong: Int?) {
        guard let match = plan.match else { return (nil, nil) }
        let cap = orderedMatchLimit
        let textMatches = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?)
            """, arguments: [match, cap + 1]) ?? 0
        guard textMatches > cap else { return (nil, nil) }
        var arguments = StatementArguments()
        _ = arguments.append(contentsOf: StatementArguments(plan.arguments))
        if !plan.conditions.isEmpty {
            let filtered = "SELECT p.id FROM papers p WHERE " + plan.conditions.joined(separator: " AND ")
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(filtered) LIMIT ?)",
                                         arguments: arguments + [cap + 1]) ?? 0
            // `+rowid`: FTS5 reads the word's list once and SQLite keeps the
            // candidates, rather than FTS5 seeking each candidate's rowid.
            if count <= cap { return (("+papers_fts.rowid IN (\(filtered))", arguments, true), nil) }
        }
        // Both many: the most recently added matches of words and filters,
        // found newest first (FTS5 reads its lists backwards for this order).
        let (newest, newestArguments) = matchingPapers(plan, columns: "papers_fts.rowid")
        let cutoff = try Int64.fetchOne(db, sql: newest + " ORDER BY papers_fts.rowid DESC LIMIT 1 OFFSET ?",
                                        arguments: newestArguments + [cap - 1])
        guard let cutoff else { return (nil, nil) }  // fewer than `cap` papers meet words and filters
        return (("papers_fts.rowid >= ?", [cutoff], false), cap)
    }

    /// `SELECT columns` over the papers (`p`, and `papers_fts` when the plan
    /// has words) that the plan matches, unordered.
    /// `candidates`, over `papers_fts`, narrows the matches (a plan with words only).
    static func matchingPapers(_ plan: SearchPlan, columns: String,
                               candidates: (sql: String, arguments: StatementArguments)? = nil) -> (sql: String, arguments: StatementArguments) {
        var sql: String
        var arguments = StatementArguments()
        if let match = plan.match {
            sql = "SELECT \(columns) FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid WHERE papers_fts MATCH ?"
            _ = arguments.append(contentsOf: [match])
            if let candidates {
                sql += " AND " + candidates.sql
                _ = arguments.append(contentsOf: candidates.arguments)
            }
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
            savedQuery: { name in try String.fetchOne(db, sql: "SELECT query FROM saved_searches WHERE name = ?", arguments: [name]) }
        )
    }

    /// The papers index's own ranking (its `rank` option in 001_archive.sql), as an expression.
    static let rankExpression = "bm25(papers_fts, 8.0, 1.0, 2.0)"

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
    static func hit(paperID: Int64, snippet: String?,
                    verdictCondition: (sql: String, arguments: [any DatabaseValueConvertible])? = nil,
                    _ db: Database) throws -> PaperHit {
        // Without a condition, the latest verdict is the one the import keeps in `papers`.
        let latest = verdictCondition.map { latestVerdictID(meeting: $0.sql) } ?? "p.latest_verdict_id"
        var arguments = StatementArguments((verdictCondition?.arguments ?? []).map { Optional($0) })
        _ = arguments.append(contentsOf: [paperID])
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT p.arxiv_id, p.title, p.abstract, p.first_seen, p.last_seen,
                   lv.relevance, lv.novelty, lv.score, lv.comment, lv.author_match
            FROM papers p LEFT JOIN verdicts lv ON lv.id = (\(latest))
            WHERE p.id = ?
            """), arguments: arguments)!
        return PaperHit(
            arxivID: row["arxiv_id"], title: row["title"], authors: try authorNames(paperID: paperID, db),
            firstSeen: row["first_seen"], lastSeen: row["last_seen"],
            verdict: VerdictFields(relevance: row["relevance"], novelty: row["novelty"], score: row["score"],
                                   comment: row["comment"], authorMatch: row["author_match"] ?? false),
            // Comments are stored one per line: a snippet stays on one.
            snippet: (snippet ?? opening(of: row["abstract"])).replacingOccurrences(of: "\n", with: " · ")
        )
    }

    static func authorNames(paperID: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = ? ORDER BY pa.position
            """), arguments: [paperID])
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
        let rows = try Row.fetchAll(db, sql: """
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
