import Foundation
import GRDB

/// A saved search, with how many papers it finds now.
public struct SavedSearch: Encodable, Equatable, Sendable {
    public var name: String
    public var query: String
    public var papers: Int
}

/// Saved searches, over one read (or write) of the archive: queries kept
/// under a name, used as `q:NAME` in any query.
struct SavedSearches {
    let db: Database

    /// Saves `query` (checked first) under `name`, replacing a search of that name.
    func save(_ name: String, query: String) throws {
        _ = try QueryParser.parse(query)
        try db.execute(
            literal: """
                INSERT INTO saved_searches (name, query, saved_at) VALUES (\(name), \(query), \(ISO8601DateFormatter().string(from: Date())))
                ON CONFLICT (name) DO UPDATE SET query = excluded.query, saved_at = excluded.saved_at
                """)
    }

    func delete(_ name: String) throws {
        try db.execute(literal: "DELETE FROM saved_searches WHERE name = \(name)")
        guard db.changesCount > 0 else { throw MarkError.noSavedSearch(name) }
    }

    /// The saved searches, each with the number of papers it finds now.
    func all() throws -> [SavedSearch] {
        let search = PaperSearch(db: db)
        return try Row.fetchAll(db, sql: "SELECT name, query FROM saved_searches ORDER BY name").map { row in
            let query: String = row["query"]
            let count = (try? search.paperIDs(matching: QueryParser.parse(query)).ids.count) ?? 0
            return SavedSearch(name: row["name"], query: query, papers: count)
        }
    }
}
