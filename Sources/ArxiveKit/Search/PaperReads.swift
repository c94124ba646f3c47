import GRDB

/// One paper read back, over one read of the archive: the hit a search,
/// match or ranking shows, the detail `show` prints, the record an export
/// writes, and what the generators said of it beyond verdicts (topics,
/// spotlights, monthly picks).
struct PaperReads {
    let db: Database

    /// The id of `p`'s latest verdict (latest run date, then digest name)
    /// among those meeting `condition` (over `v` and `r`).
    static func latestVerdictID(meeting condition: SQL) -> SQL {
        """
        SELECT v.id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = p.id AND \(condition)
        ORDER BY r.date DESC, r.digest DESC, r.variant LIMIT 1
        """
    }

    /// The hit for one paper: its latest verdict (among those meeting
    /// `verdictCondition`, when the query set one), first and last days, and
    /// the snippet (the abstract's opening when the query matched no text).
    func hit(paperID: Int64, snippet: String?, verdictCondition: SQL? = nil) throws -> PaperHit {
        // Without a condition, the latest verdict is the one the import keeps in `papers`.
        // (Not `??`: on `SQL` values GRDB's `??` is SQL's IFNULL.)
        var latest: SQL = "p.latest_verdict_id"
        if let verdictCondition { latest = PaperReads.latestVerdictID(meeting: verdictCondition) }
        let query: SQL = """
            SELECT p.arxiv_id, p.title, p.abstract, p.first_seen, p.last_seen, p.published, p.categories,
                   lv.id AS verdict_id, lv.relevance, lv.novelty, lv.score, lv.comment, lv.author_match, lr.digest, lr.date
            FROM papers p LEFT JOIN verdicts lv ON lv.id = (\(latest)) LEFT JOIN runs lr ON lr.id = lv.run_id
            WHERE p.id = \(paperID)
            """
        // Cached: a search builds twenty hits with the same statement.
        let row = try Row.fetchOne(db.cachedStatement(literal: query))!
        // The latest verdict's topics, and the paper's spotlight on that day.
        let topics =
            try (row["verdict_id"] as Int64?).map {
                try listingTopics(verdictID: $0, paperID: paperID, digest: row["digest"], date: row["date"])
            } ?? ListingTopics()
        return PaperHit(
            arxivID: row["arxiv_id"], title: row["title"], authors: try authorNames(paperID: paperID),
            firstSeen: row["first_seen"], lastSeen: row["last_seen"],
            verdict: PaperReads.verdictFields(row),
            // Comments are stored one per line: a snippet stays on one.
            snippet: (snippet ?? PaperReads.opening(of: row["abstract"])).split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: " · "),
            published: row["published"],
            categories: (row["categories"] as String?)?.split(separator: " ").map(String.init) ?? [],
            topics: topics
        )
    }

    /// The first words of an abstract, as the snippet of a hit that matched no text.
    static func opening(of abstract: String, words: Int = 24) -> String {
        let all = abstract.split(separator: " ")
        return all.prefix(words).joined(separator: " ") + (all.count > words ? " …" : "")
    }

    /// The verdict columns of a row selecting `relevance, novelty, score, comment, author_match`.
    static func verdictFields(_ row: Row) -> VerdictFields {
        VerdictFields(
            relevance: row["relevance"], novelty: row["novelty"], score: row["score"],
            comment: row["comment"], authorMatch: row["author_match"] ?? false)
    }

    /// A paper's author names, in the paper's order.
    func authorNames(paperID: Int64) throws -> [String] {
        try Archive.authorNames(paperID: paperID, db)
    }

    /// A paper and every verdict it received, oldest first; nil when the archive has no such paper.
    func detail(_ arxivID: String) throws -> PaperDetail? {
        guard let paperID = try rowID(for: arxivID),
            let row = try Row.fetchOne(db, literal: "SELECT id, arxiv_id, title, abstract, catalogue FROM papers WHERE id = \(paperID)")
        else {
            return nil
        }
        let verdicts = try Row.fetchAll(
            db,
            literal: """
                SELECT v.id, r.digest, r.date, r.variant, v.position, v.relevance, v.novelty, v.score, v.comment, v.author_match
                FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = \(paperID) ORDER BY r.date, r.digest, r.variant
                """
        ).map { v in
            PaperDetail.Listing(
                digest: v["digest"], date: v["date"], position: v["position"], verdict: PaperReads.verdictFields(v),
                topics: try listingTopics(verdictID: v["id"], paperID: paperID, digest: v["digest"], date: v["date"]),
                variant: RunVariant(rawValue: v["variant"]) ?? .published)
        }
        return PaperDetail(
            arxivID: row["arxiv_id"], title: row["title"], authors: try authorNames(paperID: paperID),
            abstract: row["abstract"], verdicts: verdicts, marks: try Archive.marks(of: row["arxiv_id"], db),
            spotlights: try spotlights(paperID: paperID), monthlyPicks: try monthlyPicks(paperID: paperID),
            hotspots: try HotspotQueries(db: db).papers(where: "h.paper_id = \(paperID)"),
            catalogue: CatalogueFields(catalogueJSON: row["catalogue"]))
    }

    /// The records of these papers, in this order (ids not in the archive are left out).
    func records(arxivIDs: [String]) throws -> [PaperRecord] {
        try arxivIDs.compactMap { id in
            try Int64.fetchOne(db, literal: "SELECT id FROM papers WHERE arxiv_id = \(id)").map(record(paperID:))
        }
    }

    /// The records of the papers `query` matches (every paper when nil),
    /// most recently listed first; the first `limit` of them when given.
    func records(matching query: Query?, limit: Int?) throws -> [PaperRecord] {
        var sql: SQL = "SELECT id FROM papers"
        if let query {
            let matched = try PaperSearch(db: db).paperIDs(matching: query).ids
            sql += " WHERE id IN (\(sql: matched.map(String.init).joined(separator: ",")))"
        }
        sql += " ORDER BY last_seen DESC, arxiv_id DESC"
        if let limit { sql += " LIMIT \(limit)" }
        return try Int64.fetchAll(db, literal: sql).map(record(paperID:))
    }

    /// The paper of this id, also under the other spelling of an old-style
    /// number: `9606126` finds `astro-ph/9606126` (when one archive has that
    /// number), and `astro-ph/9606126` finds a `9606126` kept as written.
    func rowID(for arxivID: String) throws -> Int64? {
        if let id = try Int64.fetchOne(db, literal: "SELECT id FROM papers WHERE arxiv_id = \(arxivID)") { return id }
        if ArxivID.isBareOldStyle(arxivID) {
            // A scan of the ids (no index serves a suffix): only for a bare number the archive does not hold as written.
            let ids = try Int64.fetchAll(db, literal: "SELECT id FROM papers WHERE arxiv_id LIKE '%/' || \(arxivID) LIMIT 2")
            return ids.count == 1 ? ids[0] : nil
        }
        if let number = arxivID.split(separator: "/").last, arxivID.contains("/"), ArxivID.isBareOldStyle(number) {
            return try Int64.fetchOne(db, literal: "SELECT id FROM papers WHERE arxiv_id = \(String(number))")
        }
        return nil
    }

    /// The whole record of a paper, for exports.
    func record(paperID: Int64) throws -> PaperRecord {
        let row = try Row.fetchOne(
            db, literal: "SELECT arxiv_id, title, abstract, first_seen, last_seen, catalogue FROM papers WHERE id = \(paperID)")!
        let verdicts = try Row.fetchAll(
            db,
            literal: """
                SELECT r.digest, r.date, r.variant, v.position, v.relevance, v.novelty, v.score, v.comment, v.author_match,
                       v.arxiv_version, v.announce_type, v.extra
                FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = \(paperID)
                ORDER BY r.date, r.digest, r.variant DESC  -- of a day's two runs, the published one last: it is the latest
                """
        ).map { v in
            PaperRecord.Verdict(
                digest: v["digest"], date: v["date"], run: RunVariant(rawValue: v["variant"])?.writtenName,
                position: v["position"], relevance: v["relevance"],
                novelty: v["novelty"], score: v["score"], comment: v["comment"], authorMatch: v["author_match"],
                arxivVersion: v["arxiv_version"], announceType: v["announce_type"],
                extra: (v["extra"] as String?).flatMap(JSONValue.parse))
        }
        return PaperRecord(
            arxivID: row["arxiv_id"], title: row["title"], authors: try authorNames(paperID: paperID),
            abstract: row["abstract"], firstSeen: row["first_seen"], lastSeen: row["last_seen"],
            verdicts: verdicts, marks: try Archive.marks(of: row["arxiv_id"], db), catalogue: CatalogueFields(catalogueJSON: row["catalogue"]))
    }

    /// A listing's topics (primary first) and the paper's spotlight on the listing's day.
    func listingTopics(verdictID: Int64, paperID: Int64, digest: String, date: String) throws -> ListingTopics {
        var result = ListingTopics()
        for row in try Row.fetchAll(
            db.cachedStatement(
                literal: """
                    SELECT t.key, t.label, vt.is_primary FROM verdict_topics vt JOIN topics t ON t.id = vt.topic_id
                    WHERE vt.verdict_id = \(verdictID) ORDER BY vt.is_primary DESC, vt.position, t.id
                    """))
        {
            let topic = Topic(key: row["key"], label: row["label"])
            if row["is_primary"] as Bool { result.primaryTopic = topic }
            result.topics.append(topic)
        }
        result.ai = try aiFields(verdictID: verdictID)
        for row in try Row.fetchAll(
            db.cachedStatement(
                literal: """
                    SELECT t.kind, t.is_primary, s.comment FROM spotlight_tags t JOIN spotlight_days d ON d.id = t.day_id
                    LEFT JOIN spotlights s ON s.day_id = t.day_id AND s.paper_id = t.paper_id AND s.kind = t.kind
                    WHERE t.paper_id = \(paperID) AND d.digest = \(digest) AND d.date = \(date) ORDER BY t.is_primary DESC, t.kind
                    """))
        {
            result.spotlight.append(row["kind"])
            if row["is_primary"] as Bool { result.spotlightPrimary.append(row["kind"]) }
            result.spotlightComment = result.spotlightComment ?? row["comment"]
        }
        return result
    }

    /// The AI summary a verdict's `extra` carries (daily-arXiv-ai-enhanced); nil when it has none.
    func aiFields(verdictID: Int64) throws -> [String: String]? {
        guard let extra = try String.fetchOne(db.cachedStatement(literal: "SELECT extra FROM verdicts WHERE id = \(verdictID)")) else { return nil }
        return AIEnhancedReader.aiFields(inExtra: extra)
    }

    func spotlights(paperID: Int64) throws -> [SpotlightListing] {
        try Row.fetchAll(
            db,
            literal: """
                SELECT d.digest, d.date, t.kind, t.is_primary, s.comment FROM spotlight_tags t JOIN spotlight_days d ON d.id = t.day_id
                LEFT JOIN spotlights s ON s.day_id = t.day_id AND s.paper_id = t.paper_id AND s.kind = t.kind
                WHERE t.paper_id = \(paperID) ORDER BY d.date, d.digest, t.is_primary DESC, t.kind
                """
        ).map {
            SpotlightListing(digest: $0["digest"], date: $0["date"], kind: $0["kind"], comment: $0["comment"], primary: $0["is_primary"])
        }
    }

    func monthlyPicks(paperID: Int64) throws -> [MonthlyPickListing] {
        try Row.fetchAll(
            db,
            literal: """
                SELECT o.digest, o.month, m.position, m.kept, m.priority, m.comment, m.primary_category
                FROM monthly_picks m JOIN monthly_overviews o ON o.id = m.overview_id WHERE m.paper_id = \(paperID) ORDER BY o.month, o.digest
                """
        ).map {
            MonthlyPickListing(
                digest: $0["digest"], month: $0["month"], position: $0["position"], kept: $0["kept"],
                priority: $0["priority"], comment: $0["comment"], category: $0["primary_category"])
        }
    }
}
