import GRDB
import GRDBSQLite

/// `arxive_rank(papers_fts, weight...)`: bm25's order for a query of one
/// phrase, without the count that makes bm25 slow for common phrases.
///
/// FTS5's bm25 multiplies, for each phrase of the query, its inverse
/// document frequency by a term-frequency part. The frequency needs the
/// number of papers holding the phrase, which FTS5 counts once per query by
/// reading every match: for `"the model"` that is checking positions across
/// a whole catalogue (about 150 ms at a million papers), even when the search
/// orders five thousand matches. With one phrase that factor is the same
/// positive number for every paper, so the term-frequency part alone gives
/// bm25's order; this function returns minus that part (lower is better, as
/// with bm25), computed as FTS5's fts5_aux.c does (k1 = 1.2, b = 0.75, one
/// weight per column). With more than one phrase it returns NULL and the
/// caller falls back to bm25 (`Archive.rankExpression`).
enum PhraseRank {
    static let name = "arxive_rank"

    /// Makes the function available on this connection.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, rank, nil)
    }

    private static let rank: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let fts else { return }
        guard api.xPhraseCount(fts) == 1 else { return sqlite3_result_null(context) }
        guard let averageTokens = averageTokens(api, fts) else {
            return sqlite3_result_error(context, "\(name): cannot read the index's totals", -1)
        }
        var instances: Int32 = 0, tokens: Int32 = 0
        guard api.xInstCount(fts, &instances) == SQLITE_OK, api.xColumnSize(fts, -1, &tokens) == SQLITE_OK else {
            return sqlite3_result_error(context, "\(name): cannot read the match", -1)
        }
        var frequency = 0.0
        for index in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard api.xInst(fts, index, &phrase, &column, &offset) == SQLITE_OK else { continue }
            // Column weights follow the table argument; a missing one weighs 1, as in bm25.
            frequency += column < count ? sqlite3_value_double(values![Int(column)]) : 1
        }
        let k1 = 1.2, b = 0.75
        let part = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * Double(tokens) / averageTokens))
        sqlite3_result_double(context, -part)
    }

    /// The average number of tokens per paper, read once per query.
    ///
    /// FTS5 reads its totals record again on every xRowCount and
    /// xColumnTotalSize call (about two fifths of this function's cost per
    /// row, measured), so the first call keeps the average in the query's
    /// auxiliary data, as FTS5's own bm25 does.
    private static func averageTokens(_ api: Fts5ExtensionApi, _ fts: OpaquePointer) -> Double? {
        if let cached = api.xGetAuxdata(fts, 0) {
            return cached.assumingMemoryBound(to: Double.self).pointee
        }
        var rows: sqlite3_int64 = 0, allTokens: sqlite3_int64 = 0
        guard api.xRowCount(fts, &rows) == SQLITE_OK, api.xColumnTotalSize(fts, -1, &allTokens) == SQLITE_OK else {
            return nil
        }
        let average = rows > 0 ? Double(allTokens) / Double(rows) : 1
        let cached = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        cached.initialize(to: average)
        // On failure FTS5 has already called the destructor on `cached`.
        guard api.xSetAuxdata(fts, cached, { $0?.assumingMemoryBound(to: Double.self).deallocate() }) == SQLITE_OK else {
            return nil
        }
        return average
    }
}
