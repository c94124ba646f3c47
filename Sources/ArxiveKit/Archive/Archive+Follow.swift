import Foundation
import GRDB

/// Followed authors: the rules `arxive follow` stores (see `FollowMatches`
/// for what they find).
extension Archive {
    public enum FollowOutcome: Equatable, Sendable {
        case added
        /// A rule with the same key existed: its ids, note and exceptions were merged.
        case updated
    }

    /// Adds a rule, or merges into the rule with the same name key.
    public func follow(_ request: FollowRequest) throws -> FollowOutcome {
        try follow([request])[0]
    }

    /// Adds or merges several rules in one transaction (`follow --from`).
    public func follow(_ requests: [FollowRequest]) throws -> [FollowOutcome] {
        let now = ISO8601DateFormatter().string(from: Date())
        return try database.write { db in
            try requests.map { try Archive.follow($0, now: now, db) }
        }
    }

    /// `follow` inside a transaction the caller holds.
    static func follow(_ request: FollowRequest, now: String, _ db: Database) throws -> FollowOutcome {
        let key = request.key
        let existing = try Row.fetchOne(db, sql: "SELECT id, semantic_scholar_ids, note FROM followed_authors WHERE key = ?", arguments: [key])
        let ruleID: Int64
        if let existing {
            ruleID = existing["id"]
            let ids = Archive.idList(existing["semantic_scholar_ids"])
            let merged = ids + request.semanticScholarIDs.filter { !ids.contains($0) }
            try db.execute(
                sql: "UPDATE followed_authors SET semantic_scholar_ids = ?, note = ? WHERE id = ?",
                arguments: [merged.joined(separator: ","), request.note ?? existing["note"], ruleID])
        } else {
            try db.execute(
                sql: """
                    INSERT INTO followed_authors (name, key, semantic_scholar_ids, note, added_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [TeXDecoder.decode(request.name), key, request.semanticScholarIDs.joined(separator: ","), request.note, now])
            ruleID = db.lastInsertedRowID
        }
        for name in request.exceptions {
            try db.execute(
                sql: "INSERT OR IGNORE INTO followed_author_exceptions (rule_id, key, name) VALUES (?, ?, ?)",
                arguments: [ruleID, PersonName.key(for: name), TeXDecoder.decode(name)])
        }
        return existing == nil ? .added : .updated
    }

    /// Removes the rule for `name` (by key, else the one rule it matches
    /// compatibly); returns the removed rule's name, nil when none matched.
    public func unfollow(_ name: String) throws -> String? {
        let key = PersonName.key(for: name)
        return try database.write { db in
            var rules = try Row.fetchAll(db, sql: "SELECT id, name, key FROM followed_authors")
                .filter { NameMatcher.match(query: key, candidate: $0["key"]) == .exact }
            if rules.isEmpty {
                rules = try Row.fetchAll(db, sql: "SELECT id, name, key FROM followed_authors")
                    .filter { NameMatcher.match(query: key, candidate: $0["key"]) == .compatible }
            }
            guard rules.count == 1, let rule = rules.first else {
                if rules.count > 1 {
                    throw FollowError.ambiguous(name, candidates: rules.map { $0["name"] })
                }
                return nil
            }
            try db.execute(sql: "DELETE FROM followed_authors WHERE id = ?", arguments: [rule["id"] as Int64])
            return rule["name"]
        }
    }

    /// The stored rules, as given (no counts).
    static func rules(_ db: Database) throws -> [FollowRule] {
        let exceptions = Dictionary(
            grouping: try Row.fetchAll(db, sql: "SELECT rule_id, name FROM followed_author_exceptions ORDER BY name"),
            by: { $0["rule_id"] as Int64 })
        return try Row.fetchAll(db, sql: "SELECT id, name, key, semantic_scholar_ids, note FROM followed_authors ORDER BY key").map { row in
            FollowRule(
                name: row["name"], key: row["key"], semanticScholarIDs: Archive.idList(row["semantic_scholar_ids"]),
                note: row["note"], exceptions: (exceptions[row["id"]] ?? []).map { $0["name"] }, papers: 0, lastSeen: nil)
        }
    }

    static func idList(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }
}
