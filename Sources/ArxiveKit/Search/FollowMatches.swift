import GRDB

/// What followed-author rules find, over one read of the archive:
/// `arxive matches`, `following`, `--audit`.
///
/// Rules are applied at query time to every author in the archive, by name
/// key as `arxive author` does (exact or compatible; surname-only only when
/// loose), so they see papers the digest selected for any reason, on any day.
struct FollowMatches {
    let db: Database

    /// How a paper matched a rule.
    struct RuleMatch {
        var rule: String
        var name: String
        var level: NameMatchLevel
    }

    /// The papers `rule` matches: paper id -> the name it matched through.
    func papers(matching rule: FollowRule, loose: Bool) throws -> [Int64: RuleMatch] {
        // An exception rules a name out when it fits that name at least as
        // well as the rule does: `J. Smith` except `Jane Smith` drops Jane
        // Smith and Jane A. Smith, and keeps J. Smith and John Smith.
        let exceptionKeys = rule.exceptions.map(PersonName.key(for:))
        let candidates = try AuthorSearch(db: db).nameCandidates(key: rule.key).filter { candidate in
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
        for row in try Row.fetchAll(db, literal: "SELECT paper_id, author_id FROM paper_authors WHERE author_id IN (\(sql: ids))") {
            guard let c = byID[row["author_id"]] else { continue }
            let match = RuleMatch(rule: rule.name, name: c.name, level: c.level)
            let paper: Int64 = row["paper_id"]
            if found[paper].map({ $0.level < c.level }) ?? true { found[paper] = match }
        }
        return found
    }

    /// Every paper any rule matches, with its strongest match.
    func ruleMatches(loose: Bool) throws -> [Int64: RuleMatch] {
        var all: [Int64: RuleMatch] = [:]
        for rule in try Archive.rules(db) {
            for (paper, match) in try papers(matching: rule, loose: loose) where all[paper].map({ $0.level < match.level }) ?? true {
                all[paper] = match
            }
        }
        return all
    }

    /// The rules, each with its number of papers and the last day one was listed.
    func following() throws -> [FollowRule] {
        try Archive.rules(db).map { rule in
            var rule = rule
            let papers = try papers(matching: rule, loose: false)
            rule.papers = papers.count
            rule.lastSeen = try lastSeen(of: Array(papers.keys))
            return rule
        }
    }

    /// Papers by followed authors, newest first.
    ///
    /// - Parameters:
    ///   - dates: only papers a run listed on these days (`YYYY-MM-DD` bounds, inclusive).
    ///   - showMuted: keep what a mute that includes followed authors hides
    ///     (other mutes never hide their papers).
    func matches(dates: ClosedRange<String>?, loose: Bool, limit: Int?, showMuted: Bool) throws -> [PaperHit] {
        try hits(for: unmuted(ruleMatches(loose: loose), loose: loose, showMuted: showMuted), dates: dates, limit: limit)
    }

    /// The papers by followed authors that entered the archive since the
    /// last call, newest first, and the watermark moved past them: run in a
    /// write, which reads and moves it in one transaction. No limit, so
    /// that nothing new is skipped.
    func newMatches(dates: ClosedRange<String>?, loose: Bool, showMuted: Bool) throws -> [PaperHit] {
        let watermark = try Int64.fetchOne(db, sql: "SELECT value FROM user_state WHERE name = 'matches_seen_paper_id'") ?? 0
        let found = try unmuted(ruleMatches(loose: loose), loose: loose, showMuted: showMuted).filter { $0.key > watermark }
        try db.execute(
            sql: """
                INSERT INTO user_state (name, value) SELECT 'matches_seen_paper_id', coalesce(max(id), 0) FROM papers WHERE 1
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """)
        return try hits(for: found, dates: dates, limit: nil)
    }

    /// `found` less what the mutes hide (unless `showMuted`).
    func unmuted(_ found: [Int64: RuleMatch], loose: Bool, showMuted: Bool) throws -> [Int64: RuleMatch] {
        // The rules' strict matches are the papers a mute leaves alone: found once, not twice.
        let muted = showMuted ? [] : try MuteRules(db: db).mutedPaperIDs(followed: loose ? nil : Set(found.keys))
        return muted.isEmpty ? found : found.filter { !muted.contains($0.key) }
    }

    /// The digest's author matches that no rule explains, and the rules'
    /// papers the digest never flagged.
    func audit(limit: Int) throws -> MatchAudit {
        let found = try ruleMatches(loose: false)
        let flagged = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT paper_id FROM verdicts WHERE author_match = 1"))
        return MatchAudit(
            unexplained: try hits(paperIDs: flagged.filter { found[$0] == nil }, dates: nil, limit: limit),
            unflagged: try hits(for: found.filter { !flagged.contains($0.key) }, dates: nil, limit: limit)
        )
    }

    /// Hits for the matched papers, newest first, with how each matched.
    func hits(for found: [Int64: RuleMatch], dates: ClosedRange<String>?, limit: Int?) throws -> [PaperHit] {
        try hits(paperIDs: found.keys, dates: dates, limit: limit) { id, hit in
            hit.matchedName = found[id]?.name
            hit.matchLevel = found[id]?.level
            hit.rule = found[id]?.rule
        }
    }

    /// Hits for these papers (listed within `dates`, when given), newest first.
    func hits(
        paperIDs: some Collection<Int64>, dates: ClosedRange<String>?, limit: Int?,
        annotate: (Int64, inout PaperHit) -> Void = { _, _ in }
    ) throws -> [PaperHit] {
        guard !paperIDs.isEmpty else { return [] }
        // Order and cut in SQL, then build only the hits shown.
        var sql: SQL = "SELECT id FROM papers WHERE id IN (\(sql: paperIDs.map(String.init).joined(separator: ",")))"
        if let dates {
            sql +=
                " AND id IN (SELECT v.paper_id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.date BETWEEN \(dates.lowerBound) AND \(dates.upperBound))"
        }
        sql += " ORDER BY last_seen DESC, arxiv_id DESC"
        if let limit { sql += " LIMIT \(limit)" }
        let reads = PaperReads(db: db)
        return try Int64.fetchAll(db, literal: sql).map { id in
            var hit = try reads.hit(paperID: id, snippet: nil)
            annotate(id, &hit)
            return hit
        }
    }

    func lastSeen(of paperIDs: [Int64]) throws -> String? {
        guard !paperIDs.isEmpty else { return nil }
        return try String.fetchOne(db, literal: "SELECT max(last_seen) FROM papers WHERE id IN (\(sql: paperIDs.map(String.init).joined(separator: ",")))")
    }
}
