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

/// Mutes, over one read (or write) of the archive. They live with the
/// queries: a mute is a query, and hiding is a query condition
/// (`is:muted`) the listing commands add.
struct MuteRules {
    let db: Database

    /// Mutes `query` (checked first), replacing the note and the followed
    /// rule of a mute of the same query; returns how many papers it hides now.
    func add(_ query: String, note: String?, includeFollowed: Bool) throws -> Int {
        // Finding its papers checks the query whole, saved searches included.
        let found = try papers(ofMute: query)
        try db.execute(
            literal: """
                INSERT INTO mutes (query, note, include_followed, added_at)
                VALUES (\(query), \(note), \(includeFollowed), \(ISO8601DateFormatter().string(from: Date())))
                ON CONFLICT (query) DO UPDATE SET note = excluded.note, include_followed = excluded.include_followed
                """)
        return includeFollowed ? found.count : found.subtracting(try followedPaperIDs()).count
    }

    /// Removes the mute of this query, or of this number (as `mutes` lists
    /// them); returns it as it was.
    func remove(_ queryOrID: String) throws -> Mute {
        let sql: SQL = "SELECT id, query, note, include_followed, added_at FROM mutes WHERE query = \(queryOrID) OR CAST(id AS TEXT) = \(queryOrID) ORDER BY id"
        guard let row = try Row.fetchOne(db, literal: sql) else { throw MuteError.noMute(queryOrID) }
        let mute = try stored(row, followed: try followedPaperIDs())
        try db.execute(literal: "DELETE FROM mutes WHERE id = \(mute.id)")
        return mute
    }

    /// Every mute, oldest first, each with the papers it hides now.
    func all() throws -> [Mute] {
        let followed = try followedPaperIDs()
        return try Row.fetchAll(db, sql: "SELECT id, query, note, include_followed, added_at FROM mutes ORDER BY id").map { row in
            try stored(row, followed: followed)
        }
    }

    /// The followed authors' papers, which a mute leaves unless it includes them.
    func followedPaperIDs() throws -> Set<Int64> {
        Set(try FollowMatches(db: db).ruleMatches(loose: false).keys)
    }

    /// A stored mute with the papers it hides now, or why it hides none.
    func stored(_ row: Row, followed: Set<Int64>) throws -> Mute {
        let includeFollowed: Bool = row["include_followed"]
        var mute = Mute(
            id: row["id"], query: row["query"], note: row["note"], includeFollowed: includeFollowed, addedAt: row["added_at"], papers: 0)
        do {
            let found = try papers(ofMute: mute.query)
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
    func mutedPaperIDs(followed: Set<Int64>? = nil) throws -> Set<Int64> {
        let mutes = try Row.fetchAll(db, sql: "SELECT query, include_followed FROM mutes")
        guard !mutes.isEmpty else { return [] }
        let followed = try followed ?? followedPaperIDs()
        var hidden = Set<Int64>()
        for mute in mutes {
            let found: Set<Int64>
            do { found = try papers(ofMute: mute["query"]) } catch is QueryError { continue } catch is MuteError { continue }
            hidden.formUnion((mute["include_followed"] as Bool) ? found : found.subtracting(followed))
        }
        return hidden
    }

    /// The papers one mute's query finds. A mute may not use `is:muted`,
    /// even through a saved search: that would loop.
    func papers(ofMute query: String) throws -> Set<Int64> {
        let parsed = try QueryParser.parse(query)
        if MuteRules.mentionsMuted(parsed) { throw MuteError.mutesMuted }
        let search = PaperSearch(db: db)
        var resolver = search.resolver()
        resolver.mutedPaperIDs = { throw MuteError.mutesMuted }
        return Set(try Int64.fetchAll(db, literal: search.matchingPapers(try search.plan(parsed, resolver: resolver), columns: "p.id")))
    }

    /// `query` without what the mutes hide (as it is when there is no mute).
    func hiding(_ query: Query) throws -> Query {
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
