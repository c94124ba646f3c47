import Foundation
import GRDB

extension Archive {
    /// Stores one digest file: all of it or none of it.
    public func store(_ request: StoreRequest) throws -> StoreOutcome {
        try store([request])[0].get()
    }

    /// Stores several digest files in one transaction, each file atomic: a
    /// file that fails is rolled back alone and the others are kept; a crash
    /// loses the whole group, never part of a file.
    ///
    /// The FTS triggers are off for the group (see `archive_state` in the
    /// schema) and the indexes are brought up to date once at its end: FTS5
    /// flushes its pending index at every statement savepoint, and indexing
    /// per group rather than per paper made imports several times faster.
    ///
    /// Merging rules: a page (Markdown or page text) sets the run's header; the
    /// run's verdicts come from its JSON when it has one (JSON carries every
    /// key), else from the latest page imported. Re-importing content already
    /// imported for the run changes nothing. A paper's title, abstract and
    /// authors are those of its latest day.
    public func store(_ requests: [StoreRequest]) throws -> [Result<StoreOutcome, any Error>] {
        var remaining = requests[...]
        return try store(pulling: { remaining.popFirst() })
    }

    /// Stores the files `next` hands over until it returns nil, in one
    /// transaction as `store(_:)` does; returns one result per file, in order.
    /// The importer passes files here as they are parsed, so that reading and
    /// storing overlap while a commit still covers many files.
    ///
    /// The files are first stored without a savepoint each: a savepoint makes
    /// SQLite copy every page a file touches into a journal of its own (8 KiB
    /// a page), about a fifth of a digest import's time. Files almost never
    /// fail; when one does, the group is rolled back and stored again, from
    /// the files already handed over on, this time each in its own savepoint.
    public func store(pulling next: () -> StoreRequest?) throws -> [Result<StoreOutcome, any Error>] {
        var pulled: [StoreRequest] = []
        do {
            return try writeWithoutForeignKeyChecks { db in
                try storeGroup(
                    pulling: {
                        let request = next()
                        if let request { pulled.append(request) }
                        return request
                    }, isolatingFiles: false, db)
            }
        } catch let failure as FileNotStored {
            if Archive.isArchiveFault(failure.error) { throw failure.error }
            // The files handed over so far, then the rest of the group.
            var again = pulled[...]
            return try writeWithoutForeignKeyChecks { db in try storeGroup(pulling: { again.popFirst() ?? next() }, isolatingFiles: true, db) }
        }
    }

    /// One transaction with foreign-key checks off, for an import's writes:
    /// each row it writes refers to rows it has just written or read in the
    /// same transaction, so the checks (a lookup per reference) could find
    /// nothing wrong, and they cost about 1 µs per author link and verdict.
    /// Deleting a row does not cascade meanwhile: an import deletes the rows
    /// that refer to a row before the row itself. The pragma cannot change
    /// inside a transaction; it is back on before anything else writes on
    /// this connection (`integrityProblems` runs SQLite's foreign-key check).
    func writeWithoutForeignKeyChecks<T>(_ body: (Database) throws -> T) throws -> T {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Whether an error is the archive's rather than the file's: a full
    /// disk, a read-only, locked or failing file. On some of these SQLite
    /// rolls the whole transaction back by itself, so an import stops at the
    /// first: a later statement would run outside any transaction.
    static func isArchiveFault(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        let codes: [ResultCode] = [
            .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_BUSY, .SQLITE_LOCKED,
            .SQLITE_CANTOPEN, .SQLITE_CORRUPT, .SQLITE_NOMEM, .SQLITE_PERM,
        ]
        return codes.contains(error.resultCode)
    }

    /// What went wrong, in SQLite's words without its code and statement
    /// (`database or disk is full`), or the error's own description.
    static func describe(_ error: any Error) -> String {
        databaseMessage(for: error) ?? error.localizedDescription
    }

    /// SQLite's words for a database error, nil for any other error.
    public static func databaseMessage(for error: any Error) -> String? {
        (error as? DatabaseError).map { $0.message ?? "\($0)" }
    }

    /// A file of a group stored without savepoints failed: the caller's
    /// transaction holds part of it and must be rolled back.
    struct FileNotStored: Error {
        var request: StoreRequest
        var error: any Error
    }

    /// `store(pulling:)` inside a transaction the caller holds. With
    /// `isolatingFiles`, each file is stored in its own savepoint and a
    /// failure is one of the results; without, the first failure is thrown
    /// as `FileNotStored`.
    func storeGroup(pulling next: () -> StoreRequest?, isolatingFiles: Bool, _ db: Database) throws -> [Result<StoreOutcome, any Error>] {
        var group = GroupState()
        let importedAt = ISO8601DateFormatter().string(from: Date())
        let lastAuthor = try deferIndexing(db)
        try prepareDerivedColumns(db)
        var results: [Result<StoreOutcome, any Error>] = []
        while let request = next() {
            guard isolatingFiles else {
                do {
                    results.append(.success(try storeOne(request, importedAt: importedAt, group: &group, db)))
                } catch {
                    throw FileNotStored(request: request, error: error)
                }
                continue
            }
            var outcome: StoreOutcome?
            let groupBefore = group
            do {
                try db.inSavepoint {
                    outcome = try storeOne(request, importedAt: importedAt, group: &group, db)
                    return .commit
                }
                results.append(.success(outcome!))
            } catch {
                // SQLite may have rolled the whole transaction back: nothing more may run in it.
                if Archive.isArchiveFault(error) { throw error }
                group = groupBefore  // the savepoint's rollback took the file's new authors and papers away
                results.append(.failure(error))
            }
        }
        try insertAuthorLinks(group.authorLinks, db)
        try refreshDerivedColumns(db)
        try indexChangedText(authorsAfter: lastAuthor, db)
        return results
    }

    /// What a group carries from file to file.
    struct GroupState {
        /// Author name -> id: most listings name authors already seen.
        var authorIDs: [String: Int64] = [:]
        /// Paper id -> its authors' ids in order, for the papers whose
        /// authors the group set: linked at the group's end (`insertAuthorLinks`).
        var authorLinks: [Int64: [Int64]] = [:]
        /// "digest key" -> (topic id, label): a day's papers name few topics.
        var topicIDs: [String: (id: Int64, label: String)] = [:]
    }

    private func storeOne(_ request: StoreRequest, importedAt: String, group: inout GroupState, _ db: Database) throws -> StoreOutcome {
        switch request.content {
        case .digest(let digest): try storeDigest(digest, request, importedAt: importedAt, group: &group, db)
        case .spotlights(let day): try storeSpotlights(day, request, importedAt: importedAt, group: &group, db)
        case .monthlyOverview(let overview): try storeMonthlyOverview(overview, request, importedAt: importedAt, group: &group, db)
        case .hotspotReport(let report): try storeHotspotReport(report, request, importedAt: importedAt, group: &group, db)
        }
    }

    /// Every file already imported into a run of `digestName` (or as its spotlights or monthly overview), with the hash
    /// of its content then: the importer skips these without parsing them.
    public func importedSources(digestName: String) throws -> Set<DigestSource> {
        try database.read { db in
            var sources = Set<DigestSource>()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.path, s.sha256 FROM run_sources s JOIN runs r ON r.id = s.run_id WHERE r.digest = ?
                    UNION ALL SELECT source_path, source_sha256 FROM spotlight_days WHERE digest = ?
                    UNION ALL SELECT source_path, source_sha256 FROM monthly_overviews WHERE digest = ?
                    UNION ALL SELECT source_path, source_sha256 FROM hotspot_days WHERE digest = ?
                    UNION ALL SELECT c.source_path, c.source_sha256 FROM hotspot_day_copies c JOIN hotspot_days d ON d.id = c.day_id
                              WHERE d.digest = ?
                    """, arguments: [digestName, digestName, digestName, digestName, digestName])
            while let row = try rows.next() { sources.insert(DigestSource(path: row["path"], sha256: row["sha256"])) }
            return sources
        }
    }

    /// The date of the published run of `digestName` that lists exactly these papers:
    /// how a JSON file with no date in its name finds its day. Of several
    /// such runs, the one of `preferring` (a git version's commit day) if it
    /// is one of them, else the latest.
    func dateOfRun(listing arxivIDs: [String], digestName: String, preferring: String? = nil, _ db: Database) throws -> String? {
        guard let first = arxivIDs.first else { return nil }
        let wanted = Set(arxivIDs)
        let candidates = try Row.fetchAll(
            db,
            sql: """
                SELECT r.id, r.date FROM runs r JOIN verdicts v ON v.run_id = r.id JOIN papers p ON p.id = v.paper_id
                WHERE r.digest = ? AND r.variant = '' AND p.arxiv_id = ? ORDER BY r.date DESC
                """, arguments: [digestName, first])
        var matching: [String] = []
        for candidate in candidates {
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT p.arxiv_id FROM verdicts v JOIN papers p ON p.id = v.paper_id WHERE v.run_id = ?
                    """, arguments: [candidate["id"] as Int64])
            if Set(ids) == wanted {
                if preferring == nil { return candidate["date"] }
                matching.append(candidate["date"])
            }
        }
        return matching.first { $0 == preferring } ?? matching.first
    }
}

extension Database {
    /// Executes through the statement cache: an import runs the same few
    /// statements thousands of times, and compiling each anew dominated it.
    func cachedExecute(sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
