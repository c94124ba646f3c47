import GRDB
import GRDBSQLite

/// (In `Archive/`: every connection the archive opens registers these
/// SQL functions; the query layer reads what they give through `scores`.)
///
/// bm25's order for a query of one phrase, without the two costs that make
/// bm25 slow on common words.
///
/// FTS5's bm25 multiplies, for each phrase of the query, its inverse
/// document frequency by a term-frequency part. The frequency needs the
/// number of papers holding the phrase, which FTS5 counts once per query by
/// reading every match: for `"the model"` that is checking positions across
/// a whole catalogue (about 150 ms at a million papers), even when the search
/// orders five thousand matches. With one phrase that factor is the same
/// positive number for every paper, so the term-frequency part alone gives
/// bm25's order.
///
/// That part needs each paper's length in tokens, which FTS5 reads from its
/// `papers_fts_docsize` table with a statement of its own per match: 3 of
/// the 4 ms that ranking `model` (3,969 of the benchmark's 7,551 papers)
/// took. So the SQL functions here give only what the match itself holds
/// (the phrase's weighted count in the paper, and the index's average
/// length); the ranking query joins the lengths in (about a quarter of
/// that cost), and `scores` computes the part as FTS5's fts5_aux.c does
/// (k1 = 1.2, b = 0.75, one weight per column).
package enum PhraseRank {
    /// `arxive_phrase_frequency(papers_fts, weight...)`: the sum of the column
    /// weights of the phrase's instances in this paper; NULL when the query
    /// has more than one phrase.
    static let frequencyFunction = "arxive_phrase_frequency"
    /// `arxive_average_length(papers_fts)`: the index's average paper length in tokens.
    static let averageFunction = "arxive_average_length"

    /// What a ranking query selects after the rowid, with the search's
    /// weights (titles, abstracts, comments: as in migration 001_archive)...
    static let columns = columns(table: "papers_fts", weights: [8, 1, 2])
    /// ...and what it joins to `papers_fts` for the lengths. A left join
    /// keeps `papers_fts` the outer loop, the matches read in its order and
    /// each length looked up beside them, whatever the planner estimates.
    static let join = join(table: "papers_fts")

    /// `columns` for another FTS5 table (the hotspot topics'), with its weights.
    static func columns(table: String, weights: [Double]) -> String {
        let list = weights.map { String($0) }.joined(separator: ", ")
        return "\(frequencyFunction)(\(table), \(list)), \(averageFunction)(\(table)), \(table)_docsize.sz"
    }

    static func join(table: String) -> String { "LEFT JOIN \(table)_docsize ON \(table)_docsize.id = \(table).rowid" }

    /// Makes the functions available on this connection.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), frequencyFunction, nil, frequency, nil)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), averageFunction, nil, average, nil)
    }

    /// The matches of `sql` (selecting the rowid, then `columns`, with
    /// `join`), in its order, each with a score in bm25's order (lower is
    /// better); nil when the query has more than one phrase: bm25 itself
    /// must rank those.
    static func scores(_ query: SQL, _ db: Database) throws -> [(id: Int64, score: Double)]? {
        var matches: [(id: Int64, score: Double)] = []
        let k1 = 1.2, b = 0.75
        let (sql, arguments) = try query.build(db)
        let statement = try db.makeStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        // Each row is read in place from the statement: for thousands of
        // matches, going through `Row` (a `Data` for each blob) cost as much
        // as the lengths' lookups this saves.
        let row = statement.sqliteStatement
        while try rows.next() != nil {
            guard sqlite3_column_type(row, 1) != SQLITE_NULL else { return nil }
            let frequency = sqlite3_column_double(row, 1), averageLength = sqlite3_column_double(row, 2)
            // The blob's pointer first: sqlite3_column_bytes is valid after it.
            let sizes = sqlite3_column_blob(row, 3)
            let length = totalOfVarints(UnsafeRawBufferPointer(start: sizes, count: Int(sqlite3_column_bytes(row, 3))))
            let part = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * Double(length) / averageLength))
            matches.append((sqlite3_column_int64(row, 0), -part))
        }
        return matches
    }

    /// The sum of the SQLite varints in `bytes`: how FTS5 stores a paper's
    /// length in tokens, one varint per column (fts5_storage.c,
    /// `fts5StorageDecodeSizeArray`).
    package static func totalOfVarints(_ bytes: UnsafeRawBufferPointer) -> Int {
        // Seven bits a byte, the high bit set on all but the last. (A ninth
        // byte would count all eight bits, but lengths stay far below 2^56.)
        var total = 0, value = 0
        for byte in bytes {
            value = value << 7 | Int(byte & 0x7f)
            if byte & 0x80 == 0 {
                total += value
                value = 0
            }
        }
        return total
    }

    private static let frequency: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let fts else { return }
        guard api.xPhraseCount(fts) == 1 else { return sqlite3_result_null(context) }
        var instances: Int32 = 0
        guard api.xInstCount(fts, &instances) == SQLITE_OK else {
            return sqlite3_result_error(context, "\(frequencyFunction): cannot read the match", -1)
        }
        var frequency = 0.0
        for index in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard api.xInst(fts, index, &phrase, &column, &offset) == SQLITE_OK else { continue }
            // Column weights follow the table argument; a missing one weighs 1, as in bm25.
            frequency += column < count ? sqlite3_value_double(values![Int(column)]) : 1
        }
        sqlite3_result_double(context, frequency)
    }

    /// FTS5 reads its totals record again on every xRowCount and
    /// xColumnTotalSize call, so the first call keeps the average in the
    /// query's auxiliary data, as FTS5's own bm25 does.
    private static let average: fts5_extension_function = { api, fts, context, _, _ in
        guard let api = api?.pointee, let fts else { return }
        if let cached = api.xGetAuxdata(fts, 0) {
            return sqlite3_result_double(context, cached.assumingMemoryBound(to: Double.self).pointee)
        }
        var rows: sqlite3_int64 = 0, allTokens: sqlite3_int64 = 0
        guard api.xRowCount(fts, &rows) == SQLITE_OK, api.xColumnTotalSize(fts, -1, &allTokens) == SQLITE_OK else {
            return sqlite3_result_error(context, "\(averageFunction): cannot read the index's totals", -1)
        }
        let average = rows > 0 ? Double(allTokens) / Double(rows) : 1
        let cached = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        cached.initialize(to: average)
        // On failure FTS5 has already called the destructor on `cached`.
        _ = api.xSetAuxdata(fts, cached, { $0?.assumingMemoryBound(to: Double.self).deallocate() })
        sqlite3_result_double(context, average)
    }
}
