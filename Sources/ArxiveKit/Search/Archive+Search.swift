import GRDB

/// How `search` orders its hits.
public enum SearchOrder: String, CaseIterable, Sendable {
    /// bm25, titles weighted above comments above abstracts.
    case rank
    /// Most recently listed first.
    case date
    /// Highest latest score first.
    case score
}

extension Archive {
    /// The papers matching `query`, best first.
    public func search(_ query: Query, order: SearchOrder = .rank, limit: Int = 20) throws -> [PaperHit] {
        try database.read { db in
            let plan = try SearchPlan(query) { name, isPrefix in try Archive.authorIDs(matching: name, isPrefix: isPrefix, db) }
            var sql: String
            var arguments = StatementArguments()
            let seen = """
                (SELECT min(r.date) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = p.id) AS first_seen,
                (SELECT max(r.date) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = p.id) AS last_seen,
                (\(Archive.latestVerdictID)) AS latest_verdict
                """
            if let match = plan.match {
                sql = """
                    SELECT p.id, p.arxiv_id, p.title, \(seen),
                           snippet(papers_fts, -1, char(2), char(3), '…', 24) AS snippet, papers_fts.rank AS rank
                    FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid
                    WHERE papers_fts MATCH ?
                    """
                _ = arguments.append(contentsOf: [match])
            } else {
                sql = """
                    SELECT p.id, p.arxiv_id, p.title, \(seen), NULL AS snippet, 0 AS rank
                    FROM papers p WHERE 1
                    """
            }
            for condition in plan.conditions { sql += " AND " + condition }
            _ = arguments.append(contentsOf: StatementArguments(plan.arguments))
            let latestScore = "(SELECT score FROM verdicts WHERE id = latest_verdict)"
            switch (order, plan.match != nil) {
            case (.rank, true): sql += " ORDER BY rank, last_seen DESC"
            case (.rank, false), (.date, _): sql += " ORDER BY last_seen DESC, p.arxiv_id DESC"
            case (.score, true): sql += " ORDER BY \(latestScore) DESC NULLS LAST, rank"
            case (.score, false): sql += " ORDER BY \(latestScore) DESC NULLS LAST, last_seen DESC"
            }
            sql += " LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                try Archive.hit(row, db)
            }
        }
    }

    /// The id of a paper's latest verdict (latest run date, then digest name), over `p`.
    static let latestVerdictID = """
        SELECT v.id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = p.id
        ORDER BY r.date DESC, r.digest DESC LIMIT 1
        """

    /// Builds a hit from a row holding `id, arxiv_id, title, first_seen, last_seen, latest_verdict, snippet`.
    static func hit(_ row: Row, _ db: Database) throws -> PaperHit {
        let paperID: Int64 = row["id"]
        let verdict = try Row.fetchOne(db, sql: "SELECT relevance, novelty, score, comment, author_match FROM verdicts WHERE id = ?",
                                       arguments: [row["latest_verdict"] as Int64?])
        var snippet: String? = row["snippet"]
        if snippet == nil {
            let abstract = try String.fetchOne(db, sql: "SELECT abstract FROM papers WHERE id = ?", arguments: [paperID]) ?? ""
            snippet = Archive.opening(of: abstract)
        }
        return PaperHit(
            arxivID: row["arxiv_id"], title: row["title"], authors: try authorNames(paperID: paperID, db),
            firstSeen: row["first_seen"], lastSeen: row["last_seen"],
            relevance: verdict?["relevance"], novelty: verdict?["novelty"], score: verdict?["score"],
            comment: verdict?["comment"], authorMatch: verdict?["author_match"] ?? false,
            snippet: snippet
        )
    }

    static func authorNames(paperID: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = ? ORDER BY pa.position
            """, arguments: [paperID])
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
