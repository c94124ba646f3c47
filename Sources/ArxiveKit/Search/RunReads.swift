import GRDB

/// Runs read back, over one read of the archive: each run's summary, and a
/// day's runs as the digest published them, less what the mutes hide
/// (`runs`, `day`, and the site's day pages).
struct RunReads {
    let db: Database

    static let runColumns: SQL = """
        r.id, r.digest, r.date, r.variant, r.model, r.prompt_tokens, r.completion_tokens, r.total_tokens,
        r.prompt_cost, r.completion_cost, r.total_cost, r.total_papers, r.scanned_papers, r.relevant_papers, r.notes, r.summary,
        (SELECT count(*) FROM verdicts v WHERE v.run_id = r.id) AS listed
        """

    static func runSummary(_ row: Row) -> RunSummary {
        RunSummary(
            digest: row["digest"], date: row["date"], model: row["model"],
            promptTokens: row["prompt_tokens"], completionTokens: row["completion_tokens"], totalTokens: row["total_tokens"],
            promptCost: row["prompt_cost"], completionCost: row["completion_cost"], totalCost: row["total_cost"],
            totalPapers: row["total_papers"], scannedPapers: row["scanned_papers"], relevantPapers: row["relevant_papers"],
            notes: row["notes"], listed: row["listed"], variant: RunVariant(rawValue: row["variant"]) ?? .published
        )
    }

    /// Every run, oldest first; of `digest`, of `month`, and whose research
    /// summary holds every word of `summaryWords`, only when given.
    func runs(digest: String?, month: Month?, summaryWords: [String] = []) throws -> [RunSummary] {
        var sql: SQL = "SELECT \(RunReads.runColumns) FROM runs r WHERE 1"
        if let digest { sql += " AND r.digest = \(digest)" }
        if let month { sql += " AND r.date LIKE \(month) || '-%'" }
        if !summaryWords.isEmpty {
            // Each word reaches FTS5 as a quoted string, never as syntax.
            let match = summaryWords.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
            sql += " AND r.id IN (SELECT rowid FROM run_summaries_fts WHERE run_summaries_fts MATCH \(match))"
        }
        return try Row.fetchAll(db, literal: sql + " ORDER BY r.date, r.digest, r.variant").map(RunReads.runSummary)
    }

    /// The runs of one day (one per digest: the `variant` run of its day),
    /// each with its papers in published order, less those a mute hides
    /// unless `showMuted`.
    func day(_ date: Day, digest: String?, variant: RunVariant, showMuted: Bool) throws -> [DayListing] {
        let muted = showMuted ? [] : try MuteRules(db: db).mutedPaperIDs()
        var sql: SQL = "SELECT \(RunReads.runColumns) FROM runs r WHERE r.date = \(date) AND r.variant = \(variant.rawValue)"
        if let digest { sql += " AND r.digest = \(digest)" }
        return try Row.fetchAll(db, literal: sql + " ORDER BY r.digest").map { try listing(of: $0, hiding: muted) }
    }

    /// Every published run of `digest`, oldest first, as `day` lists each:
    /// for the site, in one read that finds what the mutes hide once, not per day.
    func days(of digest: String) throws -> [DayListing] {
        let muted = try MuteRules(db: db).mutedPaperIDs()
        return try Row.fetchAll(
            db, literal: "SELECT \(RunReads.runColumns) FROM runs r WHERE r.digest = \(digest) AND r.variant = '' ORDER BY r.date"
        ).map { try listing(of: $0, hiding: muted) }
    }

    /// A run (a row of `runColumns`) with its papers, less `muted`.
    func listing(of run: Row, hiding muted: Set<Int64>) throws -> DayListing {
        let reads = PaperReads(db: db)
        let papers = try Row.fetchAll(
            db,
            literal: """
                SELECT v.id AS verdict_id, v.position, p.id, p.arxiv_id, p.title, v.relevance, v.novelty, v.score, v.comment, v.author_match
                FROM verdicts v JOIN papers p ON p.id = v.paper_id WHERE v.run_id = \(run["id"] as Int64) ORDER BY v.position
                """
        ).filter { !muted.contains($0["id"]) }.map { row in
            ListedPaper(
                position: row["position"], arxivID: row["arxiv_id"], title: row["title"],
                authors: try reads.authorNames(paperID: row["id"]), verdict: PaperReads.verdictFields(row),
                topics: try reads.listingTopics(verdictID: row["verdict_id"], paperID: row["id"], digest: run["digest"], date: run["date"]))
        }
        var listing = DayListing(run: RunReads.runSummary(run), papers: papers, topicOrder: try Archive.topicOrder(runID: run["id"], db))
        listing.mutedHidden = listing.run.listed - papers.count
        listing.summary = run["summary"]
        listing.otherRuns = try Row.fetchAll(
            db,
            literal: """
                SELECT \(RunReads.runColumns) FROM runs r WHERE r.digest = \(run["digest"] as String) AND r.date = \(run["date"] as String)
                  AND r.id != \(run["id"] as Int64) ORDER BY r.variant
                """
        ).map(RunReads.runSummary)
        return listing
    }
}
