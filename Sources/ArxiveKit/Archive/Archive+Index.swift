import GRDB

/// FTS bookkeeping for imports.
///
/// The FTS triggers keep both indexes in step for any writer, but an import
/// cannot afford them. FTS5 flushes its pending index at every statement
/// savepoint, so indexing paper by paper was several times slower. And a
/// table with triggers makes every insert into it a statement SQLite runs
/// in a statement journal, copying each page the insert touches (8 KiB
/// apiece) in case it must undo it: about a sixth of the writer thread's
/// instructions in an import of 100 benchmark days (callgrind), even with
/// the triggers switched off by their WHEN guard (`archive_state.fts_deferred`,
/// which arxive no longer sets).
///
/// So an import group drops these six triggers (`papers_ai` ... `authors_au`,
/// the three of `hotspot_topics`, and `papers_text_changed_vector`;
/// anyone else's triggers are left alone) inside its own transaction, their
/// SQL kept in `temp.fts_triggers`; saves the old indexed text of every
/// paper it may change in `temp.fts_old` before changing it; notes the
/// papers it adds in `temp.fts_new`; writes the indexes in set-based
/// statements at the end; and puts the triggers back before the commit. No
/// other connection ever sees them missing; a crash or a rollback restores
/// them with the rest.
extension Archive {
    /// Drops the FTS triggers for this transaction; returns the last author
    /// id before the group, for `indexChangedText`.
    func deferIndexing(_ db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS fts_old (id INTEGER PRIMARY KEY, title TEXT, abstract TEXT, comments TEXT);
                CREATE TEMP TABLE IF NOT EXISTS fts_new (id INTEGER PRIMARY KEY);
                CREATE TEMP TABLE IF NOT EXISTS fts_triggers (name TEXT PRIMARY KEY, sql TEXT NOT NULL);
                CREATE TEMP TABLE IF NOT EXISTS hot_fts_old (id INTEGER PRIMARY KEY, title TEXT, headline TEXT, summary TEXT,
                                                             takeaways TEXT, item_titles TEXT);
                CREATE TEMP TABLE IF NOT EXISTS hot_fts_new (id INTEGER PRIMARY KEY);
                INSERT INTO temp.fts_triggers
                    SELECT name, sql FROM main.sqlite_master
                    WHERE type = 'trigger' AND name IN ('papers_ai', 'papers_ad', 'papers_au', 'authors_ai', 'authors_ad', 'authors_au',
                                                         'hotspot_topics_ai', 'hotspot_topics_ad', 'hotspot_topics_au',
                                                         'papers_text_changed_vector');
                """)
        for name in try String.fetchAll(db, sql: "SELECT name FROM temp.fts_triggers") {
            try db.execute(sql: "DROP TRIGGER main.\(name.quotedDatabaseIdentifier)")
        }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM authors")) ?? 0
    }

    /// Brings both FTS indexes up to date after a group of files: the saved
    /// old text of changed papers leaves the index, their current text and
    /// new papers' text enter it. Authors are only ever added by an import.
    func indexChangedText(authorsAfter lastAuthor: Int64, _ db: Database) throws {
        // An id in both was indexed before the group, then dropped and given
        // to a new paper (SQLite reuses the largest id): the index holds the
        // old text under it, so it is one changed paper, not a new one.
        try db.cachedExecute(sql: "DELETE FROM temp.fts_new WHERE id IN (SELECT id FROM temp.fts_old)")
        // A paper whose title or abstract changed loses its vector (the
        // trigger `papers_text_changed_vector` does this outside imports).
        try db.cachedExecute(
            sql: """
                DELETE FROM paper_vectors WHERE paper_id IN (
                    SELECT o.id FROM temp.fts_old o JOIN papers p ON p.id = o.id WHERE p.title IS NOT o.title OR p.abstract IS NOT o.abstract)
                """)
        // Unchanged text needs no re-indexing (a day's JSON after its Markdown changes nothing the index holds).
        try db.cachedExecute(
            sql: """
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
        try db.cachedExecute(
            sql: """
                INSERT INTO papers_fts(papers_fts, rowid, title, abstract, comments)
                SELECT 'delete', id, title, abstract, comments FROM temp.fts_old
                """)
        try db.cachedExecute(
            sql: """
                INSERT INTO papers_fts(rowid, title, abstract, comments)
                SELECT id, title, abstract, comments FROM papers
                WHERE id IN (SELECT id FROM temp.fts_old UNION SELECT id FROM temp.fts_new)
                """)
        try db.cachedExecute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', 1048576)")
        try db.cachedExecute(sql: "INSERT INTO authors_fts(rowid, key) SELECT id, key FROM authors WHERE id > ?", arguments: [lastAuthor])
        // Hotspot topics are only ever added or deleted whole (a changed report replaces its day).
        try db.cachedExecute(
            sql: """
                INSERT INTO hotspot_topics_fts(hotspot_topics_fts, rowid, title, headline, summary, takeaways, item_titles)
                SELECT 'delete', id, title, headline, summary, takeaways, item_titles FROM temp.hot_fts_old
                """)
        try db.cachedExecute(
            sql: """
                INSERT INTO hotspot_topics_fts(rowid, title, headline, summary, takeaways, item_titles)
                SELECT id, title, headline, summary, takeaways, item_titles FROM hotspot_topics WHERE id IN (SELECT id FROM temp.hot_fts_new)
                """)
        try db.cachedExecute(sql: "DELETE FROM temp.hot_fts_old")
        try db.cachedExecute(sql: "DELETE FROM temp.hot_fts_new")
        try db.cachedExecute(sql: "DELETE FROM temp.fts_old")
        try db.cachedExecute(sql: "DELETE FROM temp.fts_new")
        // The triggers go back as they were written (`sql` is their CREATE statement).
        for sql in try String.fetchAll(db, sql: "SELECT sql FROM temp.fts_triggers") {
            try db.execute(sql: sql)
        }
        try db.execute(sql: "DELETE FROM temp.fts_triggers")
    }
}
