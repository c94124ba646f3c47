/// The archive schema: the numbered SQL migrations of `migrations.sql`,
/// embedded in the binary.
///
/// That file is the one list of migrations: each starts at its
/// `-- migration: NNN_name` line and runs to the next. Never edit a
/// migration that has shipped: append the next one.
public enum Schema {
    /// The migrations in the order they apply: (identifier, SQL).
    public static let migrations: [(identifier: String, sql: String)] =
        split(String(decoding: PackageResources.migrations_sql, as: UTF8.self))

    static let marker = "-- migration: "

    /// The sections of `text` that start at a marker line (the header before the first is a comment).
    static func split(_ text: String) -> [(identifier: String, sql: String)] {
        var migrations: [(identifier: String, sql: String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(marker) {
                migrations.append((String(line.dropFirst(marker.count)).trimmingSpaces, ""))
            } else if !migrations.isEmpty {
                migrations[migrations.count - 1].sql += line + "\n"
            }
        }
        return migrations
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " || $0 == "\r" }).reversed())
    }
}
