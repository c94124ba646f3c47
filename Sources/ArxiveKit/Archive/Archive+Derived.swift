import GRDB

/// Upkeep of the columns of `papers` derived from verdicts (`first_seen`,
/// `last_seen`, `latest_verdict_id`), once per import group.
///
/// A file notes in `temp.listing_changed` the papers whose verdicts it
/// changed; the group's end recomputes their columns in one statement and
/// rewrites only the rows whose values differ. Per file, this rewrote every
/// listed paper (abstract and all) once per day it appeared.
extension Archive {
    func prepareDerivedColumns(_ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS listing_changed (id INTEGER PRIMARY KEY)")
    }

    func noteListingChanged(paperIDs: some Sequence<Int64>, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO temp.listing_changed (id) VALUES (?)")
        for id in paperIDs {
            try insert.run(id)
        }
    }

    func refreshDerivedColumns(_ db: Database) throws {
        try db.cachedExecute(
            sql: """
                UPDATE papers SET first_seen = d.first_seen, last_seen = d.last_seen, latest_verdict_id = d.latest
                FROM (SELECT c.id,
                             (SELECT min(r.date) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = c.id) AS first_seen,
                             (SELECT max(r.date) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = c.id) AS last_seen,
                             (SELECT v.id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = c.id
                              ORDER BY r.date DESC, r.digest DESC, r.variant LIMIT 1) AS latest
                      FROM temp.listing_changed c) AS d
                WHERE papers.id = d.id
                  AND (papers.first_seen IS NOT d.first_seen OR papers.last_seen IS NOT d.last_seen
                       OR papers.latest_verdict_id IS NOT d.latest)
                """)
        try db.cachedExecute(sql: "DELETE FROM temp.listing_changed")
    }
}
