import Foundation
import GRDB

/// Storing one digest file as its run: the header, the topic order, and
/// the verdicts with their papers (see `store(_:)` for the merging rules).
extension Archive {
    func storeDigest(
        _ digest: Digest, _ request: StoreRequest, importedAt: String, group: inout GroupState,
        _ db: Database
    ) throws -> StoreOutcome {
        var request = request
        if digest.format == .translation {
            // Not a run: its texts join the papers' translations, where the day's JSON gives none.
            guard let date = request.date else { throw StoreError.undatedJSON }
            try storeTexts(of: digest.papers, rank: Archive.textRank(digest.format), date: date, db)
            return StoreOutcome(change: .translated)
        }
        guard
            let date = try request.date
                ?? dateOfRun(listing: digest.papers.map(\.arxivID), digestName: request.digestName, preferring: request.fallbackDate, db)
                ?? request.fallbackDate
        else {
            throw StoreError.undatedJSON
        }
        let variant = try runVariant(for: request, date: date, db)
        let (runID, change) = try run(of: request, date: date, variant: variant, db)
        var outcome = StoreOutcome(change: change, runID: runID)
        guard change != .unchanged else { return outcome }
        if let header = digest.header {
            // A page's header is the run's; a JSON file's (a bundle's usage, a fork's day texts) fills only what it lacks.
            try storeHeader(header, runID: runID, fillingGapsOnly: digest.format.carriesEveryKey, db)
        }
        if !digest.topicOrder.isEmpty {
            try storeTopicOrder(digest.topicOrder, runID: runID, digestName: request.digestName, group: &group, db)
        }
        if digest.format == .crawl {
            // The day's scanned papers: papers of the archive, no verdicts.
            outcome.newPapers = try replaceScans(of: runID, date: date, with: digest.papers, authorNames: request.authorNames, group: &group, db)
            try recordSource(request, format: digest.format, runID: runID, importedAt: importedAt, db)
            outcome.runVerdicts = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM verdicts WHERE run_id = ?"), arguments: [runID]) ?? 0
            return outcome
        }
        let jsonElsewhere =
            try Bool.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM run_sources WHERE run_id = ? AND format IN ('json', 'topic-bundle', 'ai-listing') AND path != ?)
                        """), arguments: [runID, request.source.path]) ?? false
        // A file read without its papers (see `papersLeftOut`) gives verdicts only when no other JSON of the day has.
        if (digest.format.carriesEveryKey && request.papersLeftOut == nil) || !jsonElsewhere {
            if let readPapers = request.papersLeftOut {
                // The page was read without its papers for a JSON file of its day that was not stored after all.
                request.digest.papers = try readPapers()
            }
            if request.digest.papers.contains(where: { ArxivID.isBareOldStyle($0.arxivID) }) {
                request.digest.papers = try resolveBareOldStyleIDs(
                    in: request.digest.papers, digestName: request.digestName,
                    notes: &outcome.notes, db)
            }
            outcome.newPapers = try replaceVerdicts(
                of: runID, date: date, with: request.digest.papers, authorNames: request.authorNames,
                digestName: request.digestName, group: &group, db)
        }
        outcome.runVerdicts = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM verdicts WHERE run_id = ?"), arguments: [runID]) ?? 0
        // Translations and AI summaries are facts about papers, kept whichever file's verdicts won.
        try storeTexts(of: request.digest.papers, rank: Archive.textRank(digest.format), date: date, db)
        try recordSource(request, format: digest.format, runID: runID, importedAt: importedAt, db)
        return outcome
    }

    /// The file the run was read from, with the hash that makes its re-import a no-op.
    private func recordSource(_ request: StoreRequest, format: Digest.Format, runID: Int64, importedAt: String, _ db: Database) throws {
        try db.cachedExecute(
            sql: """
                INSERT INTO run_sources (run_id, path, format, sha256, imported_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (run_id, path) DO UPDATE SET format = excluded.format, sha256 = excluded.sha256, imported_at = excluded.imported_at
                """, arguments: [runID, request.source.path, format.rawValue, request.source.sha256, importedAt])
    }

    /// Replaces the run's scanned papers (a crawl file); returns how many papers were new to the archive.
    private func replaceScans(
        of runID: Int64, date: String, with papers: [DigestPaper], authorNames: [[String]], group: inout GroupState, _ db: Database
    ) throws -> Int {
        let held = try clearPapers(of: "run_scans", parentColumn: "run_id", parent: runID, db)
        var now = Set<Int64>()
        var added = 0
        let insert = try db.cachedStatement(sql: "INSERT INTO run_scans (run_id, position, paper_id, extra) VALUES (?, ?, ?, ?)")
        for (index, paper) in papers.enumerated() {
            let (paperID, isNew) = try ensurePaper(paper, names: authorNames[index], date: date, group: &group, db)
            if isNew { added += 1 }
            now.insert(paperID)
            try insert.run(runID, index + 1, paperID, paper.extra)
        }
        try dropUnreferenced(held.subtracting(now), group: &group, db)
        return added
    }

    /// The run a file belongs to, made when the archive lacks it; `.unchanged`
    /// when the run already holds this very file.
    private func run(of request: StoreRequest, date: String, variant: RunVariant, _ db: Database) throws -> (Int64, StoreOutcome.Change) {
        let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM runs WHERE digest = ? AND date = ? AND variant = ?"),
            arguments: [request.digestName, date, variant.rawValue])
        guard let existing else {
            try db.cachedExecute(
                sql: "INSERT INTO runs (digest, date, variant) VALUES (?, ?, ?)", arguments: [request.digestName, date, variant.rawValue])
            return (db.lastInsertedRowID, .runAdded)
        }
        let same = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM run_sources WHERE run_id = ? AND sha256 = ?)"),
            arguments: [existing, request.source.sha256])
        return (existing, same == true ? .unchanged : .runUpdated)
    }

    /// Sets the run's header from a page. A figure the page does not state
    /// keeps the value another file of the day gave (a topic bundle's
    /// usage); with `fillingGapsOnly` (a JSON file: a topic bundle's usage,
    /// a fork's day texts, an archive file's run) only what the run lacks is
    /// set, so that the page's header wins whichever came first.
    private func storeHeader(_ h: RunHeader, runID: Int64, fillingGapsOnly: Bool, _ db: Database) throws {
        var promptID: Int64?
        if let prompt = h.selectionPrompt {
            try db.cachedExecute(sql: "INSERT OR IGNORE INTO prompts (text) VALUES (?)", arguments: [prompt])
            promptID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM prompts WHERE text = ?"), arguments: [prompt])
        }
        let figures: StatementArguments = [
            h.model, h.promptTokens, h.completionTokens, h.totalTokens, h.promptCost, h.completionCost,
            h.totalCost, h.totalPapers, h.scannedPapers, h.relevantPapers, h.summary, h.extra,
        ]
        if fillingGapsOnly {
            try db.cachedExecute(
                sql: """
                    UPDATE runs SET model = coalesce(model, ?), prompt_tokens = coalesce(prompt_tokens, ?),
                        completion_tokens = coalesce(completion_tokens, ?), total_tokens = coalesce(total_tokens, ?),
                        prompt_cost = coalesce(prompt_cost, ?), completion_cost = coalesce(completion_cost, ?), total_cost = coalesce(total_cost, ?),
                        total_papers = coalesce(total_papers, ?), scanned_papers = coalesce(scanned_papers, ?),
                        relevant_papers = coalesce(relevant_papers, ?), summary = coalesce(summary, ?), extra = coalesce(extra, ?),
                        prompt_id = coalesce(prompt_id, ?), notes = coalesce(notes, ?)
                    WHERE id = ?
                    """, arguments: figures + [promptID, h.notes, runID])
            return
        }
        try db.cachedExecute(
            sql: """
                UPDATE runs SET model = coalesce(?, model), prompt_tokens = coalesce(?, prompt_tokens),
                    completion_tokens = coalesce(?, completion_tokens), total_tokens = coalesce(?, total_tokens),
                    prompt_cost = coalesce(?, prompt_cost), completion_cost = coalesce(?, completion_cost), total_cost = coalesce(?, total_cost),
                    total_papers = coalesce(?, total_papers), scanned_papers = coalesce(?, scanned_papers),
                    relevant_papers = coalesce(?, relevant_papers), summary = coalesce(?, summary), extra = coalesce(?, extra),
                    prompt_id = ?, notes = ?
                WHERE id = ?
                """, arguments: figures + [promptID, h.notes, runID])
    }

    /// Replaces the run's verdicts; returns how many papers were new to the archive.
    private func replaceVerdicts(
        of runID: Int64, date: String, with papers: [DigestPaper], authorNames: [[String]],
        digestName: String, group: inout GroupState, _ db: Database
    ) throws -> Int {
        // Save the indexed text of every paper this may change, before it
        // changes it (the first save in a group wins: the index holds that).
        let incoming = String(decoding: try JSONEncoder().encode(papers.map(\.arxivID)), as: UTF8.self)
        try db.cachedExecute(
            sql: """
                INSERT OR IGNORE INTO temp.fts_old SELECT id, title, abstract, comments FROM papers
                WHERE (id IN (SELECT paper_id FROM verdicts WHERE run_id = ?) OR arxiv_id IN (SELECT value FROM json_each(?)))
                  AND id NOT IN (SELECT id FROM temp.fts_new)  -- added in this group: not in the index yet
                """, arguments: [runID, incoming])
        let before = Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT paper_id FROM verdicts WHERE run_id = ?"), arguments: [runID]))
        // Its topic rows first: no cascade while foreign-key checks are off (see `writeWithoutForeignKeyChecks`).
        try db.cachedExecute(sql: "DELETE FROM verdict_topics WHERE verdict_id IN (SELECT id FROM verdicts WHERE run_id = ?)", arguments: [runID])
        try db.cachedExecute(sql: "DELETE FROM verdicts WHERE run_id = ?", arguments: [runID])
        var stored = try storedPapers(incoming, db)
        var inserted = Set<Int64>()
        var after = Set<Int64>()
        // Verdict ids are chosen here (as SQLite would: the next after the
        // largest) so that a new paper is inserted already pointing at its
        // verdict, and its row is written once.
        var verdictID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) + 1 FROM verdicts")) ?? 1
        for (index, paper) in papers.enumerated() {
            let (paperID, isNew) = try upsertPaper(paper, names: authorNames[index], date: date, verdictID: verdictID, stored: &stored, group: &group, db)
            if isNew { inserted.insert(paperID) }
            // A paper listed twice on one page keeps its first position.
            guard after.insert(paperID).inserted else { continue }
            try db.cachedStatement(
                sql: """
                    INSERT INTO verdicts (id, run_id, paper_id, position, relevance, novelty, score, comment, author_match,
                                          arxiv_version, announce_type, extra, topic_comment, topic_source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).run(
                verdictID, runID, paperID, index + 1, paper.relevance, paper.novelty, paper.score, paper.comment,
                paper.authorMatch, paper.arxivVersion, paper.announceType, paper.extra,
                paper.topics?.comment, paper.topics?.source)
            if let topics = paper.topics {
                try storeTopics(topics, verdictID: verdictID, digestName: digestName, group: &group, db)
            }
            verdictID += 1
        }
        for paperID in before.union(after).subtracting(inserted) {
            if try refreshComments(paperID: paperID, db) == .deleted { group.authorLinks[paperID] = nil }
        }
        // A new paper's derived columns were set as it was inserted.
        try noteListingChanged(paperIDs: before.union(after).subtracting(inserted), db)
        return inserted.count
    }

    /// The papers of `arxivIDs` (a JSON array) that the archive holds, in one query.
    private func storedPapers(_ arxivIDs: String, _ db: Database) throws -> [String: StoredPaper] {
        var stored: [String: StoredPaper] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, arxiv_id, title, abstract, authors, text_date FROM papers WHERE arxiv_id IN (SELECT value FROM json_each(?))
                    """), arguments: [arxivIDs])
        {
            stored[row["arxiv_id"]] = StoredPaper(
                id: row["id"], title: row["title"], abstract: row["abstract"],
                authors: row["authors"], textDate: row["text_date"])
        }
        return stored
    }

    /// What the archive holds of a paper, as far as storing a listing needs.
    private struct StoredPaper {
        var id: Int64
        var title: String
        var abstract: String
        var authors: String
        var textDate: String
    }

    /// Inserts the paper, or updates its text when this day is its latest.
    /// `stored` holds the file's papers already in the archive; it learns the
    /// ones inserted here (a page may list a paper twice). A new paper points
    /// at `verdictID`, the id its verdict in this run is about to get.
    private func upsertPaper(
        _ paper: DigestPaper, names: [String], date: String, verdictID: Int64, stored: inout [String: StoredPaper],
        group: inout GroupState, _ db: Database
    ) throws -> (id: Int64, isNew: Bool) {
        // `names` are display names only: the folded key is computed for authors new to the archive.
        let authorsText = names.joined(separator: ", ")
        guard var old = stored[paper.arxivID] else {
            // A new paper's comments are this verdict's: no refresh needed afterwards.
            try db.cachedStatement(
                sql: """
                    INSERT INTO papers (arxiv_id, title, abstract, authors, comments, text_date, first_seen, last_seen, latest_verdict_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).run(paper.arxivID, paper.title, paper.abstract, authorsText, paper.comment ?? "", date, date, date, verdictID)
            let id = db.lastInsertedRowID
            stored[paper.arxivID] = StoredPaper(id: id, title: paper.title, abstract: paper.abstract, authors: authorsText, textDate: date)
            try db.cachedStatement(sql: "INSERT INTO temp.fts_new (id) VALUES (?)").run(id)
            group.authorLinks[id] = try authorIDs(names: names, known: &group.authorIDs, db)
            return (id, true)
        }
        guard date >= old.textDate else { return (old.id, false) }
        // A source without an abstract (or authors) does not erase the one we have.
        let abstract = paper.abstract.isEmpty ? old.abstract : paper.abstract
        let authors = names.isEmpty ? old.authors : authorsText
        if paper.title != old.title || abstract != old.abstract || authors != old.authors {
            try db.cachedExecute(
                sql: "UPDATE papers SET title = ?, abstract = ?, authors = ?, text_date = ? WHERE id = ?",
                arguments: [paper.title, abstract, authors, date, old.id])
            if !names.isEmpty {
                try db.cachedExecute(sql: "DELETE FROM paper_authors WHERE paper_id = ?", arguments: [old.id])
                group.authorLinks[old.id] = try authorIDs(names: names, known: &group.authorIDs, db)
            }
        } else if date > old.textDate {
            try db.cachedExecute(sql: "UPDATE papers SET text_date = ? WHERE id = ?", arguments: [date, old.id])
        }
        (old.title, old.abstract, old.authors, old.textDate) = (paper.title, abstract, authors, date)
        stored[paper.arxivID] = old
        return (old.id, false)
    }

    private enum CommentsRefresh { case kept, deleted }

    /// Keeps `papers.comments` (the FTS column over verdict comments) in step,
    /// and drops a paper that nothing lists any more (see `isUnreferenced`).
    private func refreshComments(paperID: Int64, _ db: Database) throws -> CommentsRefresh {
        let comments = try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT v.comment FROM verdicts v JOIN runs r ON r.id = v.run_id
                    WHERE v.paper_id = ? AND v.comment IS NOT NULL AND v.comment != ''
                    ORDER BY r.date, r.digest, r.variant
                    """), arguments: [paperID])
        if comments.isEmpty, try isUnreferenced(paperID: paperID, db) {
            try deletePaper(paperID, db)
            return .deleted
        }
        var seen = Set<String>()
        let text = comments.filter { seen.insert($0).inserted }.joined(separator: "\n")
        try db.cachedExecute(sql: "UPDATE papers SET comments = ? WHERE id = ? AND comments != ?", arguments: [text, paperID, text])
        return .kept
    }
}
