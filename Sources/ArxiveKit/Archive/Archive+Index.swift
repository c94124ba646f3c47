import GRDB

/// FTS bookkeeping for imports.
///
/// The FTS triggers keep both indexes in step for any writer, but FTS5
/// flushes its pending index at every statement savepoint, so an import that
/// went through them paper by paper was several times slower. An import
/// group therefore sets `archive_state.fts_deferred` (the triggers' WHEN
/// guard) inside its own transaction, saves the old indexed text of every
/// paper it may change in `temp.fts_old` before changing it, notes the papers
/// it adds in `temp.fts_new`, and writes the indexes in set-based statements
/// at the end. The flag is cleared before the commit, so no other connection
/// ever sees it set; a crash rolls it back with the rest.
extension Archive {
    /// Turns the triggers off for this transaction; returns the last author id
    /// before the group, for `indexChangedText`.
    func deferIndexing(_ db: Database) throws -> Int64 {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS fts_old (id INTEGER PRIMARY KEY, title TEXT, abstract TEXT, comments TEXT);
            CREATE TEMP TABLE IF NOT EXISTS fts_new (id INTEGER PRIMARY KEY);
            """)
        try db.cachedExecute(sql: "UPDATE archive_state SET fts_deferred = 1")
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM authors")) ?? 0
    }

    /// Brings both FTS indexes up to date after a group of files: the saved
    /// old text of changed papers leaves the index, their current text and
    /// new papers' text enter it. Authors are only ever added by an import.
    func indexChangedText(authorsAfter lastAuthor: Int64, _ db: Database) throws {
        // Unchanged text needs no re-indexing (a day's JSON after its Markdown changes nothing the index holds).
        try db.cachedExecute(sql: """
            DELETE FROM temp.fts_old WHERE id IN (
                SELECT o.id FROM temp.fts_old o JOIN papers p ON p.id = o.id
                WHERE p.title IS o.title AND p.abstract IS o.abstract AND p.comments IS o.comments)
            """)
        // FTS5 writes its in-memory index out as a new segment whenever it
        // passes `hashsize` (1 MiB by default): that is dozens of segments a
        // group (or a catalogue chunk), each merged again later. 128 MiB is
        // more than a group's terms take, so a group makes one segment. The
        // setting is stored in the file: it is put back before the commit.
        try db.cachedExecute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', 134217728)")
        try db.cachedExecute(sql: """
            INSERT INTO papers_fts(papers_fts, rowid, title, abstract, comments)
            SELECT 'delete', id, title, abstract, comments FROM temp.fts_old
            """)
        try db.cachedExecute(sql: """
            INSERT INTO papers_fts(rowid, title, abstract, comments)
            SELECT id, title, abstract, comments FROM papers
            WHERE id IN (SELECT id FROM temp.fts_old UNION SELECT id FROM temp.fts_new)
            """)
        try db.cachedExecute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', 1048576)")
        try db.cachedExecute(sql: "INSERT INTO authors_fts(rowid, key) SELECT id, key FROM authors WHERE id > ?", arguments: [lastAuthor])
        try db.cachedExecute(sql: "DELETE FROM temp.fts_old")
        try db.cachedExecute(sql: "DELETE FROM temp.fts_new")
        try db.cachedExecute(sql: "UPDATE archive_state SET fts_deferred = 0")
    }
}
