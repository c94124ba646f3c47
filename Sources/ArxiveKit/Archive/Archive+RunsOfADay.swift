import GRDB

/// The one place that decides which run of its day a digest file belongs
/// to (`RunVariant`), the same whatever order the files come in:
///
/// - A topic bundle joins the published run when that run lists exactly
///   the bundle's papers, or when nothing but bundles made it (there is
///   nothing to compare with yet). Otherwise the generator ran twice: the
///   bundle is the day's other run.
/// - A file of the published run (the day's JSON or a page) that finds it
///   made by bundles alone, with other papers than its own, moves that run
///   aside as the other run and starts the published run afresh.
///
/// A bundle whose day's JSON is in the same import is stored after every
/// other file (`StoreRequest.storedLast`); the second rule is for a bundle
/// stored before its day's other files (an earlier import, or a day with a
/// page and no JSON).
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
        let madeByBundlesAlone = otherFormats == [Digest.Format.topicBundle.rawValue]
        if format == .topicBundle {
            guard !otherFormats.isEmpty, !madeByBundlesAlone else { return .published }
            return try listedIDs(of: request) == publishedIDs(of: published, db) ? .published : .bundle
        }
        guard madeByBundlesAlone, try listedIDs(of: request) != publishedIDs(of: published, db) else { return .published }
        // The bundle's run was taken for the published one: it is the other run.
        let otherRunExists = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE digest = ? AND date = ? AND variant = ?)"),
            arguments: [request.digestName, date, RunVariant.bundle.rawValue])
        if otherRunExists == true { throw StoreError.threeRunsOfADay(date) }
        try db.cachedExecute(sql: "UPDATE runs SET variant = ? WHERE id = ?", arguments: [RunVariant.bundle.rawValue, published])
        return .published
    }

    /// The arXiv ids a file lists: its papers, or those its reader left out.
    private func listedIDs(of request: StoreRequest) throws -> Set<String> {
        let digest = request.digest
        if let ids = digest.leftOutIDs { return ids }
        if digest.papers.isEmpty, let readPapers = request.papersLeftOut { return Set(try readPapers().map(\.arxivID)) }
        return Set(digest.papers.map(\.arxivID))
    }

    private func publishedIDs(of runID: Int64, _ db: Database) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db.cachedStatement(sql: "SELECT p.arxiv_id FROM verdicts v JOIN papers p ON p.id = v.paper_id WHERE v.run_id = ?"),
                arguments: [runID]))
    }
}
