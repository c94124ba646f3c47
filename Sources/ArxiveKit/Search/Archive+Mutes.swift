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
    /// Why it hides nothing now, when its query no longer resolves (it
    /// names a saved search that was deleted or changed).
    @OrNull public var problem: String? = nil
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
        try database.write { db in
            let sql = "SELECT id, query, note, include_followed, added_at FROM mutes WHERE query = ? OR CAST(id AS TEXT) = ? ORDER BY id"
            guard let row = try Row.fetchOne(db, sql: sql, arguments: [queryOrID, queryOrID]) else { throw MuteError.noMute(queryOrID) }
            let mute = try Archive.storedMute(row, followed: Set(try Archive.ruleMatches(loose: false, db).keys), db)
            try db.execute(sql: "DELETE FROM mutes WHERE id = ?", arguments: [mute.id])
            return mute
        }
    }

    /// Every mute, oldest first, each with the papers it hides now.
    public func mutes() throws -> [Mute] {
        try database.read { db in
            let followed = Set(try Archive.ruleMatches(loose: false, db).keys)
            return try Row.fetchAll(db, sql: "SELECT id, query, note, include_followed, added_at FROM mutes ORDER BY id").map { row in
                try Archive.storedMute(row, followed: followed, db)
            }
        }
    }

    /// A stored mute with the papers it hides now, or why it hides none.
    static func storedMute(_ row: Row, followed: Set<Int64>, _ db: Database) throws -> Mute {
        let includeFollowed: Bool = row["include_followed"]
        var mute = Mute(
            id: row["id"], query: row["query"], note: row["note"], includeFollowed: includeFollowed, addedAt: row["added_at"], papers: 0)
        do {
            let found = try Archive.papersOfMute(mute.query, db)
            mute.papers = includeFollowed ? found.count : found.subtracting(followed).count
        } catch let error as QueryError {
            mute.problem = error.message
        } catch let error as MuteError {
            mute.problem = error.localizedDescription
        }
        return mute
    }

    /// The papers the mutes hide now: each mute's matches, less the
    /// followed authors' papers unless the mute includes them. A mute whose
    /// query no longer resolves hides nothing (`mutes` says why): one deleted
    /// saved search must not stop every listing.
    /// `followed`: the followed authors' papers, when the caller has them already.
    static func mutedPaperIDs(_ db: Database, followed: Set<Int64>? = nil) throws -> Set<Int64> {
        let mutes = try Row.fetchAll(db, sql: "SELECT query, include_followed FROM mutes")
        guard !mutes.isEmpty else { return [] }
        let followed = try followed ?? Set(Archive.ruleMatches(loose: false, db).keys)
        var hidden = Set<Int64>()
        for mute in mutes {
            let found: Set<Int64>
            do { found = try Archive.papersOfMute(mute["query"], db) } catch is QueryError { continue } catch is MuteError { continue }
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
