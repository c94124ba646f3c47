import Foundation
import GRDB

/// A file a digest was read from, identified by its content hash.
public struct DigestSource: Sendable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// What storing one digest file did.
public struct StoreOutcome: Equatable, Sendable {
    public enum Change: Equatable, Sendable {
        /// The same content was already imported for this run.
        case unchanged
        case runAdded
        case runUpdated
    }

    public var change: Change
    public var newPapers = 0
    /// How many verdicts the run holds after this file.
    public var runVerdicts = 0
    /// The run this file belongs to (nil when unchanged).
    public var runID: Int64?
}

extension Archive {
    /// Stores one digest as the run `digestName` on `date`, in one transaction:
    /// all of it or none of it.
    ///
    /// Merging rules: a page (Markdown or page text) sets the run's header; the
    /// run's verdicts come from its JSON when it has one (JSON carries every
    /// key), else from the latest page imported. Re-importing content already
    /// imported for the run changes nothing. A paper's title, abstract and
    /// authors are those of its latest day.
    public func store(_ digest: Digest, digestName: String, date: String, source: DigestSource) throws -> StoreOutcome {
        try database.write { db in
            let existing = try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE digest = ? AND date = ?", arguments: [digestName, date])
            if let existing, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM run_sources WHERE run_id = ? AND sha256 = ?)",
                                               arguments: [existing, source.sha256]) == true {
                return StoreOutcome(change: .unchanged)
            }
            let runID: Int64
            if let existing {
                runID = existing
            } else {
                try db.execute(sql: "INSERT INTO runs (digest, date) VALUES (?, ?)", arguments: [digestName, date])
                runID = db.lastInsertedRowID
            }
            var outcome = StoreOutcome(change: existing == nil ? .runAdded : .runUpdated, runID: runID)
            if let header = digest.header {
                try storeHeader(header, runID: runID, db)
            }
            let jsonElsewhere = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM run_sources WHERE run_id = ? AND format = 'json' AND path != ?)
                """, arguments: [runID, source.path]) ?? false
            if digest.format == .json || !jsonElsewhere {
                outcome.newPapers = try replaceVerdicts(of: runID, date: date, with: digest.papers, db)
            }
            outcome.runVerdicts = try Int.fetchOne(db, sql: "SELECT count(*) FROM verdicts WHERE run_id = ?", arguments: [runID]) ?? 0
            try db.execute(sql: """
                INSERT INTO run_sources (run_id, path, format, sha256, imported_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (run_id, path) DO UPDATE SET format = excluded.format, sha256 = excluded.sha256, imported_at = excluded.imported_at
                """, arguments: [runID, source.path, digest.format.rawValue, source.sha256, ISO8601DateFormatter().string(from: Date())])
            return outcome
        }
    }

    private func storeHeader(_ h: RunHeader, runID: Int64, _ db: Database) throws {
        var promptID: Int64?
        if let prompt = h.selectionPrompt {
            try db.execute(sql: "INSERT OR IGNORE INTO prompts (text) VALUES (?)", arguments: [prompt])
            promptID = try Int64.fetchOne(db, sql: "SELECT id FROM prompts WHERE text = ?", arguments: [prompt])
        }
        try db.execute(sql: """
            UPDATE runs SET model = ?, prompt_tokens = ?, completion_tokens = ?, total_tokens = ?,
                prompt_cost = ?, completion_cost = ?, total_cost = ?,
                total_papers = ?, scanned_papers = ?, relevant_papers = ?, prompt_id = ?, notes = ?
            WHERE id = ?
            """, arguments: [h.model, h.promptTokens, h.completionTokens, h.totalTokens,
                             h.promptCost, h.completionCost, h.totalCost,
                             h.totalPapers, h.scannedPapers, h.relevantPapers, promptID, h.notes, runID])
    }

    /// Replaces the run's verdicts; returns how many papers were new to the archive.
    private func replaceVerdicts(of runID: Int64, date: String, with papers: [DigestPaper], _ db: Database) throws -> Int {
        let before = Set(try Int64.fetchAll(db, sql: "SELECT paper_id FROM verdicts WHERE run_id = ?", arguments: [runID]))
        try db.execute(sql: "DELETE FROM verdicts WHERE run_id = ?", arguments: [runID])
        var newPapers = 0
        var after = Set<Int64>()
        for (index, paper) in papers.enumerated() {
            let (paperID, isNew) = try upsertPaper(paper, date: date, db)
            if isNew { newPapers += 1 }
            // A paper listed twice on one page keeps its first position.
            guard after.insert(paperID).inserted else { continue }
            try db.execute(sql: """
                INSERT INTO verdicts (run_id, paper_id, position, relevance, novelty, score, comment, author_match,
                                      arxiv_version, announce_type, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [runID, paperID, index + 1, paper.relevance, paper.novelty, paper.score, paper.comment,
                                 paper.authorMatch, paper.arxivVersion, paper.announceType, paper.extra])
        }
        for paperID in before.union(after) {
            try refreshDerivedColumns(paperID: paperID, db)
        }
        return newPapers
    }

    /// Inserts the paper, or updates its text when this day is its latest.
    private func upsertPaper(_ paper: DigestPaper, date: String, _ db: Database) throws -> (id: Int64, isNew: Bool) {
        let names = paper.authors.map(PersonName.init(source:))
        let authorsText = names.map(\.display).joined(separator: ", ")
        let row = try Row.fetchOne(db, sql: "SELECT id, title, abstract, authors, text_date FROM papers WHERE arxiv_id = ?",
                                   arguments: [paper.arxivID])
        guard let row else {
            try db.execute(sql: "INSERT INTO papers (arxiv_id, title, abstract, authors, text_date) VALUES (?, ?, ?, ?, ?)",
                           arguments: [paper.arxivID, paper.title, paper.abstract, authorsText, date])
            let id = db.lastInsertedRowID
            try link(paperID: id, to: names, db)
            return (id, true)
        }
        let id: Int64 = row["id"]
        let textDate: String = row["text_date"]
        guard date >= textDate else { return (id, false) }
        // A source without an abstract (or authors) does not erase the one we have.
        let abstract = paper.abstract.isEmpty ? row["abstract"] : paper.abstract
        let authors = names.isEmpty ? row["authors"] : authorsText
        if paper.title != row["title"] || abstract != row["abstract"] || authors != row["authors"] {
            try db.execute(sql: "UPDATE papers SET title = ?, abstract = ?, authors = ?, text_date = ? WHERE id = ?",
                           arguments: [paper.title, abstract, authors, date, id])
            if !names.isEmpty {
                try db.execute(sql: "DELETE FROM paper_authors WHERE paper_id = ?", arguments: [id])
                try link(paperID: id, to: names, db)
            }
        } else if date > textDate {
            try db.execute(sql: "UPDATE papers SET text_date = ? WHERE id = ?", arguments: [date, id])
        }
        return (id, false)
    }

    private func link(paperID: Int64, to names: [PersonName], _ db: Database) throws {
        for (position, name) in names.enumerated() {
            try db.execute(sql: "INSERT OR IGNORE INTO authors (name, key) VALUES (?, ?)", arguments: [name.display, name.key])
            guard let authorID = try Int64.fetchOne(db, sql: "SELECT id FROM authors WHERE name = ?", arguments: [name.display]) else { continue }
            try db.execute(sql: "INSERT INTO paper_authors (paper_id, position, author_id) VALUES (?, ?, ?)",
                           arguments: [paperID, position + 1, authorID])
        }
    }

    /// Keeps `papers.comments` (the FTS column over verdict comments) in step,
    /// and drops a paper that no verdict lists any more.
    private func refreshDerivedColumns(paperID: Int64, _ db: Database) throws {
        let comments = try String.fetchAll(db, sql: """
            SELECT v.comment FROM verdicts v JOIN runs r ON r.id = v.run_id
            WHERE v.paper_id = ? AND v.comment IS NOT NULL AND v.comment != ''
            ORDER BY r.date, r.digest
            """, arguments: [paperID])
        if comments.isEmpty, try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM verdicts WHERE paper_id = ?)", arguments: [paperID]) == true {
            try db.execute(sql: "DELETE FROM papers WHERE id = ?", arguments: [paperID])
            return
        }
        var seen = Set<String>()
        let text = comments.filter { seen.insert($0).inserted }.joined(separator: "\n")
        try db.execute(sql: "UPDATE papers SET comments = ? WHERE id = ? AND comments != ?", arguments: [text, paperID, text])
    }

    /// The date of the run of `digestName` that lists exactly these papers, if
    /// one does: how a JSON file with no date in its name finds its day.
    public func dateOfRun(listing arxivIDs: [String], digestName: String) throws -> String? {
        guard !arxivIDs.isEmpty else { return nil }
        let wanted = Set(arxivIDs)
        return try database.read { db in
            let candidates = try Row.fetchAll(db, sql: """
                SELECT r.id, r.date FROM runs r JOIN verdicts v ON v.run_id = r.id JOIN papers p ON p.id = v.paper_id
                WHERE r.digest = ? AND p.arxiv_id = ? GROUP BY r.id ORDER BY r.date DESC
                """, arguments: [digestName, arxivIDs[0]])
            for candidate in candidates {
                let ids = try String.fetchAll(db, sql: """
                    SELECT p.arxiv_id FROM verdicts v JOIN papers p ON p.id = v.paper_id WHERE v.run_id = ?
                    """, arguments: [candidate["id"] as Int64])
                if Set(ids) == wanted { return candidate["date"] }
            }
            return nil
        }
    }
}
