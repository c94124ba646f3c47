// Archive/: the `Archive` type: opening and migrating the SQLite file, the one
// write path (`store`, a transaction per file), FTS bookkeeping, marks,
// follows, archive files and backups. It may call Model, Names and GRDB; never
// the query layer or a renderer.

import Foundation
import GRDB

/// Moving archives: everything in one JSON-lines file (read back by
/// `Archive+ArchiveImport`), and a consistent copy of the live file.
extension Archive {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// The file's keys are snake_case; the line types' properties camelCase.
    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }()

    // MARK: Export

    /// Writes every paper (but those only the catalogue holds), run,
    /// verdict, spotlight day, monthly overview, hotspot day, rule, mark,
    /// saved search, rank profile and mute as JSON lines, a line at a time,
    /// from one consistent read.
    public func exportArchive(_ write: (String) throws -> Void) throws {
        func line(_ value: any Encodable) throws { try write(String(decoding: try Archive.encoder.encode(value), as: UTF8.self) + "\n") }
        try database.read { db in
            try line(ArchiveFile.Header(exportedAt: ISO8601DateFormatter().string(from: Date())))
            // A catalogue paper nothing else names travels with its snapshot, not here.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, arxiv_id, title, abstract, text_date FROM papers
                    WHERE catalogue_date IS NULL OR last_seen IS NOT NULL
                       OR id IN (SELECT paper_id FROM spotlights UNION SELECT paper_id FROM monthly_picks UNION SELECT paper_id FROM hotspot_papers)
                    ORDER BY id
                    """)
            {
                try line(
                    ArchiveFile.Paper(
                        arxivId: row["arxiv_id"], title: row["title"], authors: try Archive.authorNames(paperID: row["id"], db),
                        abstract: row["abstract"], textDate: row["text_date"]))
            }
            for run in try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, pr.text AS prompt FROM runs r LEFT JOIN prompts pr ON pr.id = r.prompt_id ORDER BY r.date, r.digest, r.variant
                    """)
            {
                try line(try Archive.archiveRun(run, db))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM paper_texts ORDER BY arxiv_id, field, language") {
                try line(
                    ArchiveFile.PaperText(
                        arxivId: row["arxiv_id"], field: row["field"], language: row["language"], rank: row["rank"], date: row["date"],
                        text: row["text"]))
            }
            for day in try Archive.spotlightDayLines(db) { try line(day) }
            for overview in try Archive.monthlyOverviewLines(db) { try line(overview) }
            for day in try Row.fetchAll(db, sql: "SELECT id, digest, source_path, source_sha256 FROM hotspot_days ORDER BY date, digest") {
                try line(
                    ArchiveFile.HotspotDay(
                        digest: day["digest"], sourcePath: day["source_path"], sourceSha256: day["source_sha256"],
                        report: try Archive.hotspotReport(dayID: day["id"], db)))
            }
            try Archive.exportUserData(db, line)
        }
    }

    /// A run's line: the run, its sources and its verdicts.
    static func archiveRun(_ run: Row, _ db: Database) throws -> ArchiveFile.Run {
        let sources = try Row.fetchAll(
            db, sql: "SELECT path, format, sha256, imported_at FROM run_sources WHERE run_id = ? ORDER BY path",
            arguments: [run["id"] as Int64]
        ).map {
            ArchiveFile.Run.Source(path: $0["path"], format: $0["format"], sha256: $0["sha256"], importedAt: $0["imported_at"])
        }
        let verdicts = try Row.fetchAll(
            db,
            sql: """
                SELECT p.arxiv_id, v.* FROM verdicts v JOIN papers p ON p.id = v.paper_id WHERE v.run_id = ? ORDER BY v.position
                """, arguments: [run["id"] as Int64]
        ).map {
            ArchiveFile.Run.Verdict(
                arxivId: $0["arxiv_id"], position: $0["position"], relevance: $0["relevance"], novelty: $0["novelty"],
                score: $0["score"], comment: $0["comment"], authorMatch: $0["author_match"],
                arxivVersion: $0["arxiv_version"], announceType: $0["announce_type"], extra: $0["extra"])
        }
        let scanned = try Row.fetchAll(
            db, sql: "SELECT p.arxiv_id, s.extra FROM run_scans s JOIN papers p ON p.id = s.paper_id WHERE s.run_id = ? ORDER BY s.position",
            arguments: [run["id"] as Int64]
        ).map { ArchiveFile.Run.Scan(arxivId: $0["arxiv_id"], extra: $0["extra"]) }
        return ArchiveFile.Run(
            digest: run["digest"], date: run["date"], run: RunVariant(rawValue: run["variant"])?.writtenName,
            model: run["model"], promptTokens: run["prompt_tokens"],
            completionTokens: run["completion_tokens"], totalTokens: run["total_tokens"],
            promptCost: run["prompt_cost"], completionCost: run["completion_cost"], totalCost: run["total_cost"],
            totalPapers: run["total_papers"], scannedPapers: run["scanned_papers"],
            relevantPapers: run["relevant_papers"], prompt: run["prompt"], notes: run["notes"],
            summary: run["summary"], extra: run["extra"], scanned: scanned.isEmpty ? nil : scanned, sources: sources, verdicts: verdicts,
            topics: try Archive.topicOrder(runID: run["id"], db).nilIfEmpty)
    }

    /// The user's own lines: followed authors, marks, saved searches, rank profiles, mutes.
    static func exportUserData(_ db: Database, _ line: (any Encodable) throws -> Void) throws {
        for rule in try Archive.rules(db) {
            try line(ArchiveFile.FollowedAuthor(name: rule.name, semanticScholarIds: rule.semanticScholarIDs, note: rule.note, exceptions: rule.exceptions))
        }
        for mark in try Row.fetchAll(db, sql: "SELECT arxiv_id, starred, dismissed_at, read_at, note, updated_at FROM marks ORDER BY arxiv_id") {
            let tags = try Row.fetchAll(db, sql: "SELECT tag, added_at FROM tags WHERE arxiv_id = ? ORDER BY tag", arguments: [mark["arxiv_id"] as String])
                .map { ArchiveFile.Mark.Tag(tag: $0["tag"], addedAt: $0["added_at"]) }
            try line(
                ArchiveFile.Mark(
                    arxivId: mark["arxiv_id"], starred: mark["starred"], dismissedAt: mark["dismissed_at"], readAt: mark["read_at"], note: mark["note"],
                    updatedAt: mark["updated_at"], tags: tags))
        }
        for row in try Row.fetchAll(db, sql: "SELECT name, query, saved_at FROM saved_searches ORDER BY name") {
            try line(ArchiveFile.SavedSearch(name: row["name"], query: row["query"], savedAt: row["saved_at"]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT name, options, saved_at FROM rank_profiles ORDER BY name") {
            try line(ArchiveFile.RankProfile(name: row["name"], options: row["options"], savedAt: row["saved_at"]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT query, note, include_followed, added_at FROM mutes ORDER BY id") {
            try line(ArchiveFile.Mute(query: row["query"], note: row["note"], includeFollowed: row["include_followed"], addedAt: row["added_at"]))
        }
    }

    // MARK: Backup

    /// A consistent copy of the live archive at `path` (SQLite's online
    /// backup: readers and writers may go on meanwhile).
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.exists(path) }
        let copy = try DatabaseQueue(path: path)
        try database.backup(to: copy)
        try copy.close()
    }
}
