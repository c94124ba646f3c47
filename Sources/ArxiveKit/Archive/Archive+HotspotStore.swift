import Foundation
import GRDB

/// Storing a "Daily AI Hotspots" report: the day, its topics in their
/// sections with their source items, and the papers it spotlights. A
/// changed report replaces its day.
extension Archive {
    func storeHotspotReport(_ report: HotspotReport, _ request: StoreRequest, importedAt: String, group: inout GroupState,
                            _ db: Database) throws -> StoreOutcome {
        let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, source_sha256 FROM hotspot_days WHERE digest = ? AND date = ?"),
                                        arguments: [request.digestName, report.date])
        if existing?["source_sha256"] == request.source.sha256 { return StoreOutcome(change: .unchanged) }
        let oldDay: Int64? = existing?["id"]
        let held = try Int64.fetchAll(db.cachedStatement(sql: "SELECT paper_id FROM hotspot_papers WHERE day_id = ?"), arguments: [oldDay])
        // Children first: no cascade while foreign-key checks are off (see `writeWithoutForeignKeyChecks`).
        try db.cachedExecute(sql: "DELETE FROM hotspot_items WHERE topic_id IN (SELECT id FROM hotspot_topics WHERE day_id = ?)", arguments: [oldDay])
        try db.cachedExecute(sql: "DELETE FROM hotspot_topics WHERE day_id = ?", arguments: [oldDay])
        try db.cachedExecute(sql: "DELETE FROM hotspot_papers WHERE day_id = ?", arguments: [oldDay])
        try db.cachedExecute(sql: """
            INSERT INTO hotspot_days (digest, date, generated_at, mode, summary, model, prompt_tokens, completion_tokens, total_cost,
                                      source_stats, totals, costs, usage, extra, source_path, source_sha256, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (digest, date) DO UPDATE SET generated_at = excluded.generated_at, mode = excluded.mode, summary = excluded.summary,
                model = excluded.model, prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,
                total_cost = excluded.total_cost, source_stats = excluded.source_stats, totals = excluded.totals, costs = excluded.costs,
                usage = excluded.usage, extra = excluded.extra, source_path = excluded.source_path,
                source_sha256 = excluded.source_sha256, imported_at = excluded.imported_at
            """, arguments: [request.digestName, report.date, report.generatedAt, report.mode, report.summary, report.model,
                             report.promptTokens, report.completionTokens, report.totalCost, report.sourceStats, report.totals,
                             report.costs, report.usage, report.extra, request.source.path, request.source.sha256, importedAt])
        let dayID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM hotspot_days WHERE digest = ? AND date = ?"),
                                       arguments: [request.digestName, report.date])!
        let insertTopic = try db.cachedStatement(sql: """
            INSERT INTO hotspot_topics (day_id, section, section_category, position, topic_key, title, headline, summary, why_it_matters,
                                        takeaways, item_titles, category, tags, event_type, final_score, scores, extra)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertItem = try db.cachedStatement(sql: """
            INSERT INTO hotspot_items (topic_id, position, source_id, source_name, role, type, title, url, published_at, extra)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for section in report.sections {
            for (index, t) in section.topics.enumerated() {
                try insertTopic.execute(arguments: [
                    dayID, section.kind.rawValue, section.category, index + 1, t.key, t.title, t.headline, t.summary, t.whyItMatters,
                    t.takeaways.joined(separator: "\n"), t.items.compactMap(\.title).joined(separator: "\n"), t.category,
                    JSONObjects.text(t.tags), t.eventType, t.scores["FINAL_SCORE"], JSONObjects.text(t.scores), t.extra,
                ])
                let topicID = db.lastInsertedRowID
                for (position, i) in t.items.enumerated() {
                    try insertItem.execute(arguments: [topicID, position + 1, i.sourceID, i.sourceName, i.role, i.type, i.title, i.url,
                                                       i.publishedAt, i.extra])
                }
            }
        }
        var outcome = StoreOutcome(change: .stored)
        var now = Set<Int64>()
        var count: [String: Int] = [:]
        for (index, spotlight) in report.papers.enumerated() {
            let (paperID, isNew) = try ensurePaper(spotlight.paper, names: request.authorNames[index], date: report.date, group: &group, db)
            if isNew { outcome.newPapers += 1 }
            now.insert(paperID)
            count[spotlight.kind, default: 0] += 1
            try db.cachedExecute(sql: """
                INSERT OR IGNORE INTO hotspot_papers (day_id, kind, position, paper_id, comment, extra) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [dayID, spotlight.kind, count[spotlight.kind]!, paperID, spotlight.comment, spotlight.extra])
        }
        try dropUnreferenced(Set(held).subtracting(now), group: &group, db)
        return outcome
    }
}
