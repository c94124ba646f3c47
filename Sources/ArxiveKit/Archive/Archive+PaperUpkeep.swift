import GRDB

/// Papers that no verdict lists: the ones spotlight files, monthly
/// overviews and the catalogue hold, and when a paper is dropped.
extension Archive {
    /// The paper's id, inserted (without a verdict) when the archive lacks
    /// it. A paper the archive has keeps its text (a digest's listing is
    /// where a paper's text comes from), except that what it lacks is filled:
    /// authors (a hotspot day's Markdown names none) and the abstract (a
    /// hotspot report gives none, the day's spotlight file does), whichever
    /// file came first.
    func ensurePaper(_ paper: DigestPaper, names: [String], date: String, group: inout Archive.GroupState, _ db: Database) throws -> (id: Int64, isNew: Bool) {
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, authors, abstract FROM papers WHERE arxiv_id = ?"), arguments: [paper.arxivID]) {
            let id: Int64 = row["id"]
            if !names.isEmpty, (row["authors"] as String).isEmpty {
                try db.cachedExecute(sql: "UPDATE papers SET authors = ? WHERE id = ?", arguments: [names.joined(separator: ", "), id])
                group.authorLinks[id] = try authorIDs(names: names, known: &group.authorIDs, db)
            }
            if !paper.abstract.isEmpty, (row["abstract"] as String).isEmpty {
                // The indexed text leaves the index at the group's end (see `indexChangedText`), unless it was never indexed.
                try db.cachedExecute(
                    sql: """
                        INSERT OR IGNORE INTO temp.fts_old SELECT id, title, abstract, comments FROM papers
                        WHERE id = ? AND id NOT IN (SELECT id FROM temp.fts_new)
                        """, arguments: [id])
                try db.cachedExecute(sql: "UPDATE papers SET abstract = ? WHERE id = ?", arguments: [paper.abstract, id])
            }
            return (id, false)
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO papers (arxiv_id, title, abstract, authors, comments, text_date) VALUES (?, ?, ?, ?, '', ?)
                """
        ).run(paper.arxivID, paper.title, paper.abstract, names.joined(separator: ", "), date)
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO temp.fts_new (id) VALUES (?)").run(id)
        group.authorLinks[id] = try authorIDs(names: names, known: &group.authorIDs, db)
        return (id, true)
    }

    /// True when nothing holds the paper any more: no verdict, no spotlight,
    /// no monthly pick, no hotspot report, and the catalogue does not have it.
    func isUnreferenced(paperID: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT catalogue_date IS NULL
                       AND NOT EXISTS (SELECT 1 FROM verdicts WHERE paper_id = papers.id)
                       AND NOT EXISTS (SELECT 1 FROM spotlights WHERE paper_id = papers.id)
                       AND NOT EXISTS (SELECT 1 FROM monthly_picks WHERE paper_id = papers.id)
                       AND NOT EXISTS (SELECT 1 FROM hotspot_papers WHERE paper_id = papers.id)
                       AND NOT EXISTS (SELECT 1 FROM run_scans WHERE paper_id = papers.id)
                    FROM papers WHERE id = ?
                    """), arguments: [paperID]) == true
    }

    /// Drops each of these papers that nothing holds any more.
    func dropUnreferenced(_ paperIDs: some Sequence<Int64>, group: inout Archive.GroupState, _ db: Database) throws {
        for id in paperIDs where try isUnreferenced(paperID: id, db) {
            // Its indexed text leaves the index at the group's end.
            try db.cachedExecute(
                sql: """
                    INSERT OR IGNORE INTO temp.fts_old SELECT id, title, abstract, comments FROM papers
                    WHERE id = ? AND id NOT IN (SELECT id FROM temp.fts_new)
                    """, arguments: [id])
            try deletePaper(id, db)
            group.authorLinks[id] = nil
        }
    }

    /// Deletes a paper and its author links. Its old indexed text must be in
    /// `temp.fts_old` already, unless it was added in this group.
    func deletePaper(_ paperID: Int64, _ db: Database) throws {
        // Its author links first: no cascade while foreign-key checks are off (see `writeWithoutForeignKeyChecks`).
        try db.cachedExecute(sql: "DELETE FROM paper_authors WHERE paper_id = ?", arguments: [paperID])
        try db.cachedExecute(sql: "DELETE FROM papers WHERE id = ?", arguments: [paperID])
        // Added in this group, it is not to be indexed; its id may go to the next new paper.
        try db.cachedExecute(sql: "DELETE FROM temp.fts_new WHERE id = ?", arguments: [paperID])
    }
}
