import Foundation
import GRDB

/// Where each git history's last import stopped (`import --git`).
extension Archive {
    /// The last commit read from `ref` of `repository`; nil before the first import.
    public func lastGitCommit(repository: String, ref: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT last_commit FROM git_imports WHERE repository = ? AND ref = ?", arguments: [repository, ref])
        }
    }

    /// Records that `ref` of `repository` was read up to `commit`.
    public func recordGitImport(repository: String, ref: String, commit: String) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO git_imports (repository, ref, last_commit, imported_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (repository, ref) DO UPDATE SET last_commit = excluded.last_commit, imported_at = excluded.imported_at
                    """, arguments: [repository, ref, commit, ISO8601DateFormatter().string(from: Date())])
        }
    }
}
