// Search/: the query language (`QueryParser` to `Query`), its compilation to
// SQL, and the read queries: search, authors, matches, rank, similar, hot
// search. They may call Model and Archive.

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

extension Archive {
    /// The papers of the person called `name`, across the whole history.
    ///
    /// Names match by key (TeX decoded, Latin-ASCII folded, lowercase):
    /// exactly, or compatibly (`Y. Bengio` ~ `Yoshua Bengio`). Names that share
    /// only the surname are listed in `possible`, and matched only when `loose`.
    public func papers(byAuthor name: String, loose: Bool = false, limit: Int = 20) throws -> AuthorSearchResult {
        let key = PersonName.key(for: name)
        return try database.read { db in
            let candidates = try Archive.nameCandidates(key: key, db)
            let wanted = candidates.filter { loose || $0.level >= .compatible }
            let possible = try candidates.filter { !loose && $0.level == .surname }.map { c in
                (name: c.name, papers: try Int.fetchOne(db, sql: "SELECT count(*) FROM paper_authors WHERE author_id = ?", arguments: [c.id]) ?? 0)
            }.sorted { ($0.papers, $1.name) > ($1.papers, $0.name) }
            guard !wanted.isEmpty else { return AuthorSearchResult(papers: [], possible: possible) }
            let level = Dictionary(wanted.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let ids = wanted.map { String($0.id) }.joined(separator: ",")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id,
                           (SELECT pa.author_id FROM paper_authors pa WHERE pa.paper_id = p.id AND pa.author_id IN (\(ids))
                            ORDER BY pa.position LIMIT 1) AS author_id
                    FROM papers p
                    WHERE p.id IN (SELECT paper_id FROM paper_authors WHERE author_id IN (\(ids)))
                    ORDER BY p.last_seen DESC, p.arxiv_id DESC
                    LIMIT ?
                    """, arguments: [limit])
            let papers = try rows.map { row in
                var hit = try Archive.hit(paperID: row["id"], snippet: nil, db)
                if let c = level[row["author_id"] as Int64] {
                    hit.matchedName = c.name
                    hit.matchLevel = c.level
                }
                return hit
            }
            return AuthorSearchResult(papers: papers, possible: possible)
        }
    }

    /// The most frequent authors (by distinct papers), in a month if given.
    ///
    /// Spellings of one name (`Marcel Rød`, `Marcel Rod`) count together under
    /// their key; the accented spelling is shown, as it sorts after plain ASCII.
    public func topAuthors(month: Month? = nil, limit: Int = 20) throws -> [AuthorCount] {
        try database.read { db in try Archive.topAuthors(dates: month?.dateRange, limit: limit, db) }
    }

    /// `topAuthors` over the runs of a date range (`YYYY-MM-DD` bounds, inclusive).
    static func topAuthors(dates: ClosedRange<String>?, limit: Int, _ db: Database) throws -> [AuthorCount] {
        var arguments: StatementArguments = []
        if let dates { arguments = [dates.lowerBound, dates.upperBound] }
        _ = arguments.append(contentsOf: [limit])
        return try Row.fetchAll(
            db,
            sql: """
                SELECT max(a.name) AS name, a.key, count(DISTINCT pa.paper_id) AS papers, max(r.date) AS last_seen
                FROM authors a
                JOIN paper_authors pa ON pa.author_id = a.id
                JOIN verdicts v ON v.paper_id = pa.paper_id
                JOIN runs r ON r.id = v.run_id
                \(dates == nil ? "" : "WHERE r.date BETWEEN ? AND ?")
                GROUP BY a.key
                ORDER BY papers DESC, last_seen DESC, a.key
                LIMIT ?
                """, arguments: arguments
        ).map { row in
            AuthorCount(name: row["name"], key: row["key"], papers: row["papers"], lastSeen: row["last_seen"])
        }
    }
}
