import GRDB

/// Reading back what the generators said beyond verdicts: topics,
/// spotlights and monthly picks, for `day` and `show`.
extension Archive {
    /// A listing's topics (primary first) and the paper's spotlight on the listing's day.
    static func listingTopics(verdictID: Int64, paperID: Int64, digest: String, date: String, _ db: Database) throws -> ListingTopics {
        var result = ListingTopics()
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT t.key, t.label, vt.is_primary FROM verdict_topics vt JOIN topics t ON t.id = vt.topic_id
                    WHERE vt.verdict_id = ? ORDER BY vt.is_primary DESC, t.id
                    """), arguments: [verdictID])
        {
            let topic = Topic(key: row["key"], label: row["label"])
            if row["is_primary"] as Bool { result.primaryTopic = topic }
            result.topics.append(topic)
        }
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT s.kind, s.comment FROM spotlights s JOIN spotlight_days d ON d.id = s.day_id
                    WHERE s.paper_id = ? AND d.digest = ? AND d.date = ? ORDER BY s.kind
                    """), arguments: [paperID, digest, date])
        {
            result.spotlight.append(row["kind"])
            result.spotlightComment = result.spotlightComment ?? row["comment"]
        }
        return result
    }

    /// Every topic some verdict is filed under, the most used first (one
    /// entry per id: two digests sharing an id count together).
    public func topics() throws -> [Topic] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.key, max(t.label) AS label, count(*) AS n FROM verdict_topics vt JOIN topics t ON t.id = vt.topic_id
                    GROUP BY t.key ORDER BY n DESC, t.key
                    """
            ).map { Topic(key: $0["key"], label: $0["label"]) }
        }
    }

    /// The run's topics in the day's order.
    static func topicOrder(runID: Int64, _ db: Database) throws -> [Topic] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT t.key, t.label FROM run_topics rt JOIN topics t ON t.id = rt.topic_id WHERE rt.run_id = ? ORDER BY rt.position
                    """), arguments: [runID]
        ).map { Topic(key: $0["key"], label: $0["label"]) }
    }

    static func spotlights(paperID: Int64, _ db: Database) throws -> [SpotlightListing] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.digest, d.date, s.kind, s.comment FROM spotlights s JOIN spotlight_days d ON d.id = s.day_id
                WHERE s.paper_id = ? ORDER BY d.date, d.digest, s.kind
                """, arguments: [paperID]
        ).map {
            SpotlightListing(digest: $0["digest"], date: $0["date"], kind: $0["kind"], comment: $0["comment"])
        }
    }

    static func monthlyPicks(paperID: Int64, _ db: Database) throws -> [MonthlyPickListing] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT o.digest, o.month, m.position, m.kept, m.priority, m.comment, m.primary_category
                FROM monthly_picks m JOIN monthly_overviews o ON o.id = m.overview_id WHERE m.paper_id = ? ORDER BY o.month, o.digest
                """, arguments: [paperID]
        ).map {
            MonthlyPickListing(
                digest: $0["digest"], month: $0["month"], position: $0["position"], kept: $0["kept"],
                priority: $0["priority"], comment: $0["comment"], category: $0["primary_category"])
        }
    }

    /// The paper of this id, also under the other spelling of an old-style
    /// number: `9606126` finds `astro-ph/9606126` (when one archive has that
    /// number), and `astro-ph/9606126` finds a `9606126` kept as written.
    static func paperRowID(for arxivID: String, _ db: Database) throws -> Int64? {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM papers WHERE arxiv_id = ?", arguments: [arxivID]) { return id }
        if ArxivID.isBareOldStyle(arxivID) {
            // A scan of the ids (no index serves a suffix): only for a bare number the archive does not hold as written.
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM papers WHERE arxiv_id LIKE '%/' || ? LIMIT 2", arguments: [arxivID])
            return ids.count == 1 ? ids[0] : nil
        }
        if let number = arxivID.split(separator: "/").last, arxivID.contains("/"), ArxivID.isBareOldStyle(number) {
            return try Int64.fetchOne(db, sql: "SELECT id FROM papers WHERE arxiv_id = ?", arguments: [String(number)])
        }
        return nil
    }
}
