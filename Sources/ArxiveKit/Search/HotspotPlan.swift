import GRDB

/// A hotspot query compiled for SQLite: a MATCH over `hotspot_topics_fts`
/// for its top-level words, and conditions over `t` (topics) and `d` (days).
/// Words reach FTS5 quoted, as in paper searches (`SearchPlan.fts`).
struct HotspotPlan {
    var match: String?
    var conditions: [SQL] = []

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

    func condition(_ q: Query) throws -> SQL {
        switch q {
        case _ where q.isFTSExpressible:
            return "t.id IN (SELECT rowid FROM hotspot_topics_fts WHERE hotspot_topics_fts MATCH \(SearchPlan.fts(q)))"
        case .text: preconditionFailure("text is always FTS-expressible")
        case .and(let parts): return "(" + (try parts.map { try condition($0) }).joined(separator: " AND ") + ")"
        case .or(let parts): return "(" + (try parts.map { try condition($0) }).joined(separator: " OR ") + ")"
        case .not(let inner): return "NOT \(try condition(inner))"
        case .filter(.date(let from, let to)):
            var parts: [SQL] = []
            if let from { parts.append("d.date >= \(from)") }
            if let to { parts.append("d.date <= \(to)") }
            return "(" + parts.joined(separator: " AND ") + ")"
        case .filter(.hotCategory(let name)):
            return "(t.category = \(name) COLLATE NOCASE OR t.section_category = \(name) COLLATE NOCASE)"
        case .filter(.hotSource(let name)):
            // Probed per topic: the scans stop after a few topics (see `HotspotQueries.filteredHits`, `bestTopics`),
            // where listing every item of a common source first took 15 ms.
            return
                "EXISTS (SELECT 1 FROM hotspot_items i WHERE i.topic_id = t.id AND (i.source_id = \(name) COLLATE NOCASE OR i.source_name = \(name) COLLATE NOCASE))"
        case .filter(.hotSection(let name)):
            return "t.section = \(name)"
        case .filter(.hotScore(let name, let range)):
            return "(\(SearchPlan.number("json_extract(t.scores, \("$." + name))", range)))"
        case .filter:
            preconditionFailure("a paper field in a hotspot query: the parser never makes one")
        }
    }
}
