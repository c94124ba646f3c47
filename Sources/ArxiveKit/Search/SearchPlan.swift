import GRDB

/// A query compiled for SQLite: one FTS5 MATCH expression (for ranking and
/// snippets) plus SQL conditions over `papers p`.
///
/// User words reach FTS5 only as quoted strings; filters become GRDB `SQL`
/// values, whose interpolated values are bound arguments (ids the archive
/// itself gave are inlined with `sql:`). Text under OR or NOT together with
/// a filter becomes an `IN (SELECT rowid ... MATCH ?)` condition.
struct SearchPlan {
    /// The MATCH expression, when the query has positive text at its top level.
    var match: String?
    /// True when `match` has a `prefix*` term.
    var matchHasPrefix = false
    /// `match` with its top-level parts ORed rather than ANDed (`a b c` ->
    /// `a OR b OR c`, phrases, fields and exclusions kept): what a search in
    /// one's own words ranks when too few papers hold every word. Nil when
    /// the match has a single part.
    var relaxedMatch: String?
    /// The query's top-level excluded text (`-word`, `NOT "a phrase"`), as
    /// one MATCH expression: a search by meaning leaves out the papers it matches.
    var exclusion: String?
    /// Conditions over `p` (papers), ANDed.
    var conditions: [SQL] = []
    /// The query's top-level verdict conditions (over `v` and `r`): a hit
    /// shows its latest verdict among those that meet them.
    var verdictCondition: SQL?

    /// `conditions`, each after an ` AND `: to follow a WHERE that has one.
    var andConditions: SQL { conditions.map { " AND " + $0 }.joined() }

    /// What a plan needs from the archive: author ids for an `au:` value,
    /// the query text saved under a `q:` name (nil when none is).
    struct Resolver {
        var authorIDs: (_ name: String, _ isPrefix: Bool) throws -> [Int64]
        var savedQuery: (_ name: String) throws -> String?
        /// The papers the mutes hide now.
        var mutedPaperIDs: () throws -> Set<Int64>
    }

    /// The saved searches being expanded, innermost last: a search that
    /// refers to itself is an error, not a loop.
    private var expanding: [String] = []

    init(_ query: Query, resolver: Resolver) throws {
        let conjuncts: [Query] = if case .and(let parts) = query { parts } else { [query] }
        var positive: [String] = []
        var negative: [Query] = []
        var verdictFilters: [Filter] = []
        var rest: [Query] = []
        for part in conjuncts {
            switch part {
            case .not(let inner) where inner.isFTSExpressible: negative.append(inner)
            case _ where part.isFTSExpressible: positive.append(SearchPlan.fts(part))
            case .filter(let f) where f.isVerdictCondition: verdictFilters.append(f)
            default: rest.append(part)
            }
        }
        if !negative.isEmpty {
            exclusion = negative.map { "(\(SearchPlan.fts($0)))" }.joined(separator: " OR ")
        }
        if !positive.isEmpty {
            var expression = positive.count == 1 ? positive[0] : positive.map { "(\($0))" }.joined(separator: " AND ")
            for n in negative { expression = "(\(expression)) NOT (\(SearchPlan.fts(n)))" }
            match = expression
            if positive.count > 1 {
                var relaxed = positive.map { "(\($0))" }.joined(separator: " OR ")
                for n in negative { relaxed = "(\(relaxed)) NOT (\(SearchPlan.fts(n)))" }
                relaxedMatch = relaxed
            }
            matchHasPrefix =
                conjuncts.contains { $0.isFTSExpressible && $0.hasPrefixTerm }
                || negative.contains(where: \.hasPrefixTerm)
        } else {
            for n in negative { rest.append(.not(n)) }
        }
        if !verdictFilters.isEmpty {
            // A hit's latest verdict is looked up verdict by verdict (`correlated`);
            // the papers to search are found from the filters' side.
            verdictCondition = verdictFilters.map { SearchPlan.verdictCondition($0, correlated: true) }.joined(separator: " AND ")
            let sql = verdictFilters.map { SearchPlan.verdictCondition($0) }.joined(separator: " AND ")
            conditions.append(SearchPlan.listedWhere(sql, catalogueDates: SearchPlan.onlyDates(verdictFilters)))
        }
        for part in rest {
            conditions.append(try condition(part, resolver))
        }
    }

    /// SQL for any sub-query, over `p`.
    mutating func condition(_ q: Query, _ resolver: Resolver) throws -> SQL {
        switch q {
        case _ where q.isFTSExpressible:
            return "p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH \(SearchPlan.fts(q)))"
        case .text:
            preconditionFailure("text is always FTS-expressible")
        case .and(let parts):
            return "(" + (try parts.map { try condition($0, resolver) }).joined(separator: " AND ") + ")"
        case .or(let parts):
            return "(" + (try parts.map { try condition($0, resolver) }).joined(separator: " OR ") + ")"
        case .not(let inner):
            return "NOT \(try condition(inner, resolver))"
        case .filter(.arxivID(let id)):
            return "p.arxiv_id = \(id)"
        case .filter(.author(let name, let isPrefix)):
            let ids = try resolver.authorIDs(name, isPrefix)
            // Ids are integers from the archive itself: safe to inline, and a
            // long IN list binds no variables.
            let list = ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")
            return "p.id IN (SELECT paper_id FROM paper_authors WHERE author_id IN (\(sql: list)))"
        case .filter(let f) where SearchPlan.isMark(f):
            return try markCondition(f, resolver)
        case .filter(.saved(let name)):
            return try savedCondition(name, resolver)
        case .filter(.category(let name)):
            // The category itself, or any of its subject classes (`astro-ph` takes `astro-ph.GA`).
            return "p.id IN (SELECT paper_id FROM paper_categories WHERE category = \(name) OR (category > \(name + ".") AND category < \(name + "/")))"
        case .filter(.inDigest):
            return "p.last_seen IS NOT NULL"
        case .filter(.inCatalogue):
            return "p.catalogue_date IS NOT NULL"
        case .filter(.spotlight(let kind)):
            guard let kind else { return "p.id IN (SELECT paper_id FROM spotlights)" }
            // Any of its tags, not only the section it is printed under.
            return "p.id IN (SELECT paper_id FROM spotlight_tags WHERE kind = \(kind) COLLATE NOCASE)"
        case .filter(.monthlyPick):
            return "p.id IN (SELECT paper_id FROM monthly_picks WHERE kept = 1)"
        case .filter(.inHotspots):
            return "p.id IN (SELECT paper_id FROM hotspot_papers)"
        case .filter(.hotCategory), .filter(.hotSource), .filter(.hotSection), .filter(.hotScore):
            preconditionFailure("a hotspot field in a paper query: the parser never makes one")
        case .filter(let f):
            return SearchPlan.listedWhere(SearchPlan.verdictCondition(f), catalogueDates: SearchPlan.onlyDates([f]))
        }
    }

    static func isMark(_ f: Filter) -> Bool {
        switch f {
        case .starred, .dismissed, .muted, .read, .tag, .note: true
        default: false
        }
    }

    /// The user's marks: star, dismissal, mutes, read, tags, notes.
    mutating func markCondition(_ f: Filter, _ resolver: Resolver) throws -> SQL {
        switch f {
        case .starred:
            return "p.arxiv_id IN (SELECT arxiv_id FROM marks WHERE starred = 1)"
        case .dismissed:
            return "p.arxiv_id IN (SELECT arxiv_id FROM marks WHERE dismissed_at IS NOT NULL)"
        case .muted:
            let ids = try resolver.mutedPaperIDs()
            // Not `IN (NULL)` when nothing is muted: its NOT would be NULL too, and hide everything.
            return ids.isEmpty ? "0" : "p.id IN (\(sql: ids.map(String.init).joined(separator: ",")))"
        case .read(let read):
            return "p.arxiv_id \(sql: read ? "" : "NOT ")IN (SELECT arxiv_id FROM marks WHERE read_at IS NOT NULL)"
        case .tag(let tag):
            return "p.arxiv_id IN (SELECT arxiv_id FROM tags WHERE tag = \(tag))"
        case .note(let term):
            return "p.arxiv_id IN (SELECT arxiv_id FROM marks WHERE id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH \(SearchPlan.fts(.text(term)))))"
        default:
            preconditionFailure("not a mark")
        }
    }

    /// A saved search, expanded in place; one that refers to itself is an error.
    mutating func savedCondition(_ name: String, _ resolver: Resolver) throws -> SQL {
        guard !expanding.contains(name) else {
            throw QueryError(column: 1, message: "saved search '\(name)' refers to itself (\((expanding + [name]).joined(separator: " -> ")))")
        }
        guard let text = try resolver.savedQuery(name) else {
            throw QueryError(column: 1, message: "no saved search named '\(name)' (arxive saved lists them)")
        }
        let saved: Query
        do { saved = try QueryParser.parse(text) } catch {
            throw QueryError(column: 1, message: "saved search '\(name)' no longer parses: \(error.message)")
        }
        expanding.append(name)
        defer { expanding.removeLast() }
        return try condition(saved, resolver)
    }

    /// The date ranges of `filters` when dates are all they set: then a
    /// catalogue paper no digest listed matches by its publication day.
    static func onlyDates(_ filters: [Filter]) -> [(from: String?, to: String?)] {
        var ranges: [(from: String?, to: String?)] = []
        for f in filters {
            guard case .date(let from, let to) = f else { return [] }
            ranges.append((from, to))
        }
        return ranges
    }

    /// `listedWhere(condition)`, or also, for `catalogueDates`, the catalogue
    /// papers no digest listed that were published in every one of those ranges.
    static func listedWhere(_ condition: SQL, catalogueDates: [(from: String?, to: String?)]) -> SQL {
        guard !catalogueDates.isEmpty else { return listedWhere(condition) }
        var published: [SQL] = ["published IS NOT NULL"]
        for range in catalogueDates {
            if let from = range.from { published.append("published >= \(from)") }
            if let to = range.to { published.append("published <= \(to)") }
        }
        // Two IN lists over ids: SQLite reads each from its own index (runs by
        // date, papers by publication day) rather than scanning every paper.
        return "(\(listedWhere(condition)) OR (p.last_seen IS NULL AND p.id IN (SELECT id FROM papers WHERE \(published.joined(separator: " AND ")))))"
    }

    /// Papers with a verdict meeting `condition` (over `v` and `r`). An
    /// uncorrelated IN: SQLite evaluates it once, from the runs side, rather
    /// than once per paper.
    static func listedWhere(_ condition: SQL) -> SQL {
        "p.id IN (SELECT v.paper_id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE \(condition))"
    }

    /// SQL over `v` and `r` for a verdict filter. `correlated` when it is
    /// checked for the few verdicts of one paper: a topic is then probed per
    /// verdict, instead of listing every verdict of the topic each time.
    static func verdictCondition(_ f: Filter, correlated: Bool = false) -> SQL {
        switch f {
        case .date(let from, let to):
            var parts: [SQL] = []
            if let from { parts.append("r.date >= \(from)") }
            if let to { parts.append("r.date <= \(to)") }
            return parts.joined(separator: " AND ")
        case .relevance(let range): return number("v.relevance", range)
        case .novelty(let range): return number("v.novelty", range)
        case .score(let range): return number("v.score", range)
        case .authorMatch: return "v.author_match = 1"
        case .digest(let name):
            return "r.digest = \(name)"
        case .topic(let name):
            let topics: SQL = "SELECT id FROM topics WHERE key = \(name) OR label = \(name) COLLATE NOCASE"
            return correlated
                ? "EXISTS (SELECT 1 FROM verdict_topics vt WHERE vt.verdict_id = v.id AND vt.topic_id IN (\(topics)))"
                : "v.id IN (SELECT vt.verdict_id FROM verdict_topics vt WHERE vt.topic_id IN (\(topics)))"
        case .arxivID, .author, .starred, .dismissed, .muted, .read, .tag, .note, .saved, .category, .inDigest, .inCatalogue, .spotlight, .monthlyPick,
            .inHotspots, .hotCategory, .hotSource, .hotSection, .hotScore:
            preconditionFailure("not a verdict condition")
        }
    }

    /// `column` (an expression) within `r`.
    static func number(_ column: SQL, _ r: NumberRange) -> SQL {
        var parts: [SQL] = ["\(column) IS NOT NULL"]
        if let lo = r.lower { parts.append("\(column) \(sql: r.lowerInclusive ? ">=" : ">") \(lo)") }
        if let hi = r.upper { parts.append("\(column) \(sql: r.upperInclusive ? "<=" : "<") \(hi)") }
        return parts.joined(separator: " AND ")
    }

    /// FTS5 syntax for an FTS-expressible query; every user word is a quoted string.
    static func fts(_ q: Query) -> String {
        switch q {
        case .text(let t):
            let quoted = "\"" + t.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let term = t.isPrefix ? quoted + " *" : quoted
            return t.field == .any ? term : "\(t.field.rawValue) : \(term)"
        case .and(let parts):
            var expression = parts.filter(\.isFTSExpressible).map { "(\(fts($0)))" }.joined(separator: " AND ")
            for case .not(let inner) in parts { expression = "(\(expression)) NOT (\(fts(inner)))" }
            return expression
        case .or(let parts):
            return parts.map { "(\(fts($0)))" }.joined(separator: " OR ")
        case .not, .filter:
            preconditionFailure("not FTS-expressible: \(q)")
        }
    }
}
