import Foundation
import GRDB

/// Where the import of one snapshot file stands.
public struct CatalogueFileState: Equatable, Sendable {
    public var fingerprint: String
    /// Lines committed: a resumed import skips these.
    public var recordsDone: Int
    public var finished: Bool
}

/// What storing a chunk of snapshot records did.
public struct CatalogueChunkOutcome: Equatable, Sendable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
}

/// The arXiv catalogue: snapshot records stored as papers without verdicts.
///
/// A snapshot holds millions of papers, so it is committed in chunks, each
/// one transaction that also records how many lines of the file are done:
/// a killed import leaves whole chunks, and running it again goes on after
/// them. Within a chunk the FTS triggers are off and FTS5's automatic merges
/// are paused; the chunk's text is indexed in one statement at its end, and
/// the index is merged into one segment (`optimize`) when the file is done.
extension Archive {
    /// The state of an earlier import of `path`, if there was one.
    public func catalogueFileState(path: String) throws -> CatalogueFileState? {
        try database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT fingerprint, records_done, finished_at FROM catalogue_imports WHERE path = ?",
                arguments: [path]
            ).map { row in
                CatalogueFileState(
                    fingerprint: row["fingerprint"], recordsDone: row["records_done"],
                    finished: row["finished_at"] as String? != nil)
            }
        }
    }

    /// Stores the records `next` hands over, then notes that `recordsDone()`
    /// lines of the file are done: one transaction.
    ///
    /// `authorIDs` (name -> id) carries over from chunk to chunk: most names
    /// in a chunk were seen in earlier ones. The caller bounds its size.
    public func storeCatalogueChunk(
        path: String, fingerprint: String, pulling next: () -> CatalogueRecord?,
        recordsDone: () -> Int, authorIDs: inout [String: Int64]
    ) throws -> CatalogueChunkOutcome {
        let before = authorIDs
        do {
            // A chunk links only papers and authors it has just stored or read itself.
            return try writeWithoutForeignKeyChecks { db in
                try storeCatalogueChunk(
                    path: path, fingerprint: fingerprint, pulling: next,
                    recordsDone: recordsDone, authorIDs: &authorIDs, db)
            }
        } catch {
            authorIDs = before  // the rollback took the chunk's new authors away
            throw error
        }
    }

    private func storeCatalogueChunk(
        path: String, fingerprint: String, pulling next: () -> CatalogueRecord?,
        recordsDone: () -> Int, authorIDs: inout [String: Int64], _ db: Database
    ) throws -> CatalogueChunkOutcome {
        let lastAuthor = try deferIndexing(db)
        // Merging segments while the chunk is indexed would merge the
        // same data again and again over a long import; `finishCatalogueImport`
        // merges once. Restored before the commit: no other writer sees it.
        try db.execute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('automerge', 0)")
        try db.execute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('crisismerge', 64)")
        var outcome = CatalogueChunkOutcome()
        var authorsToLink: [Int64: CatalogueRecord] = [:]
        while let record = next() {
            switch try storeCatalogueRecord(record, authorsToLink: &authorsToLink, db) {
            case .added: outcome.added += 1
            case .updated: outcome.updated += 1
            case .unchanged: outcome.unchanged += 1
            }
        }
        try linkAuthors(of: authorsToLink, authorIDs: &authorIDs, db)
        try indexChangedText(authorsAfter: lastAuthor, db)
        try db.execute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('automerge', 4)")
        try db.execute(sql: "INSERT INTO papers_fts(papers_fts, rank) VALUES ('crisismerge', 16)")
        try db.execute(
            sql: """
                INSERT INTO catalogue_imports (path, fingerprint, records_done) VALUES (?, ?, ?)
                ON CONFLICT (path) DO UPDATE SET fingerprint = excluded.fingerprint, records_done = excluded.records_done, finished_at = NULL
                """, arguments: [path, fingerprint, recordsDone()])
        return outcome
    }

    /// Marks the file done and, when `optimize`, merges the text index into
    /// one segment (what a bulk load skipped): one transaction.
    public func finishCatalogueImport(path: String, optimize: Bool) throws {
        try database.write { db in
            if optimize { try db.execute(sql: "INSERT INTO papers_fts(papers_fts) VALUES ('optimize')") }
            try db.execute(
                sql: "UPDATE catalogue_imports SET finished_at = ? WHERE path = ?",
                arguments: [ISO8601DateFormatter().string(from: Date()), path])
        }
    }

    /// Reads through the page cache rather than a memory map for the rest
    /// of this connection's life: a long import touches the whole file, and
    /// mapped pages would count against the process's memory.
    public func limitMemoryForBulkImport() throws {
        try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA mmap_size = 0") }
    }

    private enum CatalogueChange { case added, updated, unchanged }

    /// Stores one record; the papers whose authors are to be linked are
    /// noted in `authorsToLink` (see `linkAuthors`).
    private func storeCatalogueRecord(_ r: CatalogueRecord, authorsToLink: inout [Int64: CatalogueRecord], _ db: Database) throws -> CatalogueChange {
        let categories = r.categories.joined(separator: " ")
        // Inserted first: most of a snapshot is new to the archive, and the
        // insert's search of the id index replaces a SELECT's.
        try db.cachedStatement(
            sql: """
                INSERT INTO papers (arxiv_id, text_date, title, authors, abstract, categories, published, catalogue_date, catalogue)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (arxiv_id) DO NOTHING
                """
        ).run(
            r.arxivID, r.updated, r.title, r.authors.joined(separator: ", "), r.abstract, categories,
            r.published, r.updated, r.extra)
        if db.changesCount > 0 {
            let id = db.lastInsertedRowID
            try db.cachedStatement(sql: "INSERT INTO temp.fts_new (id) VALUES (?)").run(id)
            authorsToLink[id] = r
            try insertCategories(r.categories, paperID: id, db)
            return .added
        }
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, text_date, catalogue_date FROM papers WHERE arxiv_id = ?"),
            arguments: [r.arxivID])!
        let id: Int64 = row["id"]
        if row["catalogue_date"] as String? == r.updated { return .unchanged }
        try db.cachedExecute(
            sql: "UPDATE papers SET categories = ?, published = ?, catalogue_date = ?, catalogue = ? WHERE id = ?",
            arguments: [categories, r.published, r.updated, r.extra, id])
        try db.cachedExecute(sql: "DELETE FROM paper_categories WHERE paper_id = ?", arguments: [id])
        try insertCategories(r.categories, paperID: id, db)
        // The newer text wins, the snapshot's or a digest's (as between digests).
        guard r.updated >= row["text_date"] as String else { return .updated }
        try db.cachedExecute(
            sql: """
                INSERT OR IGNORE INTO temp.fts_old SELECT id, title, abstract, comments FROM papers
                WHERE id = ? AND id NOT IN (SELECT id FROM temp.fts_new)
                """, arguments: [id])
        try db.cachedExecute(
            sql: "UPDATE papers SET title = ?, abstract = ?, authors = ?, text_date = ? WHERE id = ?",
            arguments: [r.title, r.abstract, r.authors.joined(separator: ", "), r.updated, id])
        try db.cachedExecute(sql: "DELETE FROM paper_authors WHERE paper_id = ?", arguments: [id])
        authorsToLink[id] = r
        return .updated
    }

    /// Links a chunk's papers to their authors, adding the new names.
    ///
    /// The names are looked up and added in name order, so that the name
    /// index, far larger than the page cache in a catalogue of millions, is
    /// walked in order, each page about once per chunk, instead of at a
    /// random place for every name; the links go in as `insertAuthorLinks` puts them.
    private func linkAuthors(of papers: [Int64: CatalogueRecord], authorIDs: inout [String: Int64], _ db: Database) throws {
        var newNames: [String: String] = [:]  // name -> key
        for record in papers.values {
            for (name, key) in zip(record.authors, record.authorKeys) where authorIDs[name] == nil {
                newNames[name] = key
            }
        }
        for (name, key) in newNames.sorted(by: { $0.key < $1.key }) {
            authorIDs[name] = try storedAuthorID(name: name, key: key, likelyNew: true, db)
        }
        try insertAuthorLinks(papers.mapValues { record in record.authors.map { authorIDs[$0]! } }, db)
    }

    private func insertCategories(_ categories: [String], paperID: Int64, _ db: Database) throws {
        for category in categories.uniquedInOrder() {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO paper_categories (category, paper_id) VALUES (?, ?)").run(category, paperID)
        }
    }
}
