import GRDB

/// Whole paper records of what a query finds, for exports and feeds.
extension Archive {
    /// The records of the papers `query` matches (every paper when nil),
    /// most recently listed first; the first `limit` of them when given.
    public func records(matching query: Query? = nil, limit: Int? = nil) throws -> [PaperRecord] {
        try database.read { db in
            let ids: [Int64]
            let cut = limit.map { " LIMIT \($0)" } ?? ""
            if let query {
                let matched = try Archive.paperIDs(matching: query, db).ids
                ids = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM papers WHERE id IN (\(matched.map(String.init).joined(separator: ","))) ORDER BY last_seen DESC, arxiv_id DESC\(cut)
                        """)
            } else {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM papers ORDER BY last_seen DESC, arxiv_id DESC\(cut)")
            }
            return try ids.map { try Archive.record(paperID: $0, db) }
        }
    }
}
