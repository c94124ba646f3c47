import GRDB

// Fetching with a GRDB `SQL` value, whose interpolated values are bound
// arguments: how the archive and the query layer write a query built of
// parts, rather than an SQL string with a separate argument array.
// (GRDB takes an `SQL` through `SQLRequest(literal:)`; these say it once.)

extension Row {
    static func fetchAll(_ db: Database, literal sql: SQL) throws -> [Row] {
        try fetchAll(db, SQLRequest<Row>(literal: sql))
    }

    static func fetchOne(_ db: Database, literal sql: SQL) throws -> Row? {
        try fetchOne(db, SQLRequest<Row>(literal: sql))
    }

    static func fetchCursor(_ db: Database, literal sql: SQL) throws -> RowCursor {
        try fetchCursor(db, SQLRequest<Row>(literal: sql))
    }
}

// On `StatementColumnConvertible` (integers, strings, doubles): GRDB reads
// those columns straight from the statement.
extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    static func fetchAll(_ db: Database, literal sql: SQL) throws -> [Self] {
        try fetchAll(db, SQLRequest<Row>(literal: sql))
    }

    static func fetchOne(_ db: Database, literal sql: SQL) throws -> Self? {
        try fetchOne(db, SQLRequest<Row>(literal: sql))
    }
}

extension SQLInterpolation {
    /// `BETWEEN ? AND ?`, the bounds bound: `"WHERE r.date \(between: month.dateRange)"`.
    mutating func appendInterpolation(between range: ClosedRange<String>) {
        appendLiteral("BETWEEN ")
        appendInterpolation(range.lowerBound)
        appendLiteral(" AND ")
        appendInterpolation(range.upperBound)
    }
}
