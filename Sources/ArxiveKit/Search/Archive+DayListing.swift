import GRDB

/// A day's runs as the digest published them, less what the mutes hide:
/// `day`, and the site's day pages.
extension Archive {
    /// The runs of one day (one per digest), each with its papers in
    /// published order, less those a mute hides unless `showMuted`.
    public func day(_ date: Day, digest: String? = nil, showMuted: Bool = false) throws -> [DayListing] {
        try database.read { db in
            let muted = showMuted ? [] : try Archive.mutedPaperIDs(db)
            var sql = "SELECT \(Archive.runColumns) FROM runs r WHERE r.date = ?"
            var arguments: StatementArguments = [date]
            if let digest { sql += " AND r.digest = ?"; _ = arguments.append(contentsOf: [digest]) }
            return try Row.fetchAll(db, sql: sql + " ORDER BY r.digest", arguments: arguments).map { try Archive.listing(of: $0, hiding: muted, db) }
        }
    }

    /// Every run of `digest`, oldest first, as `day` lists each: for the
    /// site, in one read that finds what the mutes hide once, not per day.
    public func days(of digest: String) throws -> [DayListing] {
        try database.read { db in
            let muted = try Archive.mutedPaperIDs(db)
            return try Row.fetchAll(db, sql: "SELECT \(Archive.runColumns) FROM runs r WHERE r.digest = ? ORDER BY r.date", arguments: [digest])
                .map { try Archive.listing(of: $0, hiding: muted, db) }
        }
    }

    /// A run (a row of `runColumns`) with its papers, less `muted`.
    static func listing(of run: Row, hiding muted: Set<Int64>, _ db: Database) throws -> DayListing {
        let papers = try Row.fetchAll(
            db,
            sql: """
                SELECT v.id AS verdict_id, v.position, p.id, p.arxiv_id, p.title, v.relevance, v.novelty, v.score, v.comment, v.author_match
                FROM verdicts v JOIN papers p ON p.id = v.paper_id WHERE v.run_id = ? ORDER BY v.position
                """, arguments: [run["id"] as Int64]
        ).filter { !muted.contains($0["id"]) }.map { row in
            ListedPaper(
                position: row["position"], arxivID: row["arxiv_id"], title: row["title"],
                authors: try Archive.authorNames(paperID: row["id"], db), verdict: Archive.verdictFields(row),
                topics: try Archive.listingTopics(
                    verdictID: row["verdict_id"], paperID: row["id"],
                    digest: run["digest"], date: run["date"], db))
        }
        var listing = DayListing(run: Archive.runSummary(run), papers: papers, topicOrder: try Archive.topicOrder(runID: run["id"], db))
        listing.mutedHidden = listing.run.listed - papers.count
        return listing
    }
}
