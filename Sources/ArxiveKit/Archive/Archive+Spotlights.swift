import GRDB

/// Storing a day's spotlight file and the generator's monthly overview:
/// facts about papers (most of them listed by no digest that day) and
/// months, each file replacing what its day or month held before.
extension Archive {
    func storeSpotlights(
        _ day: SpotlightDay, _ request: StoreRequest, importedAt: String, group: inout GroupState,
        _ db: Database
    ) throws -> StoreOutcome {
        let existing = try storedCopy(in: "spotlight_days", keyColumn: "date", key: day.date, request, db)
        if existing.sameBytes { return StoreOutcome(change: .unchanged) }
        let held = try clearPapers(of: "spotlights", parentColumn: "day_id", parent: existing.id, db)
        try db.cachedExecute(sql: "DELETE FROM spotlight_tags WHERE day_id = ?", arguments: [existing.id])
        try db.cachedExecute(
            sql: """
                INSERT INTO spotlight_days (digest, date, total_candidates, thresholds, caps, sections, source_path, source_sha256, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (digest, date) DO UPDATE SET total_candidates = excluded.total_candidates, thresholds = excluded.thresholds,
                    caps = excluded.caps, sections = excluded.sections, source_path = excluded.source_path,
                    source_sha256 = excluded.source_sha256, imported_at = excluded.imported_at
                """,
            arguments: [
                request.digestName, day.date, day.totalCandidates, day.thresholds, day.caps,
                Archive.sectionsText(day.sections), request.source.path, request.source.sha256, importedAt,
            ])
        let dayID = try storedCopy(in: "spotlight_days", keyColumn: "date", key: day.date, request, db).id!
        let nameIndex = Dictionary(day.papers.enumerated().map { ($1.paper.arxivID, $0) }, uniquingKeysWith: { first, _ in first })
        var outcome = StoreOutcome(change: .stored)
        var now = [String: Int64]()
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO spotlights (day_id, kind, position, paper_id, comment, relevance, novelty, score, verdict_comment, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (kind, position, spotlight) in day.spotlights {
            let p = spotlight.paper
            let (paperID, isNew) = try ensurePaper(p, names: request.authorNames[nameIndex[p.arxivID]!], date: day.date, group: &group, db)
            if isNew { outcome.newPapers += 1 }
            now[p.arxivID] = paperID
            try insert.run(dayID, kind, position, paperID, spotlight.comment, p.relevance, p.novelty, p.score, p.comment, p.extra)
        }
        let tag = try db.cachedStatement(sql: "INSERT INTO spotlight_tags (day_id, paper_id, kind, is_primary) VALUES (?, ?, ?, ?)")
        for (arxivID, kind, isPrimary) in day.tags {
            if let paperID = now[arxivID] { try tag.run(dayID, paperID, kind, isPrimary) }
        }
        try dropUnreferenced(held.subtracting(now.values), group: &group, db)
        return outcome
    }

    func storeMonthlyOverview(
        _ overview: MonthlyOverview, _ request: StoreRequest, importedAt: String, group: inout GroupState,
        _ db: Database
    ) throws -> StoreOutcome {
        let existing = try storedCopy(in: "monthly_overviews", keyColumn: "month", key: overview.month, request, db)
        if existing.sameBytes { return StoreOutcome(change: .unchanged) }
        let held = try clearPapers(of: "monthly_picks", parentColumn: "overview_id", parent: existing.id, db)
        try db.cachedExecute(
            sql: """
                INSERT INTO monthly_overviews (digest, month, generated_at, model, mode, prompt_cost, completion_cost, source_hash,
                                               source_path, source_sha256, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (digest, month) DO UPDATE SET generated_at = excluded.generated_at, model = excluded.model, mode = excluded.mode,
                    prompt_cost = excluded.prompt_cost, completion_cost = excluded.completion_cost, source_hash = excluded.source_hash,
                    source_path = excluded.source_path, source_sha256 = excluded.source_sha256, imported_at = excluded.imported_at
                """,
            arguments: [
                request.digestName, overview.month, overview.generatedAt, overview.model, overview.mode,
                overview.promptCost, overview.completionCost, overview.sourceHash,
                request.source.path, request.source.sha256, importedAt,
            ])
        let overviewID = try storedCopy(in: "monthly_overviews", keyColumn: "month", key: overview.month, request, db).id!
        var outcome = StoreOutcome(change: .stored)
        var now = Set<Int64>()
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO monthly_picks (overview_id, position, paper_id, kept, priority, comment, primary_category, secondary_categories,
                                           source_date, source_day_page, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (index, pick) in overview.picks.enumerated() {
            let date = pick.sourceDate ?? overview.month + "-01"
            let (paperID, isNew) = try ensurePaper(pick.paper, names: request.authorNames[index], date: date, group: &group, db)
            if isNew { outcome.newPapers += 1 }
            now.insert(paperID)
            try insert.run(
                overviewID, index + 1, paperID, pick.kept, pick.priority, pick.comment, pick.primaryCategory,
                JSONObjects.text(pick.secondaryCategories), pick.sourceDate, pick.sourceDayPage, pick.paper.extra)
        }
        try dropUnreferenced(held.subtracting(now), group: &group, db)
        return outcome
    }

    static func sectionsText(_ sections: [SpotlightDay.Section]) -> String? {
        JSONObjects.text(
            sections.map { s -> [String: Any] in
                var entry: [String: Any] = ["kind": s.kind]
                if let label = s.label { entry["label"] = label }
                if let description = s.description { entry["description"] = description }
                return entry
            })
    }
}
