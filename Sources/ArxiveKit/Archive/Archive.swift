import ArxiveSchema
import Foundation
import GRDB

/// The archive: one SQLite file with FTS5 indexes.
///
/// It wraps the database, migrates it when opened, and exposes each intent as
/// one method that runs in one transaction (GRDB's `AppDatabase` pattern).
public struct Archive: Sendable {
    let database: DatabaseQueue

    /// Opens (creating if asked) the archive at `path` and migrates it.
    public init(path: String, create: Bool = true) throws {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw ArchiveError.noArchive(path: path)
        }
        // Not NSString's deletingLastPathComponent: on Linux it crashes on a
        // one-letter path (`--db a`).
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var config = Configuration()
        // A cron import and a query may overlap: wait rather than fail.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Before anything below changes the file (WAL is a setting it keeps).
            try Archive.refuseOthersDatabase(db, path: path)
            // 8 KiB pages for a new file (an existing one keeps its own): a
            // catalogue paper's row is about 1.5 KiB, and 4 KiB pages held two
            // such rows with a fifth of the table left empty.
            try db.execute(sql: "PRAGMA page_size = 8192")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            // WAL + NORMAL is durable against process kills (what the kill test checks);
            // only a power loss can drop the last transactions.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The import's scratch tables live in memory, and a larger page
            // cache (64 MiB at most, used only as needed) keeps the indexes an
            // import probes in memory rather than re-read from the OS.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Reads through a memory map: ordering thousands of matches visits
            // thousands of pages, and a read() per page cost more than the query.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            PhraseRank.register(db)
        }
        do {
            database = try DatabaseQueue(path: path, configuration: config)
            try Archive.migrateIfNeeded(database)
        } catch let error as DatabaseError {
            throw ArchiveError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// A database with tables of its own but no arxive schema is someone
    /// else's (`--db ~/.mozilla/.../places.sqlite`, a typo): arxive would add
    /// forty tables to it and switch it to WAL. It is refused untouched. An
    /// empty file, or one without tables, becomes an archive.
    static func refuseOthersDatabase(_ db: Database, path: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')") == true else { return }
        // Not GRDB's `tableExists`: it loads the whole schema into sets, a
        // twentieth of a search that finds nothing, process start included.
        let ours =
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')") == true
            && Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)",
                arguments: [Schema.migrations[0].identifier]) == true
        guard ours else { throw ArchiveError.notAnArchive(path: path) }
    }

    /// An empty archive in memory, for tests.
    public static func inMemory() throws -> Archive {
        var config = Configuration()
        config.prepareDatabase { PhraseRank.register($0) }
        return try Archive(database: DatabaseQueue(configuration: config))
    }

    init(database: DatabaseQueue) throws {
        self.database = database
        try Archive.migrateIfNeeded(database)
    }

    /// Migrates only when a migration is pending: checking needs a read, while
    /// `migrate` takes the write lock, and every command opens the archive.
    static func migrateIfNeeded(_ database: DatabaseQueue) throws {
        let migrator = Archive.migrator
        if try database.read(migrator.hasCompletedMigrations) { return }
        try migrator.migrate(database)
    }

    static var migrator: DatabaseMigrator { migrator(adding: []) }

    /// The archive's migrations, then `extra` ones: how tests play a later
    /// version of the schema.
    package static func migrator(adding extra: [(identifier: String, sql: String)]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Schema.migrations + extra {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    /// Runs `body` with WAL checkpoints spaced out and mostly done on
    /// another thread, then checkpoints once.
    ///
    /// SQLite copies the WAL into the database every 1,000 pages by default;
    /// a long import rewrites the same index pages in many commits, and
    /// checkpointing every 16,384 pages (128 MiB of WAL at most) copies each
    /// page far fewer times. Meanwhile `BackgroundCheckpoint` copies what
    /// was committed without stopping the import, so the final checkpoint
    /// (which leaves a small WAL behind) has only the last commit to copy.
    public func withSparseCheckpoints<T>(_ body: () throws -> T) rethrows -> T {
        try? database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 16384") }
        // An archive in memory (tests) has no WAL to copy.
        let background = FileManager.default.fileExists(atPath: database.path) ? BackgroundCheckpoint(path: database.path) : nil
        defer {
            background?.stop()
            try? database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        return try body()
    }

    /// Runs `body` in one deferred transaction on the connection that may
    /// write: for reads that build scratch tables in `temp` (a report's
    /// terms), with every part read from one snapshot.
    func withScratchTables<T>(_ body: (Database) throws -> T) throws -> T {
        try database.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.deferred) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Direct database access for tests that play another writer (sqlite3, Datasette).
    package func withDatabaseForTesting<T>(_ body: (Database) throws -> T) throws -> T {
        try database.write(body)
    }

    /// Runs `SQLite`'s and FTS5's own consistency checks; returns the problems found.
    public func integrityProblems() throws -> [String] {
        // FTS5's check is spelled as an INSERT: it needs a writable connection (it writes nothing).
        try database.writeWithoutTransaction { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            // Imports write with foreign-key checks off (see `writeWithoutForeignKeyChecks`): no row may point nowhere.
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0], rowid: Int64? = row[1], parent: String = row[2]
                problems.append("\(table) row \(rowid.map(String.init) ?? "(without rowid)") refers to a missing \(parent) row")
            }
            for table in ["papers_fts", "authors_fts", "hotspot_topics_fts"] {
                do {
                    try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('integrity-check')")
                } catch {
                    problems.append("\(table): \(error)")
                }
            }
            return problems
        }
    }
}
