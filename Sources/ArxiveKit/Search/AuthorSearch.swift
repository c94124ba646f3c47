import GRDB

/// What `arxive author NAME` found.
public struct AuthorSearchResult: Sendable, Equatable {
    /// Papers by the person: exact and compatible names (and surname-only ones when loose), newest first.
    public var papers: [PaperHit]
    /// Other people sharing the surname, with their paper counts: reported, not matched.
    public var possible: [(name: String, papers: Int)]

    public static func == (a: Self, b: Self) -> Bool {
        a.papers == b.papers && a.possible.map(\.name) == b.possible.map(\.name) && a.possible.map(\.papers) == b.possible.map(\.papers)
    }
}

/// Authors, over one read of the archive: a person's papers, the most
/// frequent names, and the authors a query's `au:` names.
struct AuthorSearch {
    let db: Database

    /// The papers of the person called `name`, across the whole history.
    ///
    /// Names match by key (TeX decoded, Latin-ASCII folded, lowercase):
    /// exactly, or compatibly (`Y. Bengio` ~ `Yoshua Bengio`). Names that share
    /// only the surname are listed in `possible`, and matched only when `loose`.
    func papers(byAuthor name: String, loose: Bool, limit: Int) throws -> AuthorSearchResult {
        let candidates = try nameCandidates(key: PersonName.key(for: name))
        let wanted = candidates.filter { loose || $0.level >= .compatible }
        let possible = try candidates.filter { !loose && $0.level == .surname }.map { c in
            (name: c.name, papers: try Int.fetchOne(db, literal: "SELECT count(*) FROM paper_authors WHERE author_id = \(c.id)") ?? 0)
        }.sorted { ($0.papers, $1.name) > ($1.papers, $0.name) }
        guard !wanted.isEmpty else { return AuthorSearchResult(papers: [], possible: possible) }
        let level = Dictionary(wanted.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Ids the archive gave: inlined, so a long list binds no variables.
        let ids = wanted.map { String($0.id) }.joined(separator: ",")
        let rows = try Row.fetchAll(
            db,
            literal: """
                SELECT p.id,
                       (SELECT pa.author_id FROM paper_authors pa WHERE pa.paper_id = p.id AND pa.author_id IN (\(sql: ids))
                        ORDER BY pa.position LIMIT 1) AS author_id
                FROM papers p
                WHERE p.id IN (SELECT paper_id FROM paper_authors WHERE author_id IN (\(sql: ids)))
                ORDER BY p.last_seen DESC, p.arxiv_id DESC
                LIMIT \(limit)
                """)
        let hits = PaperReads(db: db)
        let papers = try rows.map { row in
            var hit = try hits.hit(paperID: row["id"], snippet: nil)
            if let c = level[row["author_id"] as Int64] {
                hit.matchedName = c.name
                hit.matchLevel = c.level
            }
            return hit
        }
        return AuthorSearchResult(papers: papers, possible: possible)
    }

    /// The most frequent authors (by distinct papers) over the runs of a
    /// date range (`YYYY-MM-DD` bounds, inclusive), or of every run.
    ///
    /// Spellings of one name (`Marcel Rød`, `Marcel Rod`) count together under
    /// their key; the accented spelling is shown, as it sorts after plain ASCII.
    func topAuthors(dates: ClosedRange<String>?, limit: Int) throws -> [AuthorCount] {
        // (Not `??`: on `SQL` values GRDB's `??` is SQL's IFNULL.)
        var during: SQL = ""
        if let dates { during = "WHERE r.date \(between: dates)" }
        return try Row.fetchAll(
            db,
            literal: """
                SELECT max(a.name) AS name, a.key, count(DISTINCT pa.paper_id) AS papers, max(r.date) AS last_seen
                FROM authors a
                JOIN paper_authors pa ON pa.author_id = a.id
                JOIN verdicts v ON v.paper_id = pa.paper_id
                JOIN runs r ON r.id = v.run_id
                \(during)
                GROUP BY a.key
                ORDER BY papers DESC, last_seen DESC, a.key
                LIMIT \(limit)
                """
        ).map { row in
            AuthorCount(name: row["name"], key: row["key"], papers: row["papers"], lastSeen: row["last_seen"])
        }
    }

    /// Authors an `au:` value names: one word matches any word of a name
    /// (`au:bengio`, `au:beng*`); several words match as `arxive author` does
    /// (exact or compatible, never surname only).
    func authorIDs(matching name: String, isPrefix: Bool) throws -> [Int64] {
        let key = PersonName.key(for: name)
        let words = key.split(separator: " ")
        if words.count == 1 || isPrefix {
            let match = words.map { "\"\($0)\"" }.joined(separator: " ") + (isPrefix ? " *" : "")
            return try Int64.fetchAll(db, literal: "SELECT rowid FROM authors_fts WHERE authors_fts MATCH \(match)")
        }
        return try nameCandidates(key: key).filter { $0.level >= .compatible }.map(\.id)
    }

    /// Every author sharing the surname of `key`, with how well each matches.
    func nameCandidates(key: String) throws -> [(id: Int64, name: String, key: String, level: NameMatchLevel)] {
        guard let surname = key.split(separator: " ").last else { return [] }
        let rows = try Row.fetchAll(
            db,
            literal: """
                SELECT a.id, a.name, a.key FROM authors_fts JOIN authors a ON a.id = authors_fts.rowid
                WHERE authors_fts MATCH \("\"\(surname)\"")
                """)
        return rows.compactMap { row in
            let candidateKey: String = row["key"]
            guard let level = NameMatcher.match(query: key, candidate: candidateKey) else { return nil }
            return (row["id"], row["name"], candidateKey, level)
        }
    }
}
