import Foundation
import GRDB

/// Reading the "Daily AI Hotspots" days back, over one read of the
/// archive: search, a day as published, each day's sources and cost, and
/// how categories and sources move.
struct HotspotQueries {
    let db: Database

    /// Topics matching `query` (parsed by `QueryParser.parseHotspotQuery`):
    /// ranked by bm25 (titles, then headlines, summaries and takeaways, then
    /// the source items' titles) when it has words; newest and best first
    /// when it only filters.
    func search(_ query: Query, limit: Int) throws -> [HotspotHit] {
        var plan = HotspotPlan()
        try plan.add(query)
        guard let match = plan.match else { return try filteredHits(plan, limit: limit) }
        let ranked = try bestTopics(plan, match: match, limit: limit)
        // Ids the archive gave: inlined, as is the span between them.
        let ids = ranked.isEmpty ? "NULL" : ranked.map(String.init).joined(separator: ",")
        let span = "\(ranked.min() ?? 0) AND \(ranked.max() ?? -1)"
        // One query for every kept hit's snippet, over the matches between
        // the lowest and highest hit (`+rowid`: SQLite keeps the hits):
        // seeking each hit made FTS5 merge a prefix term's lists
        // (`valor*`) once per hit, 300 of the 330 ms of that search.
        var snippets: [Int64: String] = [:]
        for row in try Row.fetchAll(
            db,
            literal: """
                SELECT rowid, snippet(hotspot_topics_fts, -1, char(2), char(3), '…', 24) AS snippet FROM hotspot_topics_fts
                WHERE hotspot_topics_fts MATCH \(match) AND rowid BETWEEN \(sql: span) AND +rowid IN (\(sql: ids))
                """)
        {
            // Takeaways and item titles are stored one per line: a snippet stays on one.
            // (Split and joined: Foundation's `replacingOccurrences` cost a tenth of the search on its first use.)
            snippets[row["rowid"]] = (row["snippet"] as String).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " · ")
        }
        let rows = try Row.fetchAll(db, literal: "\(HotspotQueries.hitColumns) WHERE t.id IN (\(sql: ids))")
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as Int64, $0) })
        return try ranked.compactMap { byID[$0] }.map { try hit($0, snippet: snippets[$0["id"]] ?? "") }
    }

    /// What a hit shows of a topic (`t`) and its day (`d`).
    static let hitColumns: SQL = """
        SELECT t.id, d.date, t.title, t.category, t.section, t.scores, t.summary FROM hotspot_topics t JOIN hotspot_days d ON d.id = t.day_id
        """

    func hit(_ row: Row, snippet: String) throws -> HotspotHit {
        HotspotHit(
            date: row["date"], title: row["title"], category: row["category"], section: row["section"],
            scores: Archive.numbers(inJSONObject: row["scores"]), sources: try sources(topicID: row["id"]), snippet: snippet)
    }

    /// A query with no words: the newest days first, each day's best first.
    /// The days are read newest first along their date index, and the scan
    /// stops once `limit` topics are found (SQLite sorts each day's topics
    /// by score only), rather than sorting every topic a filter selects:
    /// `source:hn_discussion`, 55 ms before, reads the last days only.
    func filteredHits(_ plan: HotspotPlan, limit: Int) throws -> [HotspotHit] {
        let conditions = (plan.conditions.isEmpty ? ["1"] : plan.conditions).joined(separator: " AND ")
        return try Row.fetchAll(
            db,
            literal: """
                SELECT t.id, d.date, t.title, t.category, t.section, t.scores, t.summary
                FROM hotspot_days d INDEXED BY hotspot_days_by_date CROSS JOIN hotspot_topics t ON t.day_id = d.id
                WHERE \(conditions) ORDER BY d.date DESC, t.final_score DESC NULLS LAST, t.id LIMIT \(limit)
                """
        ).map {
            try hit($0, snippet: PaperReads.opening(of: $0["summary"] ?? ""))
        }
    }

    /// The hotspot days of `date`, one per digest, as published.
    func day(_ date: Day, digest: String?) throws -> [HotspotDayListing] {
        var sql: SQL = "SELECT id, digest, date, model, total_cost, summary, source_format FROM hotspot_days WHERE date = \(date)"
        if let digest { sql += " AND digest = \(digest)" }
        return try Row.fetchAll(db, literal: sql + " ORDER BY digest").map { day in
            let dayID: Int64 = day["id"]
            var featured: [HotspotTopicView] = []
            var sections: [HotspotDayListing.Section] = []
            for row in try Row.fetchAll(db, literal: "SELECT * FROM hotspot_topics WHERE day_id = \(dayID) ORDER BY id") {
                let view = try topicView(row)
                let kind: String = row["section"], category: String? = row["section_category"]
                if kind == HotspotReport.SectionKind.featured.rawValue { featured.append(view); continue }
                if let last = sections.last, last.kind == kind, last.category == category {
                    sections[sections.count - 1].topics.append(view)
                } else {
                    sections.append(.init(kind: kind, category: category, topics: [view]))
                }
            }
            return HotspotDayListing(
                digest: day["digest"], date: day["date"], model: day["model"], totalCost: day["total_cost"],
                summary: day["summary"], sourceFormat: day["source_format"], featured: featured, sections: sections,
                papers: try papers(where: "h.day_id = \(dayID)"))
        }
    }

    /// Every hotspot day, oldest first: its sources, totals and cost; of `month` only when given.
    func runs(month: Month?) throws -> [HotspotRun] {
        try Row.fetchAll(
            db,
            literal: """
                SELECT d.*, (SELECT count(*) FROM hotspot_topics t WHERE t.day_id = d.id) AS topics,
                       (SELECT count(*) FROM hotspot_papers h WHERE h.day_id = d.id) AS papers
                FROM hotspot_days d WHERE \(month) IS NULL OR d.date LIKE \(month) || '-%' ORDER BY d.date, d.digest
                """
        ).map { row in
            HotspotRun(
                digest: row["digest"], date: row["date"], model: row["model"], promptTokens: row["prompt_tokens"],
                completionTokens: row["completion_tokens"], totalCost: row["total_cost"], topics: row["topics"], papers: row["papers"],
                sourceStats: Archive.numbers(inJSONObject: row["source_stats"]).mapValues { Int($0) })
        }
    }

    /// Topics per month by category and by source, and the most frequent sources and tags.
    func trends(limit: Int) throws -> HotspotTrends {
        func rows(_ sql: SQL) throws -> [HotspotTrends.Row] {
            try Row.fetchAll(db, literal: sql).map { HotspotTrends.Row(period: $0["period"], name: $0["name"], topics: $0["n"]) }
        }
        func counts(_ sql: SQL) throws -> [HotspotTrends.Count] {
            try Row.fetchAll(db, literal: sql).map { HotspotTrends.Count(name: $0["name"], topics: $0["n"]) }
        }
        return HotspotTrends(
            byCategory: try rows(
                """
                SELECT substr(d.date, 1, 7) AS period, coalesce(t.category, '(none)') AS name, count(*) AS n
                FROM hotspot_topics t JOIN hotspot_days d ON d.id = t.day_id GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2
                """),
            bySource: try rows(
                """
                SELECT substr(d.date, 1, 7) AS period, coalesce(i.source_name, i.source_id, '(none)') AS name, count(DISTINCT t.id) AS n
                FROM hotspot_items i JOIN hotspot_topics t ON t.id = i.topic_id JOIN hotspot_days d ON d.id = t.day_id
                GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2
                """),
            topSources: try counts(
                """
                SELECT coalesce(i.source_name, i.source_id) AS name, count(DISTINCT i.topic_id) AS n FROM hotspot_items i
                WHERE name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT \(limit)
                """),
            topTags: try counts(
                """
                SELECT j.value AS name, count(*) AS n FROM hotspot_topics t, json_each(t.tags) j GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT \(limit)
                """))
    }

    /// The `limit` best topics the plan matches, best first.
    ///
    /// The words are ranked on the index alone, and only then are the
    /// conditions checked, on the best matches first, a few hundred at a
    /// time, until `limit` meet them. Joining each match's topic and day
    /// before ordering read thousands of rows (`model`: 6,425 of 14,000
    /// topics), and narrowing the match to a condition's topics (`rowid IN
    /// (...)`) made FTS5 seek each of them: half a second for `model source:hn_discussion`.
    func bestTopics(_ plan: HotspotPlan, match: String, limit: Int) throws -> [Int64] {
        let matches = try rankedTopics(match: match)
        guard !plan.conditions.isEmpty else { return PaperSearch.best(limit, of: matches).map(\.id) }
        var kept: [Int64] = []
        let ordered = matches.sorted { $0.score < $1.score || ($0.score == $1.score && $0.id > $1.id) }.map(\.id)
        for start in stride(from: 0, to: ordered.count, by: 400) where kept.count < limit {
            let chunk = ordered[start..<min(start + 400, ordered.count)]
            let meeting = Set(
                try Int64.fetchAll(
                    db,
                    literal: """
                        SELECT t.id FROM hotspot_topics t JOIN hotspot_days d ON d.id = t.day_id
                        WHERE t.id IN (\(sql: chunk.map(String.init).joined(separator: ","))) AND \(plan.conditions.joined(separator: " AND "))
                        """))
            kept += chunk.filter(meeting.contains).prefix(limit - kept.count)
        }
        return kept
    }

    /// Every topic the words match, with a score in bm25's order (lower is
    /// better; the schema's column weights). A query of one phrase is ranked
    /// by `PhraseRank`, which skips the two costs of bm25 on common words;
    /// other queries by bm25 itself, spelled out (`ORDER BY rank` took 4x
    /// as long on a prefix OR). Ties go to the newest topic.
    func rankedTopics(match: String) throws -> [(id: Int64, score: Double)] {
        let columns = PhraseRank.columns(table: "hotspot_topics_fts", weights: HotspotQueries.weights)
        if let rows = try PhraseRank.scores(
            """
            SELECT hotspot_topics_fts.rowid, \(sql: columns)
            FROM hotspot_topics_fts \(sql: PhraseRank.join(table: "hotspot_topics_fts")) WHERE hotspot_topics_fts MATCH \(match)
            """, db)
        {
            return rows
        }
        var rows: [(id: Int64, score: Double)] = []
        let weights = HotspotQueries.weights.map { String($0) }.joined(separator: ", ")
        let cursor = try Row.fetchCursor(
            db,
            literal: """
                SELECT rowid, bm25(hotspot_topics_fts, \(sql: weights)) FROM hotspot_topics_fts WHERE hotspot_topics_fts MATCH \(match)
                """)
        while let row = try cursor.next() { rows.append((row[0], row[1])) }
        return rows
    }

    /// Titles, headlines, summaries, takeaways, the items' titles: as the schema's `rank` option has them.
    static let weights: [Double] = [8, 4, 2, 2, 1]

    func topicView(_ row: Row) throws -> HotspotTopicView {
        HotspotTopicView(
            title: row["title"], headline: row["headline"], summary: row["summary"], whyItMatters: row["why_it_matters"],
            takeaways: (row["takeaways"] as String).split(separator: "\n").map(String.init), category: row["category"],
            tags: ((row["tags"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }) ?? [],
            eventType: row["event_type"], scores: Archive.numbers(inJSONObject: row["scores"]), sources: try sources(topicID: row["id"]))
    }

    func sources(topicID: Int64) throws -> [HotspotSource] {
        try Row.fetchAll(
            db.cachedStatement(
                literal: """
                    SELECT source_name, source_id, role, type, title, url FROM hotspot_items WHERE topic_id = \(topicID) ORDER BY position
                    """)
        ).map {
            HotspotSource(name: $0["source_name"] ?? $0["source_id"], role: $0["role"], type: $0["type"], title: $0["title"], url: $0["url"])
        }
    }

    /// Spotlighted papers (`h` is `hotspot_papers`), by day and kind.
    func papers(where condition: SQL) throws -> [HotspotPaperListing] {
        try Row.fetchAll(
            db,
            literal: """
                SELECT p.arxiv_id, p.title, d.date, h.kind, h.comment FROM hotspot_papers h
                JOIN hotspot_days d ON d.id = h.day_id JOIN papers p ON p.id = h.paper_id
                WHERE \(condition) ORDER BY d.date, d.digest, h.kind, h.position
                """
        ).map {
            HotspotPaperListing(arxivID: $0["arxiv_id"], title: $0["title"], date: $0["date"], kind: $0["kind"], comment: $0["comment"])
        }
    }
}
