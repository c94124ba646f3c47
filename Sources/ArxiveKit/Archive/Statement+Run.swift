import GRDB
import GRDBSQLite

/// A value an import binds straight to an SQLite statement parameter.
protocol SQLiteBindable {
    /// Binds the value to parameter `index` (1-based); returns SQLite's result code.
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32
}

extension Statement {
    /// Runs this write statement with `values` bound to its parameters in
    /// order, through SQLite's C interface.
    ///
    /// For the few statements an import runs once per paper, author or
    /// verdict. GRDB's `execute(arguments:)` wraps each value in a
    /// `DatabaseValue`, gathers them in an array, and brackets every step
    /// with its observation bookkeeping; binding here instead took 13% off
    /// the writer thread's instructions in an import of 100 benchmark days
    /// (callgrind). Skipping GRDB's bookkeeping is safe because an import
    /// runs inside a transaction it holds and arxive registers no
    /// transaction observers. A failure is thrown as GRDB's `DatabaseError`,
    /// as `execute` would throw it.
    func run<each Value: SQLiteBindable>(_ values: repeat each Value) throws {
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            let code = value.bind(to: sqliteStatement, at: index)
            guard code == SQLITE_OK else { throw failure(code) }
        }
        precondition(index == sqlite3_bind_parameter_count(sqliteStatement), "\(index) values for the parameters of \(sql)")
        let code = sqlite3_step(sqliteStatement)
        sqlite3_reset(sqliteStatement)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let message = sqlite3_db_handle(sqliteStatement).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        sqlite3_reset(sqliteStatement)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}

/// SQLite copies the text as it is bound: the Swift string may go away before the step.
/// Named as SQLite's C header names it.
// swift-format-ignore: AlwaysUseLowerCamelCase
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension String: SQLiteBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { utf8 in
            // An empty buffer may have no address, which SQLite would take for NULL.
            guard let base = utf8.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, SQLITE_TRANSIENT) }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(statement, index, $0, Int32(utf8.count), SQLITE_TRANSIENT)
            }
        }
    }
}

extension Int64: SQLiteBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self) }
}

extension Int: SQLiteBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Double: SQLiteBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 { sqlite3_bind_double(statement, index, self) }
}

extension Bool: SQLiteBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self ? 1 : 0) }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        guard let value = self else { return sqlite3_bind_null(statement, index) }
        return value.bind(to: statement, at: index)
    }
}
