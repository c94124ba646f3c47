import GRDB

/// The archive as a whole, over one read: what `stats` counts, and the
/// topics verdicts are filed under.
struct ArchiveTotals {
    let db: Database

    func stats() throws -> ArchiveStats {
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
                                         UNION SELECT paper_id FROM hotspot_papers UNION SELECT paper_id FROM run_scans)) AS catalogue_only
                """)!
        return ArchiveStats(
            papers: row["papers"], runs: row["runs"], verdicts: row["verdicts"], authors: row["authors"],
            digests: row["digests"], firstDate: row["first_date"], lastDate: row["last_date"],
            catalogueOnly: row["catalogue_only"], outages: row["outages"], spotlightDays: row["spotlight_days"],
            monthlyOverviews: row["monthly_overviews"], hotspotDays: row["hotspot_days"], hotspotTopics: row["hotspot_topics"])
    }

    /// Every topic some verdict is filed under, the most used first (one
    /// entry per id: two digests sharing an id count together).
    func topics() throws -> [Topic] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT t.key, max(t.label) AS label, count(*) AS n FROM verdict_topics vt JOIN topics t ON t.id = vt.topic_id
                GROUP BY t.key ORDER BY n DESC, t.key
                """
        ).map { Topic(key: $0["key"], label: $0["label"]) }
    }
}
