import GRDB

/// Files that are kept whole per digest and day (or month): a spotlight
/// file, a monthly overview, a hotspot report. Each replaces what its day
/// held before; these are the steps they share.
extension Archive {
    /// What `table` holds for the digest and `key` (a day or a month in
    /// `keyColumn`) of `request`: the row's id, nil when there is none, and
    /// whether it was stored from these very bytes.
    func storedCopy(in table: String, keyColumn: String, key: String, _ request: StoreRequest, _ db: Database) throws -> (id: Int64?, sameBytes: Bool) {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, source_sha256 FROM \(table) WHERE digest = ? AND \(keyColumn) = ?"),
            arguments: [request.digestName, key])
        return (row?["id"], row?["source_sha256"] == request.source.sha256)
    }

    /// Deletes the rows of `table` under `parent` (nothing when nil) and
    /// returns the papers they named, for `dropUnreferenced` once the new
    /// rows are in.
    func clearPapers(of table: String, parentColumn: String, parent: Int64?, _ db: Database) throws -> Set<Int64> {
        let held = try Int64.fetchAll(db.cachedStatement(sql: "SELECT paper_id FROM \(table) WHERE \(parentColumn) = ?"), arguments: [parent])
        try db.cachedExecute(sql: "DELETE FROM \(table) WHERE \(parentColumn) = ?", arguments: [parent])
        return Set(held)
    }
}
