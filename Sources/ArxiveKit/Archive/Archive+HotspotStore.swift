import Foundation
import GRDB

/// Storing a "Daily AI Hotspots" report: the day, its topics in their
/// sections with their source items, and the papers it spotlights. A
/// changed report replaces its day.
///
/// A day has two copies, its JSON report and its Markdown page. The report
/// holds everything, so it replaces a day stored from the Markdown; the
/// Markdown of a day stored from its report is only compared with it (a
/// note says where they differ). Two Markdown copies that agree (the
/// generator's and the site's) are one day.
extension Archive {
    func storeHotspotReport(
        _ report: HotspotReport, _ request: StoreRequest, importedAt: String, group: inout GroupState,
        _ db: Database
    ) throws -> StoreOutcome {
        let existing = try storedCopy(in: "hotspot_days", keyColumn: "date", key: report.date, request, db)
        if existing.sameBytes { return StoreOutcome(change: .unchanged) }
        let oldDay = existing.id
        if report.format == .markdown, let oldDay,
            let checked = try checkCopy(report, of: oldDay, request, importedAt: importedAt, db)
        {
            return checked
        }
        let held = try clearHotspotDay(oldDay, db)
        let dayID = try writeHotspotDay(report, request, importedAt: importedAt, db)
        try writeHotspotTopics(report, dayID: dayID, texts: request.hotspotTopicTexts, db)
        var outcome = StoreOutcome(change: .stored)
        var now = Set<Int64>()
        var count: [String: Int] = [:]
        for (index, spotlight) in report.papers.enumerated() {
            let (paperID, isNew) = try ensurePaper(spotlight.paper.digestPaper, names: request.authorNames[index], date: report.date, group: &group, db)
            if isNew { outcome.newPapers += 1 }
            now.insert(paperID)
            count[spotlight.kind, default: 0] += 1
            try db.cachedExecute(
                sql: """
                    INSERT OR IGNORE INTO hotspot_papers (day_id, kind, position, paper_id, comment, extra) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [dayID, spotlight.kind, count[spotlight.kind]!, paperID, spotlight.comment, spotlight.extra])
        }
        try dropUnreferenced(held.subtracting(now), group: &group, db)
        return outcome
    }

    /// A Markdown copy of a stored day, compared with it: the outcome when it
    /// is only recorded (it agrees, or the day came from its JSON report), nil
    /// when it replaces the day (a changed Markdown-only day).
    private func checkCopy(
        _ report: HotspotReport, of dayID: Int64, _ request: StoreRequest, importedAt: String,
        _ db: Database
    ) throws -> StoreOutcome? {
        let stored = try Archive.hotspotReport(dayID: dayID, db)
        let difference = stored.disagreement(with: report)
        guard difference == nil || stored.format != .markdown else { return nil }
        // Recorded, so that the next import knows it.
        try db.cachedExecute(
            sql: """
                INSERT OR REPLACE INTO hotspot_day_copies (day_id, source_path, source_sha256, difference, checked_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [dayID, request.source.path, request.source.sha256, difference, importedAt])
        var outcome = StoreOutcome(change: .checkedAgainstStored)
        if let difference {
            outcome.notes.append(
                "\(request.source.path): this Markdown copy of hotspot day \(report.date) differs from its JSON report "
                    + "(\(difference)); the report is kept")
        }
        return outcome
    }

    /// Empties a stored day (nothing for a new one) and returns the papers it spotlighted.
    private func clearHotspotDay(_ dayID: Int64?, _ db: Database) throws -> Set<Int64> {
        // The copies were checked against the day as it was.
        try db.cachedExecute(sql: "DELETE FROM hotspot_day_copies WHERE day_id = ?", arguments: [dayID])
        let held = try clearPapers(of: "hotspot_papers", parentColumn: "day_id", parent: dayID, db)
        // The old topics' indexed text leaves the index at the group's end (see `indexChangedText`),
        // unless they were added in this group and never indexed.
        try db.cachedExecute(
            sql: """
                INSERT OR IGNORE INTO temp.hot_fts_old SELECT id, title, headline, summary, takeaways, item_titles FROM hotspot_topics
                WHERE day_id = ? AND id NOT IN (SELECT id FROM temp.hot_fts_new)
                """, arguments: [dayID])
        try db.cachedExecute(sql: "DELETE FROM temp.hot_fts_new WHERE id IN (SELECT id FROM hotspot_topics WHERE day_id = ?)", arguments: [dayID])
        // Children first: no cascade while foreign-key checks are off (see `writeWithoutForeignKeyChecks`).
        try db.cachedExecute(sql: "DELETE FROM hotspot_items WHERE topic_id IN (SELECT id FROM hotspot_topics WHERE day_id = ?)", arguments: [dayID])
        try db.cachedExecute(sql: "DELETE FROM hotspot_topics WHERE day_id = ?", arguments: [dayID])
        return held
    }

    /// The day's own row, inserted or updated in place (its id stays); returns its id.
    private func writeHotspotDay(_ report: HotspotReport, _ request: StoreRequest, importedAt: String, _ db: Database) throws -> Int64 {
        try db.cachedExecute(
            sql: """
                INSERT INTO hotspot_days (digest, date, generated_at, mode, summary, model, prompt_tokens, completion_tokens, total_cost,
                                          source_stats, totals, costs, usage, extra, source_path, source_sha256, imported_at, source_format)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (digest, date) DO UPDATE SET generated_at = excluded.generated_at, mode = excluded.mode, summary = excluded.summary,
                    model = excluded.model, prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,
                    total_cost = excluded.total_cost, source_stats = excluded.source_stats, totals = excluded.totals, costs = excluded.costs,
                    usage = excluded.usage, extra = excluded.extra, source_path = excluded.source_path,
                    source_sha256 = excluded.source_sha256, imported_at = excluded.imported_at, source_format = excluded.source_format
                """,
            arguments: [
                request.digestName, report.date, report.generatedAt, report.mode, report.summary, report.model,
                report.promptTokens, report.completionTokens, report.totalCost, report.sourceStats, report.totals,
                report.costs, report.usage, report.extra, request.source.path, request.source.sha256, importedAt,
                (report.format ?? .json).rawValue,
            ])
        return try storedCopy(in: "hotspot_days", keyColumn: "date", key: report.date, request, db).id!
    }

    /// Each section's topics in order, with their source items; `texts` are
    /// their tags and scores as JSON (see `StoreRequest.hotspotTopicTexts`).
    private func writeHotspotTopics(_ report: HotspotReport, dayID: Int64, texts: [(tags: String?, scores: String?)], _ db: Database) throws {
        let insertTopic = try db.cachedStatement(
            sql: """
                INSERT INTO hotspot_topics (day_id, section, section_category, position, topic_key, title, headline, summary, why_it_matters,
                                            takeaways, item_titles, category, tags, event_type, final_score, scores, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertItem = try db.cachedStatement(
            sql: """
                INSERT INTO hotspot_items (topic_id, position, source_id, source_name, role, type, title, url, published_at, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var texts = texts.makeIterator()
        for section in report.sections {
            for (index, t) in section.topics.enumerated() {
                let (tags, scores) = texts.next()!
                try insertTopic.execute(arguments: [
                    dayID, section.kind.rawValue, section.category, index + 1, t.key, t.title, t.headline, t.summary, t.whyItMatters,
                    t.takeaways.joined(separator: "\n"), t.items.compactMap(\.title).joined(separator: "\n"), t.category,
                    tags, t.eventType, t.scores["FINAL_SCORE"], scores, t.extra,
                ])
                let topicID = db.lastInsertedRowID
                try db.cachedStatement(sql: "INSERT INTO temp.hot_fts_new (id) VALUES (?)").execute(arguments: [topicID])
                for (position, i) in t.items.enumerated() {
                    try insertItem.execute(arguments: [
                        topicID, position + 1, i.sourceID, i.sourceName, i.role, i.type, i.title, i.url,
                        i.publishedAt, i.extra,
                    ])
                }
            }
        }
    }
}

extension Archive {
    /// A stored hotspot day as the report it was read from (what an archive file carries).
    static func hotspotReport(dayID: Int64, _ db: Database) throws -> HotspotReport {
        let day = try Row.fetchOne(db, sql: "SELECT * FROM hotspot_days WHERE id = ?", arguments: [dayID])!
        var sections: [HotspotReport.Section] = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM hotspot_topics WHERE day_id = ? ORDER BY id", arguments: [dayID]) {
            let items = try Row.fetchAll(db, sql: "SELECT * FROM hotspot_items WHERE topic_id = ? ORDER BY position", arguments: [row["id"] as Int64]).map {
                HotspotReport.Item(
                    sourceID: $0["source_id"], sourceName: $0["source_name"], role: $0["role"], type: $0["type"], title: $0["title"],
                    url: $0["url"], publishedAt: $0["published_at"], extra: $0["extra"])
            }
            let takeaways: String = row["takeaways"]
            let topic = HotspotReport.Topic(
                key: row["topic_key"], title: row["title"], headline: row["headline"], summary: row["summary"], whyItMatters: row["why_it_matters"],
                takeaways: takeaways.isEmpty ? [] : takeaways.components(separatedBy: "\n"), category: row["category"],
                tags: ((row["tags"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }) ?? [],
                eventType: row["event_type"], scores: Archive.numbers(inJSONObject: row["scores"]), items: items, extra: row["extra"])
            let kind = HotspotReport.SectionKind(rawValue: row["section"]) ?? .featured
            let category: String? = row["section_category"]
            if let last = sections.last, last.kind == kind, last.category == category {
                sections[sections.count - 1].topics.append(topic)
            } else {
                sections.append(.init(kind: kind, category: category, topics: [topic]))
            }
        }
        let papers = try Row.fetchAll(
            db,
            sql: """
                SELECT h.kind, h.comment, h.extra, p.id, p.arxiv_id, p.title FROM hotspot_papers h JOIN papers p ON p.id = h.paper_id
                WHERE h.day_id = ? ORDER BY h.kind, h.position
                """, arguments: [dayID]
        ).map { row in
            HotspotReport.Paper(
                kind: row["kind"],
                paper: .init(
                    arxivID: row["arxiv_id"], title: row["title"],
                    authors: try authorNames(paperID: row["id"], db)),
                comment: row["comment"], extra: row["extra"])
        }
        let format: String = day["source_format"]
        return HotspotReport(
            date: day["date"], format: format == "markdown" ? .markdown : nil, generatedAt: day["generated_at"], mode: day["mode"], summary: day["summary"],
            model: day["model"],
            promptTokens: day["prompt_tokens"], completionTokens: day["completion_tokens"], totalCost: day["total_cost"],
            sourceStats: day["source_stats"], totals: day["totals"], costs: day["costs"], usage: day["usage"], extra: day["extra"],
            sections: sections, papers: papers)
    }

    /// A JSON object of numbers (a topic's scores, a day's source
    /// statistics) as stored; empty for anything else.
    ///
    /// Read with `JSONCursor`, not `JSONDecoder`: a hot search reads twenty
    /// of these, and the decoder's first use in a process was a sixth of
    /// the search's own time (perf, `hot search model`).
    static func numbers(inJSONObject text: String?) -> [String: Double] {
        guard var text else { return [:] }
        return text.withUTF8 { bytes in
            var cursor = JSONCursor(bytes)
            var numbers: [String: Double] = [:]
            do {
                try cursor.object { key, value throws(JSONCursor.Failure) in numbers[key] = try value.double() }
                try cursor.end()
            } catch {
                return [:]
            }
            return numbers
        }
    }
}
