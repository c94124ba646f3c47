import Foundation
import GRDB

/// A mute: a query whose papers the user does not want to see.
public struct Mute: Encodable, Equatable, Sendable {
    public var id: Int64
    public var query: String
    @OrNull public var note: String?
    /// Whether it hides followed authors' papers too (by default it leaves them).
    public var includeFollowed: Bool
    public var addedAt: String
    /// How many papers it hides now.
    public var papers: Int
}

/// Mutes live with the queries: a mute is a query, and hiding is a query
/// condition (`is:muted`) the listing commands add.
extension Archive {
    /// Mutes `query` (checked first), replacing the note and the followed
    /// rule of a mute of the same query; returns how many papers it hides now.
    @discardableResult
    public func mute(_ query: String, note: String? = nil, includeFollowed: Bool = false) throws -> Int {
        try database.write { db in
            // Finding its papers checks the query whole, saved searches included.
            let found = try Archive.papersOfMute(query, db)
            try db.execute(
                sql: """
                    INSERT INTO mutes (query, note, include_followed, added_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (query) DO UPDATE SET note = excluded.note, include_followed = excluded.include_followed
                    """, arguments: [query, note, includeFollowed, ISO8601DateFormatter().string(from: Date())])
            return includeFollowed ? found.count : found.subtracting(try Archive.ruleMatches(loose: false, db).keys).count
        }
    }

    /// Removes the mute of this query, or of this number (as `mutes` lists
    /// them); returns it as it was.
    @discardableResult
    public func unmute(_ queryOrID: String) throws -> Mute {
        guard let mute = try mutes().first(where: { $0.query == queryOrID || String($0.id) == queryOrID }) else {
            throw MuteError.noMute(queryOrID)
        }
        try database.write { db in try db.execute(sql: "DELETE FROM mutes WHERE id = ?", arguments: [mute.id]) }
        return mute
    }

    /// Every mute, oldest first, each with the papers it hides now.
    public func mutes() throws -> [Mute] {
        try database.read { db in
            let followed = Set(try Archive.ruleMatches(loose: false, db).keys)
            return try Row.fetchAll(db, sql: "SELECT id, query, note, include_followed, added_at FROM mutes ORDER BY id").map { row in
                let includeFollowed: Bool = row["include_followed"]
                let found = try Archive.papersOfMute(row["query"], db)
                return Mute(
                    id: row["id"], query: row["query"], note: row["note"], includeFollowed: includeFollowed, addedAt: row["added_at"],
                    papers: includeFollowed ? found.count : found.subtracting(followed).count)
            }
        }
    }

    /// The papers the mutes hide now: each mute's matches, less the
    /// followed authors' papers unless the mute includes them.
    static func mutedPaperIDs(_ db: Database) throws -> Set<Int64> {
        let mutes = try Row.fetchAll(db, sql: "SELECT query, include_followed FROM mutes")
        guard !mutes.isEmpty else { return [] }
        let followed = Set(try Archive.ruleMatches(loose: false, db).keys)
        var hidden = Set<Int64>()
        for mute in mutes {
            let found = try Archive.papersOfMute(mute["query"], db)
            hidden.formUnion((mute["include_followed"] as Bool) ? found : found.subtracting(followed))
        }
        return hidden
    }

    /// The papers one mute's query finds. A mute may not use `is:muted`,
    /// even through a saved search: that would loop.
    static func papersOfMute(_ query: String, _ db: Database) throws -> Set<Int64> {
        let parsed = try QueryParser.parse(query)
        if mentionsMuted(parsed) { throw MuteError.mutesMuted }
        var resolver = Archive.resolver(db)
        resolver.mutedPaperIDs = { throw MuteError.mutesMuted }
        let (sql, arguments) = Archive.matchingPapers(try SearchPlan(parsed, resolver: resolver), columns: "p.id")
        return Set(try Int64.fetchAll(db, sql: sql, arguments: arguments))
    }

    /// `query` without what the mutes hide (as it is when there is no mute).
    static func hidingMuted(_ query: Query, _ db: Database) throws -> Query {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM mutes)") == true else { return query }
        // Flattened: the query's words stay at the top, where they rank.
        let parts: [Query] = if case .and(let parts) = query { parts } else { [query] }
        return .and(parts + [.not(.filter(.muted))])
    }

    static func mentionsMuted(_ query: Query) -> Bool {
        switch query {
        case .filter(.muted): true
        case .text, .filter: false
        case .not(let inner): mentionsMuted(inner)
        case .and(let parts), .or(let parts): parts.contains(where: mentionsMuted)
        }
    }
}
