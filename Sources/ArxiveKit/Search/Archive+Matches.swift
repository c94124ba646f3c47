import GRDB

/// What followed-author rules find: `arxive matches`, `following`, `--audit`.
///
/// Rules are applied at query time to every author in the archive, by name
/// key as `arxive author` does (exact or compatible; surname-only only when
/// loose), so they see papers the digest selected for any reason, on any day.
extension Archive {
    /// How a paper matched a rule.
    struct RuleMatch {
        var rule: String
        var name: String
        var level: NameMatchLevel
    }

    /// The papers `rule` matches: paper id -> the name it matched through.
    static func papers(matching rule: FollowRule, loose: Bool, _ db: Database) throws -> [Int64: RuleMatch] {
        // An exception rules a name out when it fits that name at least as
        // well as the rule does: `J. Smith` except `Jane Smith` drops Jane
        // Smith and Jane A. Smith, and keeps J. Smith and John Smith.
        let exceptionKeys = rule.exceptions.map(PersonName.key(for:))
        let candidates = try nameCandidates(key: rule.key, db).filter { candidate in
            (loose || candidate.level >= .compatible)
                && !exceptionKeys.contains { except in
                    guard let level = NameMatcher.match(query: except, candidate: candidate.key), level >= .compatible else { return false }
                    return level >= candidate.level
                }
        }
        guard !candidates.isEmpty else { return [:] }
        let byID = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [Int64: RuleMatch] = [:]
        let ids = candidates.map { String($0.id) }.joined(separator: ",")
        for row in try Row.fetchAll(db, sql: "SELECT paper_id, author_id FROM paper_authors WHERE author_id IN (\(ids))") {
            guard let c = byID[row["author_id"]] else { continue }
            let match = RuleMatch(rule: rule.name, name: c.name, level: c.level)
            let paper: Int64 = row["paper_id"]
            if found[paper].map({ $0.level < c.level }) ?? true { found[paper] = match }
        }
        return found
    }

    /// Every paper any rule matches, with its strongest match.
    static func ruleMatches(loose: Bool, _ db: Database) throws -> [Int64: RuleMatch] {
        var all: [Int64: RuleMatch] = [:]
        for rule in try rules(db) {
            for (paper, match) in try papers(matching: rule, loose: loose, db) where all[paper].map({ $0.level < match.level }) ?? true {
                all[paper] = match
            }
        }
        return all
    }

    /// The rules, each with its number of papers and the last day one was listed.
    public func following() throws -> [FollowRule] {
        try database.read { db in
            try Archive.rules(db).map { rule in
                var rule = rule
                let papers = try Archive.papers(matching: rule, loose: false, db)
                rule.papers = papers.count
                rule.lastSeen = try Archive.lastSeen(of: Array(papers.keys), db)
                return rule
            }
        }
    }

    /// Papers by followed authors, newest first.
    ///
    /// - Parameters:
    ///   - dates: only papers a run listed on these days (`YYYY-MM-DD` bounds, inclusive).
    ///   - onlyNew: only papers that entered the archive since the last `onlyNew`
    ///     listing, which moves the watermark; `limit` does not apply then, so
    ///     that nothing new is skipped.
    ///   - showMuted: keep what a mute that includes followed authors hides
    ///     (other mutes never hide their papers).
    public func matches(
        dates: ClosedRange<String>? = nil, onlyNew: Bool = false, loose: Bool = false, limit: Int = 20,
        showMuted: Bool = false
    ) throws -> [PaperHit] {
        func unmuted(_ found: [Int64: RuleMatch], _ db: Database) throws -> [Int64: RuleMatch] {
            // The rules' strict matches are the papers a mute leaves alone: found once, not twice.
            let muted = showMuted ? [] : try Archive.mutedPaperIDs(db, followed: loose ? nil : Set(found.keys))
            return muted.isEmpty ? found : found.filter { !muted.contains($0.key) }
        }
        guard onlyNew else {
            return try database.read { db in try Archive.hits(for: try unmuted(Archive.ruleMatches(loose: loose, db), db), dates: dates, limit: limit, db) }
        }
        // --new reads and moves the watermark in one transaction.
        return try database.write { db in
            let watermark = try Int64.fetchOne(db, sql: "SELECT value FROM user_state WHERE name = 'matches_seen_paper_id'") ?? 0
            let found = try unmuted(Archive.ruleMatches(loose: loose, db), db).filter { $0.key > watermark }
            try db.execute(
                sql: """
                    INSERT INTO user_state (name, value) SELECT 'matches_seen_paper_id', coalesce(max(id), 0) FROM papers WHERE 1
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """)
            return try Archive.hits(for: found, dates: dates, limit: nil, db)
        }
    }

    /// The digest's author matches that no rule explains, and the rules'
    /// papers the digest never flagged.
    public func matchAudit(limit: Int = 20) throws -> MatchAudit {
        try database.read { db in
            let found = try Archive.ruleMatches(loose: false, db)
            let flagged = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT paper_id FROM verdicts WHERE author_match = 1"))
            return MatchAudit(
                unexplained: try Archive.hits(paperIDs: flagged.filter { found[$0] == nil }, dates: nil, limit: limit, db),
                unflagged: try Archive.hits(for: found.filter { !flagged.contains($0.key) }, dates: nil, limit: limit, db)
            )
        }
    }

    /// How many papers with an id above `paperID` the rules match: what an import brought.
    public func matchCount(afterPaperID paperID: Int64) throws -> Int {
        try database.read { db in try Archive.ruleMatches(loose: false, db).keys.filter { $0 > paperID }.count }
    }

    /// The largest paper id: papers are numbered as they arrive.
    public func lastPaperID() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM papers") ?? 0 }
    }

    /// Hits for the matched papers, newest first, with how each matched.
    static func hits(for found: [Int64: RuleMatch], dates: ClosedRange<String>?, limit: Int?, _ db: Database) throws -> [PaperHit] {
        try hits(paperIDs: found.keys, dates: dates, limit: limit, db) { id, hit in
            hit.matchedName = found[id]?.name
            hit.matchLevel = found[id]?.level
            hit.rule = found[id]?.rule
        }
    }

    /// Hits for these papers (listed within `dates`, when given), newest first.
    static func hits(
        paperIDs: some Collection<Int64>, dates: ClosedRange<String>?, limit: Int?, _ db: Database,
        annotate: (Int64, inout PaperHit) -> Void = { _, _ in }
    ) throws -> [PaperHit] {
        guard !paperIDs.isEmpty else { return [] }
        // Order and cut in SQL, then build only the hits shown.
        var sql = "SELECT id FROM papers WHERE id IN (\(paperIDs.map(String.init).joined(separator: ",")))"
        var arguments: StatementArguments = []
        if let dates {
            sql += " AND id IN (SELECT v.paper_id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.date BETWEEN ? AND ?)"
            arguments = [dates.lowerBound, dates.upperBound]
        }
        sql += " ORDER BY last_seen DESC, arxiv_id DESC"
        if let limit { sql += " LIMIT \(limit)" }
        return try Int64.fetchAll(db, sql: sql, arguments: arguments).map { id in
            var hit = try Archive.hit(paperID: id, snippet: nil, db)
            annotate(id, &hit)
            return hit
        }
    }

    static func lastSeen(of paperIDs: [Int64], _ db: Database) throws -> String? {
        guard !paperIDs.isEmpty else { return nil }
        return try String.fetchOne(db, sql: "SELECT max(last_seen) FROM papers WHERE id IN (\(paperIDs.map(String.init).joined(separator: ",")))")
    }
}
