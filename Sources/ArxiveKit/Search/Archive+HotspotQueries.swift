import Foundation
import GRDB

/// Reading the "Daily AI Hotspots" days back: search, a day as published,
/// each day's sources and cost, and how categories and sources move.
extension Archive {
    /// Topics matching `query` (parsed by `QueryParser.parseHotspotQuery`):
    /// ranked by bm25 (titles, then headlines, summaries and takeaways, then
    /// the source items' titles) when it has words; newest and best first
    /// when it only filters.
    public func hotspotSearch(_ query: Query, limit: Int = 20) throws -> [HotspotHit] {
        try database.read { db in
            var plan = HotspotPlan()
            try plan.add(query)
            guard let match = plan.match else { return try Archive.filteredHotspotHits(plan, limit: limit, db) }
            let ranked = try Archive.bestTopics(plan, match: match, limit: limit, db)
            let ids = ranked.isEmpty ? "NULL" : ranked.map(String.init).joined(separator: ",")
            // One query for every kept hit's snippet, over the matches between
            // the lowest and highest hit (`+rowid`: SQLite keeps the hits):
            // seeking each hit made FTS5 merge a prefix term's lists
            // (`valor*`) once per hit, 300 of the 330 ms of that search.
            var snippets: [Int64: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, snippet(hotspot_topics_fts, -1, char(2), char(3), '…', 24) AS snippet FROM hotspot_topics_fts
                    WHERE hotspot_topics_fts MATCH ? AND rowid BETWEEN \(ranked.min() ?? 0) AND \(ranked.max() ?? -1) AND +rowid IN (\(ids))
                    """, arguments: [match])
            {
                // Takeaways and item titles are stored one per line: a snippet stays on one.
                snippets[row["rowid"]] = (row["snippet"] as String).replacingOccurrences(of: "\n", with: " · ")
            }
            let rows = try Row.fetchAll(db, sql: "\(Archive.hitColumns) WHERE t.id IN (\(ids))")
            let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as Int64, $0) })
            return try ranked.compactMap { byID[$0] }.map { try Archive.hotspotHit($0, snippet: snippets[$0["id"]] ?? "", db) }
        }
    }

    /// What a hit shows of a topic (`t`) and its day (`d`).
    static let hitColumns = """
        SELECT t.id, d.date, t.title, t.category, t.section, t.scores, t.summary FROM hotspot_topics t JOIN hotspot_days d ON d.id = t.day_id
        """

    static func hotspotHit(_ row: Row, snippet: String, _ db: Database) throws -> HotspotHit {
        HotspotHit(
            date: row["date"], title: row["title"], category: row["category"], section: row["section"],
            scores: scores(row["scores"]), sources: try hotspotSources(topicID: row["id"], db), snippet: snippet)
    }

    /// A query with no words: the newest days first, each day's best first.
    /// The days are read newest first along their date index, and the scan
    /// stops once `limit` topics are found (SQLite sorts each day's topics
    /// by score only), rather than sorting every topic a filter selects:
    /// `source:hn_discussion`, 55 ms before, reads the last days only.
    static func filteredHotspotHits(_ plan: HotspotPlan, limit: Int, _ db: Database) throws -> [HotspotHit] {
        let conditions = (plan.conditions.isEmpty ? ["1"] : plan.conditions).joined(separator: " AND ")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT t.id, d.date, t.title, t.category, t.section, t.scores, t.summary
                FROM hotspot_days d INDEXED BY hotspot_days_by_date CROSS JOIN hotspot_topics t ON t.day_id = d.id
                WHERE \(conditions) ORDER BY d.date DESC, t.final_score DESC NULLS LAST, t.id LIMIT ?
                """, arguments: StatementArguments(plan.arguments + [limit])
        ).map {
            try hotspotHit($0, snippet: opening(of: $0["summary"] ?? ""), db)
        }
    }

    /// The hotspot days of `date`, one per digest, as published.
    public func hotspotDay(_ date: Day, digest: String? = nil) throws -> [HotspotDayListing] {
        try database.read { db in
            var sql = "SELECT id, digest, date, model, total_cost, summary, source_format FROM hotspot_days WHERE date = ?"
            var arguments: StatementArguments = [date]
            if let digest { sql += " AND digest = ?"; _ = arguments.append(contentsOf: [digest]) }
            return try Row.fetchAll(db, sql: sql + " ORDER BY digest", arguments: arguments).map { day in
                let dayID: Int64 = day["id"]
                var featured: [HotspotTopicView] = []
                var sections: [HotspotDayListing.Section] = []
                for row in try Row.fetchAll(db, sql: "SELECT * FROM hotspot_topics WHERE day_id = ? ORDER BY id", arguments: [dayID]) {
                    let view = try Archive.topicView(row, db)
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
                    papers: try Archive.hotspotPapers(where: "h.day_id = ?", [dayID], db))
            }
        }
    }

    /// Every hotspot day, oldest first: its sources, totals and cost; of `month` only when given.
    public func hotspotRuns(month: Month? = nil) throws -> [HotspotRun] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.*, (SELECT count(*) FROM hotspot_topics t WHERE t.day_id = d.id) AS topics,
                           (SELECT count(*) FROM hotspot_papers h WHERE h.day_id = d.id) AS papers
                    FROM hotspot_days d WHERE ? IS NULL OR d.date LIKE ? || '-%' ORDER BY d.date, d.digest
                    """, arguments: [month, month]
            ).map { row in
                HotspotRun(
                    digest: row["digest"], date: row["date"], model: row["model"], promptTokens: row["prompt_tokens"],
                    completionTokens: row["completion_tokens"], totalCost: row["total_cost"], topics: row["topics"], papers: row["papers"],
                    sourceStats: Archive.scores(row["source_stats"]).mapValues { Int($0) })
            }
        }
    }

    /// Topics per month by category and by source, and the most frequent sources and tags.
    public func hotspotTrends(limit: Int = 10) throws -> HotspotTrends {
        try database.read { db in
            func rows(_ sql: String) throws -> [HotspotTrends.Row] {
                try Row.fetchAll(db, sql: sql).map { HotspotTrends.Row(period: $0["period"], name: $0["name"], topics: $0["n"]) }
            }
            func counts(_ sql: String) throws -> [HotspotTrends.Count] {
                try Row.fetchAll(db, sql: sql, arguments: [limit]).map { HotspotTrends.Count(name: $0["name"], topics: $0["n"]) }
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
                    WHERE name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?
                    """),
                topTags: try counts(
                    """
                    SELECT j.value AS name, count(*) AS n FROM hotspot_topics t, json_each(t.tags) j GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?
                    """))
        }
    }

    /// The `limit` best topics the plan matches, best first.
    ///
    /// The words are ranked on the index alone, and only then are the
    /// conditions checked, on the best matches first, a few hundred at a
    /// time, until `limit` meet them. Joining each match's topic and day
    /// before ordering read thousands of rows (`model`: 6,425 of 14,000
    /// topics), and narrowing the match to a condition's topics (`rowid IN
    /// (...)`) made FTS5 seek each of them: half a second for `model source:hn_discussion`.
    static func bestTopics(_ plan: HotspotPlan, match: String, limit: Int, _ db: Database) throws -> [Int64] {
        let matches = try rankedTopics(match: match, db)
        guard !plan.conditions.isEmpty else { return best(limit, of: matches).map(\.id) }
        var kept: [Int64] = []
        let ordered = matches.sorted { $0.score < $1.score || ($0.score == $1.score && $0.id > $1.id) }.map(\.id)
        for start in stride(from: 0, to: ordered.count, by: 400) where kept.count < limit {
            let chunk = ordered[start..<min(start + 400, ordered.count)]
            let meeting = Set(
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT t.id FROM hotspot_topics t JOIN hotspot_days d ON d.id = t.day_id
                        WHERE t.id IN (\(chunk.map(String.init).joined(separator: ","))) AND \(plan.conditions.joined(separator: " AND "))
                        """, arguments: StatementArguments(plan.arguments)))
            kept += chunk.filter(meeting.contains).prefix(limit - kept.count)
        }
        return kept
    }

    /// Every topic the words match, with a score in bm25's order (lower is
    /// better; the schema's column weights). A query of one phrase is ranked
    /// by `PhraseRank`, which skips the two costs of bm25 on common words;
    /// other queries by bm25 itself, spelled out (`ORDER BY rank` took 4x
    /// as long on a prefix OR). Ties go to the newest topic.
    static func rankedTopics(match: String, _ db: Database) throws -> [(id: Int64, score: Double)] {
        if let rows = try PhraseRank.scores(
            sql: """
                SELECT hotspot_topics_fts.rowid, \(PhraseRank.columns(table: "hotspot_topics_fts", weights: hotspotWeights))
                FROM hotspot_topics_fts \(PhraseRank.join(table: "hotspot_topics_fts")) WHERE hotspot_topics_fts MATCH ?
                """, arguments: [match], db)
        {
            return rows
        }
        var rows: [(id: Int64, score: Double)] = []
        let weights = hotspotWeights.map { String($0) }.joined(separator: ", ")
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT rowid, bm25(hotspot_topics_fts, \(weights)) FROM hotspot_topics_fts WHERE hotspot_topics_fts MATCH ?
                """, arguments: [match])
        while let row = try cursor.next() { rows.append((row[0], row[1])) }
        return rows
    }

    /// Titles, headlines, summaries, takeaways, the items' titles: as the schema's `rank` option has them.
    static let hotspotWeights: [Double] = [8, 4, 2, 2, 1]

    static func topicView(_ row: Row, _ db: Database) throws -> HotspotTopicView {
        HotspotTopicView(
            title: row["title"], headline: row["headline"], summary: row["summary"], whyItMatters: row["why_it_matters"],
            takeaways: (row["takeaways"] as String).split(separator: "\n").map(String.init), category: row["category"],
            tags: ((row["tags"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }) ?? [],
            eventType: row["event_type"], scores: scores(row["scores"]), sources: try hotspotSources(topicID: row["id"], db))
    }

    static func hotspotSources(topicID: Int64, _ db: Database) throws -> [HotspotSource] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT source_name, source_id, role, type, title, url FROM hotspot_items WHERE topic_id = ? ORDER BY position
                    """), arguments: [topicID]
        ).map {
            HotspotSource(name: $0["source_name"] ?? $0["source_id"], role: $0["role"], type: $0["type"], title: $0["title"], url: $0["url"])
        }
    }

    /// Spotlighted papers (`h` is `hotspot_papers`), by day and kind.
    static func hotspotPapers(where condition: String, _ arguments: [any DatabaseValueConvertible], _ db: Database) throws -> [HotspotPaperListing] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.arxiv_id, p.title, d.date, h.kind, h.comment FROM hotspot_papers h
                JOIN hotspot_days d ON d.id = h.day_id JOIN papers p ON p.id = h.paper_id
                WHERE \(condition) ORDER BY d.date, d.digest, h.kind, h.position
                """, arguments: StatementArguments(arguments)
        ).map {
            HotspotPaperListing(arxivID: $0["arxiv_id"], title: $0["title"], date: $0["date"], kind: $0["kind"], comment: $0["comment"])
        }
    }

    /// A JSON object of numbers; empty for anything else.
    static func scores(_ text: String?) -> [String: Double] {
        guard let text, let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: Double].self, from: data)) ?? [:]
    }
}

/// A hotspot query compiled for SQLite: a MATCH over `hotspot_topics_fts`
/// for its top-level words, and conditions over `t` (topics) and `d` (days).
/// Words reach FTS5 quoted, as in paper searches (`SearchPlan.fts`).
struct HotspotPlan {
    var match: String?
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []

    mutating func add(_ query: Query) throws {
        let parts: [Query] = if case .and(let all) = query { all } else { [query] }
        let positive = parts.filter(\.isFTSExpressible)
        if !positive.isEmpty {
            var expression = positive.map { "(\(SearchPlan.fts($0)))" }.joined(separator: " AND ")
            for case .not(let inner) in parts where inner.isFTSExpressible { expression = "(\(expression)) NOT (\(SearchPlan.fts(inner)))" }
            match = expression
        }
        for part in parts where !part.isFTSExpressible {
            if case .not(let inner) = part, inner.isFTSExpressible, match != nil { continue }
            conditions.append(try condition(part))
        }
    }

    mutating func condition(_ q: Query) throws -> String {
        switch q {
        case _ where q.isFTSExpressible:
            arguments.append(SearchPlan.fts(q))
            return "t.id IN (SELECT rowid FROM hotspot_topics_fts WHERE hotspot_topics_fts MATCH ?)"
        case .text: preconditionFailure("text is always FTS-expressible")
        case .and(let parts): return "(" + (try parts.map { try condition($0) }).joined(separator: " AND ") + ")"
        case .or(let parts): return "(" + (try parts.map { try condition($0) }).joined(separator: " OR ") + ")"
        case .not(let inner): return "NOT \(try condition(inner))"
        case .filter(.date(let from, let to)):
            var parts: [String] = []
            if let from { parts.append("d.date >= ?"); arguments.append(from) }
            if let to { parts.append("d.date <= ?"); arguments.append(to) }
            return "(" + parts.joined(separator: " AND ") + ")"
        case .filter(.hotCategory(let name)):
            arguments += [name, name]
            return "(t.category = ? COLLATE NOCASE OR t.section_category = ? COLLATE NOCASE)"
        case .filter(.hotSource(let name)):
            arguments += [name, name]
            // Probed per topic: the scans stop after a few topics (see `filteredHotspotHits`, `bestTopics`),
            // where listing every item of a common source first took 15 ms.
            return "EXISTS (SELECT 1 FROM hotspot_items i WHERE i.topic_id = t.id AND (i.source_id = ? COLLATE NOCASE OR i.source_name = ? COLLATE NOCASE))"
        case .filter(.hotSection(let name)):
            arguments.append(name)
            return "t.section = ?"
        case .filter(.hotScore(let name, let range)):
            var args: [any DatabaseValueConvertible] = []
            let sql = SearchPlan.number("json_extract(t.scores, '$.\(name)')", range, &args)
            arguments += args
            return "(\(sql))"
        case .filter:
            preconditionFailure("a paper field in a hotspot query: the parser never makes one")
        }
    }
}
