import GRDB

extension Archive {
    /// A paper's author names, in the paper's order.
    static func authorNames(paperID: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = ? ORDER BY pa.position
                    """), arguments: [paperID])
    }

    static let runColumns = """
        r.id, r.digest, r.date, r.model, r.prompt_tokens, r.completion_tokens, r.total_tokens,
        r.prompt_cost, r.completion_cost, r.total_cost, r.total_papers, r.scanned_papers, r.relevant_papers, r.notes,
        (SELECT count(*) FROM verdicts v WHERE v.run_id = r.id) AS listed
        """

    static func runSummary(_ row: Row) -> RunSummary {
        RunSummary(
            digest: row["digest"], date: row["date"], model: row["model"],
            promptTokens: row["prompt_tokens"], completionTokens: row["completion_tokens"], totalTokens: row["total_tokens"],
            promptCost: row["prompt_cost"], completionCost: row["completion_cost"], totalCost: row["total_cost"],
            totalPapers: row["total_papers"], scannedPapers: row["scanned_papers"], relevantPapers: row["relevant_papers"],
            notes: row["notes"], listed: row["listed"]
        )
    }

    /// The verdict columns of a row selecting `relevance, novelty, score, comment, author_match`.
    static func verdictFields(_ row: Row) -> VerdictFields {
        VerdictFields(
            relevance: row["relevance"], novelty: row["novelty"], score: row["score"],
            comment: row["comment"], authorMatch: row["author_match"])
    }

    /// Every run, oldest first; of `month` only when given.
    public func runs(digest: String? = nil, month: Month? = nil) throws -> [RunSummary] {
        try database.read { db in
            var sql = "SELECT \(Archive.runColumns) FROM runs r WHERE 1"
            var arguments: StatementArguments = []
            if let digest { sql += " AND r.digest = ?"; _ = arguments.append(contentsOf: [digest]) }
            if let month { sql += " AND r.date LIKE ? || '-%'"; _ = arguments.append(contentsOf: [month]) }
            sql += " ORDER BY r.date, r.digest"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Archive.runSummary)
        }
    }

    /// A paper and every verdict it received, oldest first; nil when the archive has no such paper.
    public func paper(_ arxivID: String) throws -> PaperDetail? {
        try database.read { db in
            guard let paperID = try Archive.paperRowID(for: arxivID, db),
                let row = try Row.fetchOne(db, sql: "SELECT id, arxiv_id, title, abstract, catalogue FROM papers WHERE id = ?", arguments: [paperID])
            else {
                return nil
            }
            let verdicts = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.id, r.digest, r.date, v.position, v.relevance, v.novelty, v.score, v.comment, v.author_match
                    FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = ? ORDER BY r.date, r.digest
                    """, arguments: [paperID]
            ).map { v in
                PaperDetail.Listing(
                    digest: v["digest"], date: v["date"], position: v["position"], verdict: Archive.verdictFields(v),
                    topics: try Archive.listingTopics(verdictID: v["id"], paperID: paperID, digest: v["digest"], date: v["date"], db))
            }
            return PaperDetail(
                arxivID: row["arxiv_id"], title: row["title"], authors: try Archive.authorNames(paperID: paperID, db),
                abstract: row["abstract"], verdicts: verdicts, marks: try Archive.marks(of: row["arxiv_id"], db),
                spotlights: try Archive.spotlights(paperID: paperID, db), monthlyPicks: try Archive.monthlyPicks(paperID: paperID, db),
                hotspots: try Archive.hotspotPapers(where: "h.paper_id = ?", [paperID], db),
                catalogue: CatalogueFields(catalogueJSON: row["catalogue"]))
        }
    }

    public func stats() throws -> ArchiveStats {
        try database.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM papers) AS papers, (SELECT count(*) FROM runs) AS runs,
                           (SELECT count(*) FROM verdicts) AS verdicts,
                           -- Only names some paper lists: a changed author list leaves its old names' rows behind.
                           (SELECT count(DISTINCT author_id) FROM paper_authors) AS authors,
                           (SELECT count(*) FROM runs r WHERE r.scanned_papers > 0 AND coalesce(r.total_tokens, r.prompt_tokens + r.completion_tokens) = 0
                              AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.run_id = r.id)) AS outages,
                           (SELECT count(*) FROM spotlight_days) AS spotlight_days,
                           (SELECT count(*) FROM monthly_overviews) AS monthly_overviews,
                           (SELECT count(*) FROM hotspot_days) AS hotspot_days, (SELECT count(*) FROM hotspot_topics) AS hotspot_topics,
                           (SELECT count(DISTINCT digest) FROM runs) AS digests,
                           (SELECT min(date) FROM runs) AS first_date, (SELECT max(date) FROM runs) AS last_date,
                           -- A paper no run listed has no last_seen: counted in papers_by_last_seen, not row by row.
                           -- Less the few that only spotlight files and monthly overviews hold.
                           (SELECT count(*) FROM papers WHERE last_seen IS NULL)
                             - (SELECT count(*) FROM papers WHERE catalogue_date IS NULL AND last_seen IS NULL
                                  AND id IN (SELECT paper_id FROM spotlights UNION SELECT paper_id FROM monthly_picks
                                             UNION SELECT paper_id FROM hotspot_papers)) AS catalogue_only
                    """)!
            return ArchiveStats(
                papers: row["papers"], runs: row["runs"], verdicts: row["verdicts"], authors: row["authors"],
                digests: row["digests"], firstDate: row["first_date"], lastDate: row["last_date"],
                catalogueOnly: row["catalogue_only"], outages: row["outages"], spotlightDays: row["spotlight_days"],
                monthlyOverviews: row["monthly_overviews"], hotspotDays: row["hotspot_days"], hotspotTopics: row["hotspot_topics"])
        }
    }
}
