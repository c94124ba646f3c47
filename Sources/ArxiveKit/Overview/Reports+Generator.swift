import GRDB

/// The month report's sections on the generators' own structure.
extension Reports {
    func generatorSections(dates: ClosedRange<String>, month: Month, limit: Int, topPapers: [RankedPaper]) throws -> MonthGeneratorSections {
        var s = MonthGeneratorSections()
        s.topics = try topicSections(dates: dates, limit: limit)
        s.spotlights = try Row.fetchAll(
            db,
            literal: """
                SELECT d.date, s.kind, p.arxiv_id, p.title, s.comment FROM spotlights s
                JOIN spotlight_days d ON d.id = s.day_id JOIN papers p ON p.id = s.paper_id
                WHERE d.date \(between: dates) ORDER BY d.date, d.digest, s.kind, s.position
                """
        ).map {
            SpotlightEntry(date: $0["date"], kind: $0["kind"], arxivID: $0["arxiv_id"], title: $0["title"], comment: $0["comment"])
        }
        let ranks = Dictionary(topPapers.enumerated().map { ($1.paper.arxivID, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        s.digestPicks = try Row.fetchAll(
            db,
            literal: """
                SELECT p.arxiv_id, p.title, m.priority, m.comment, m.primary_category FROM monthly_picks m
                JOIN monthly_overviews o ON o.id = m.overview_id JOIN papers p ON p.id = m.paper_id
                WHERE o.month = \(month) AND m.kept = 1 ORDER BY o.digest, m.position
                """
        ).map {
            DigestPick(
                arxivID: $0["arxiv_id"], title: $0["title"], priority: $0["priority"], comment: $0["comment"],
                category: $0["primary_category"], arxiveRank: ranks[$0["arxiv_id"]])
        }
        let outage = try Row.fetchOne(
            db,
            literal: """
                SELECT count(*) AS runs, coalesce(sum(r.scanned_papers), 0) AS unread FROM runs r
                WHERE r.date \(between: dates) AND r.scanned_papers > 0
                  AND coalesce(r.total_tokens, r.prompt_tokens + r.completion_tokens) = 0
                  AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.run_id = r.id)
                """)!
        (s.runsModelNotRun, s.papersUnread) = (outage["runs"], outage["unread"])
        s.hotspots = try monthHotspots(dates: dates, limit: limit)
        return s
    }

    /// The month's hotspot topics by final score, its categories and its most active sources.
    func monthHotspots(dates: ClosedRange<String>, limit: Int) throws -> MonthHotspots {
        var h = MonthHotspots()
        h.days = try Int.fetchOne(db, literal: "SELECT count(*) FROM hotspot_days WHERE date \(between: dates)") ?? 0
        guard h.days > 0 else { return h }
        h.topTopics = try Row.fetchAll(
            db,
            literal: """
                SELECT d.date, t.title, t.category, t.section, t.final_score FROM hotspot_topics t JOIN hotspot_days d ON d.id = t.day_id
                WHERE d.date \(between: dates) ORDER BY t.final_score DESC NULLS LAST, d.date, t.id LIMIT \(limit)
                """
        ).map {
            MonthHotspots.TopTopic(date: $0["date"], title: $0["title"], category: $0["category"], section: $0["section"], finalScore: $0["final_score"])
        }
        h.categories = try Row.fetchAll(
            db,
            literal: """
                SELECT coalesce(t.category, '(none)') AS name, count(*) AS n FROM hotspot_topics t JOIN hotspot_days d ON d.id = t.day_id
                WHERE d.date \(between: dates) GROUP BY 1 ORDER BY 2 DESC, 1
                """
        ).map { HotspotTrends.Count(name: $0["name"], topics: $0["n"]) }
        h.sources = try Row.fetchAll(
            db,
            literal: """
                SELECT coalesce(i.source_name, i.source_id) AS name, count(DISTINCT t.id) AS n
                FROM hotspot_items i JOIN hotspot_topics t ON t.id = i.topic_id JOIN hotspot_days d ON d.id = t.day_id
                WHERE d.date \(between: dates) AND name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT \(limit)
                """
        ).map { HotspotTrends.Count(name: $0["name"], topics: $0["n"]) }
        return h
    }

    /// Each topic's distinct papers of the month (filed under it as primary),
    /// the topics with most papers first, each topic's best `limit` papers
    /// by their best listing (score, then relevance).
    func topicSections(dates: ClosedRange<String>, limit: Int) throws -> [TopicSection] {
        let rows = try Row.fetchAll(
            db,
            literal: """
                SELECT t.id AS topic_id, t.digest, t.key, t.label, p.arxiv_id, p.title, r.date, v.relevance, v.novelty, v.score
                FROM verdict_topics vt JOIN topics t ON t.id = vt.topic_id JOIN verdicts v ON v.id = vt.verdict_id
                JOIN runs r ON r.id = v.run_id JOIN papers p ON p.id = v.paper_id
                WHERE vt.is_primary = 1 AND r.date \(between: dates)
                ORDER BY t.id, v.score DESC NULLS LAST, v.relevance DESC NULLS LAST, r.date, p.arxiv_id
                """)
        var sections: [TopicSection] = []
        var seen = Set<String>()
        for row in rows {
            let topicID: Int64 = row["topic_id"]
            if sections.last.map({ $0.topic.key != row["key"] || $0.digest != row["digest"] }) ?? true {
                sections.append(TopicSection(digest: row["digest"], topic: Topic(key: row["key"], label: row["label"]), papers: 0, topPapers: []))
            }
            // A paper listed on several days counts once, at its best listing (the first in this order).
            guard seen.insert("\(topicID) \(row["arxiv_id"] as String)").inserted else { continue }
            sections[sections.count - 1].papers += 1
            if sections[sections.count - 1].topPapers.count < limit {
                sections[sections.count - 1].topPapers.append(
                    TopicPaper(
                        arxivID: row["arxiv_id"], title: row["title"], date: row["date"],
                        relevance: row["relevance"], novelty: row["novelty"], score: row["score"]))
            }
        }
        return sections.sorted { ($0.papers, $1.topic.label) > ($1.papers, $0.topic.label) }
    }
}
