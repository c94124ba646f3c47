import Foundation
import GRDB

/// A saved search, with how many papers it finds now.
public struct SavedSearch: Encodable, Equatable, Sendable {
    public var name: String
    public var query: String
    public var papers: Int
}

/// Saved searches: queries kept under a name, used as `q:NAME` in any query.
extension Archive {
    /// Saves `query` (checked first) under `name`, replacing a search of that name.
    public func saveSearch(_ name: String, query: String) throws {
        _ = try QueryParser.parse(query)
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO saved_searches (name, query, saved_at) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET query = excluded.query, saved_at = excluded.saved_at
                    """, arguments: [name, query, ISO8601DateFormatter().string(from: Date())])
        }
    }

    public func deleteSavedSearch(_ name: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM saved_searches WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw MarkError.noSavedSearch(name) }
        }
    }

    /// The saved searches, each with the number of papers it finds now.
    public func savedSearches() throws -> [SavedSearch] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, query FROM saved_searches ORDER BY name").map { row in
                let query: String = row["query"]
                let count = (try? Archive.paperIDs(matching: QueryParser.parse(query), db).ids.count) ?? 0
                return SavedSearch(name: row["name"], query: query, papers: count)
            }
        }
    }
}
