import GRDB

/// The one place that decides which run of its day a digest file belongs
/// to (`RunVariant`), the same whatever order the files come in:
///
/// 1. A topic bundle joins the published run when that run lists exactly
///    the bundle's papers, or when nothing but bundles made it (there is
///    nothing to compare with yet). Otherwise the generator ran twice: the
///    bundle is the day's other run.
/// 2. A file of the published run (the day's JSON or a page) that finds it
///    made by bundles alone, with other papers than its own, moves that run
///    aside as the other run and starts the published run afresh.
/// 3. A day's JSON that lists other papers than the published run, when a
///    bundle joined that run (a later version of the JSON: a git history, a
///    generator run again over a folder already imported), leaves the run's
///    listing until now, which the bundle listed too, to the other run:
///    otherwise the papers only that listing held would be lost.
///
/// A bundle whose day's JSON is in the same import is stored after every
/// other file (`StoreRequest.storedLast`), so rules 2 and 3 act only on a
/// bundle stored in an earlier import, or on a day with a page and no JSON.
/// Rule 3 copies the run as it stands, header included: a version of the
/// day's page stored before that JSON would have given it its header (the
/// importer and `git log` both put `json/` before `md/`, so this needs a
/// page imported alone, between the two versions of the JSON).
extension Archive {
    func runVariant(for request: StoreRequest, date: String, _ db: Database) throws -> RunVariant {
        if let variant = request.variant { return variant }
        let format = request.digest.format
        // A crawl is the run's scanned papers, a translation no run: neither publishes a listing.
        guard format != .crawl, format != .translation,
            let published = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM runs WHERE digest = ? AND date = ? AND variant = ''"),
                arguments: [request.digestName, date])
        else { return .published }
        let otherFormats = Set(
            try String.fetchAll(
                db.cachedStatement(sql: "SELECT format FROM run_sources WHERE run_id = ? AND path != ? AND format != 'crawl'"),
                arguments: [published, request.source.path]))
        let bundle = Digest.Format.topicBundle.rawValue
        let madeByBundlesAlone = otherFormats == [bundle]
        if format == .topicBundle {
            guard !otherFormats.isEmpty, !madeByBundlesAlone else { return .published }
            return try listedIDs(of: request) == Archive.publishedIDs(of: published, db) ? .published : .bundle
        }
        // Rule 2, or rule 3 (a JSON, into a run a bundle joined): each compares the lists once.
        let movesAside = madeByBundlesAlone
        let copiesAside = !madeByBundlesAlone && (format == .json || format == .aiListing) && otherFormats.contains(bundle)
        guard movesAside || copiesAside, try listedIDs(of: request) != Archive.publishedIDs(of: published, db) else { return .published }
        try ensureNoOtherRun(digest: request.digestName, date: date, db)
        if movesAside {
            try db.cachedExecute(sql: "UPDATE runs SET variant = ? WHERE id = ?", arguments: [RunVariant.bundle.rawValue, published])
        } else {
            try copyToOtherRun(published, db)
        }
        return .published
    }

    /// Whether the published run `runID` was made by topic bundles alone and
    /// lists other papers than `listing`: then it is the day's other run.
    static func isBundleRunTakenForPublished(_ runID: Int64, listing: Set<String>, _ db: Database) throws -> Bool {
        let formats = try String.fetchAll(db, sql: "SELECT DISTINCT format FROM run_sources WHERE run_id = ?", arguments: [runID])
        guard formats == [Digest.Format.topicBundle.rawValue] else { return false }
        return try publishedIDs(of: runID, db) != listing
    }

    /// The archive keeps two runs of a day: a file that would make a third is refused.
    private func ensureNoOtherRun(digest: String, date: String, _ db: Database) throws {
        let exists = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE digest = ? AND date = ? AND variant = ?)"),
            arguments: [digest, date, RunVariant.bundle.rawValue])
        if exists == true { throw StoreError.threeRunsOfADay(date) }
    }

    /// Copies the published run (header, topic order, verdicts with their
    /// topics) to the day's other run, and moves its bundles' sources there.
    /// The published run keeps its header (the day's page, read with or
    /// after the JSON, gives the new one) and loses the topic order, which
    /// was the old listing's.
    private func copyToOtherRun(_ published: Int64, _ db: Database) throws {
        try db.cachedExecute(
            sql: """
                INSERT INTO runs (digest, date, variant, model, prompt_tokens, completion_tokens, total_tokens, prompt_cost, completion_cost,
                                  total_cost, total_papers, scanned_papers, relevant_papers, prompt_id, notes, summary, extra)
                SELECT digest, date, ?, model, prompt_tokens, completion_tokens, total_tokens, prompt_cost, completion_cost,
                       total_cost, total_papers, scanned_papers, relevant_papers, prompt_id, notes, summary, extra
                FROM runs WHERE id = ?
                """, arguments: [RunVariant.bundle.rawValue, published])
        let other = db.lastInsertedRowID
        try db.cachedExecute(sql: "UPDATE run_topics SET run_id = ? WHERE run_id = ?", arguments: [other, published])
        // The copies' ids follow the largest: each is its original's plus one offset.
        let offset = try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM verdicts")) ?? 0
        try db.cachedExecute(
            sql: """
                INSERT INTO verdicts (id, run_id, paper_id, position, relevance, novelty, score, comment, author_match,
                                      arxiv_version, announce_type, extra, topic_comment, topic_source)
                SELECT id + ?, ?, paper_id, position, relevance, novelty, score, comment, author_match,
                       arxiv_version, announce_type, extra, topic_comment, topic_source
                FROM verdicts WHERE run_id = ?
                """, arguments: [offset, other, published])
        try db.cachedExecute(
            sql: """
                INSERT INTO verdict_topics (verdict_id, topic_id, is_primary, position)
                SELECT t.verdict_id + ?, t.topic_id, t.is_primary, t.position FROM verdict_topics t JOIN verdicts v ON v.id = t.verdict_id
                WHERE v.run_id = ?
                """, arguments: [offset, published])
        try db.cachedExecute(
            sql: "UPDATE run_sources SET run_id = ? WHERE run_id = ? AND format = ?",
            arguments: [other, published, Digest.Format.topicBundle.rawValue])
        try noteListingChanged(
            paperIDs: try Int64.fetchAll(db.cachedStatement(sql: "SELECT paper_id FROM verdicts WHERE run_id = ?"), arguments: [other]), db)
    }

    /// The arXiv ids a file lists: its papers, or those its reader left out.
    private func listedIDs(of request: StoreRequest) throws -> Set<String> {
        let digest = request.digest
        if let ids = digest.leftOutIDs { return ids }
        if digest.papers.isEmpty, let readPapers = request.papersLeftOut { return Set(try readPapers().map(\.arxivID)) }
        return Set(digest.papers.map(\.arxivID))
    }

    /// The arXiv ids the run lists.
    private static func publishedIDs(of runID: Int64, _ db: Database) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db.cachedStatement(sql: "SELECT p.arxiv_id FROM verdicts v JOIN papers p ON p.id = v.paper_id WHERE v.run_id = ?"),
                arguments: [runID]))
    }
}
