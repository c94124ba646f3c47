import Foundation
import GRDB

/// What the user adds to a paper: a star or a dismissal, tags, a note, read or not.
public struct PaperMarks: Encodable, Equatable, Sendable {
    public var starred = false
    /// When it was dismissed ("not for me", ISO 8601); nil: not dismissed.
    @OrNull public var dismissedAt: String?
    /// When it was marked read (ISO 8601); nil: unread.
    @OrNull public var readAt: String?
    @OrNull public var note: String?
    public var tags: [String] = []

    public init(starred: Bool = false, dismissedAt: String? = nil, readAt: String? = nil, note: String? = nil, tags: [String] = []) {
        self.starred = starred
        self.dismissedAt = dismissedAt
        self.readAt = readAt
        self.note = note
        self.tags = tags
    }
}

/// The user's marks, kept in their own tables by arXiv id: imports never
/// touch them, and they outlive a paper being dropped and imported again.
extension Archive {
    /// A change to one paper's marks.
    public enum MarkChange: Sendable {
        /// Starring clears a dismissal, and dismissing clears the star: one
        /// paper is not both a positive and a negative for `recommend`.
        case star(Bool)
        case dismiss(Bool)
        case read(Bool)
        case note(String?)
        case addTags([String])
        case removeTags([String])
    }

    /// Applies `change` to the paper `arxivID` (which must be in the archive).
    public func mark(_ arxivID: String, _ change: MarkChange) throws {
        let id = ArxivID.parse(arxivID)?.id ?? arxivID
        let now = ISO8601DateFormatter().string(from: Date())
        try database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM papers WHERE arxiv_id = ?)", arguments: [id]) == true else {
                throw MarkError.noPaper(id)
            }
            try db.execute(sql: "INSERT OR IGNORE INTO marks (arxiv_id, updated_at) VALUES (?, ?)", arguments: [id, now])
            switch change {
            case .star(let on):
                try db.execute(
                    sql: """
                        UPDATE marks SET starred = ?, dismissed_at = CASE WHEN ? THEN NULL ELSE dismissed_at END, updated_at = ? WHERE arxiv_id = ?
                        """, arguments: [on, on, now, id])
            case .dismiss(let on):
                try db.execute(
                    sql: """
                        UPDATE marks SET dismissed_at = ?, starred = CASE WHEN ? THEN 0 ELSE starred END, updated_at = ? WHERE arxiv_id = ?
                        """, arguments: [on ? now : nil, on, now, id])
            case .read(let read):
                try db.execute(sql: "UPDATE marks SET read_at = ?, updated_at = ? WHERE arxiv_id = ?", arguments: [read ? now : nil, now, id])
            case .note(let text):
                let note = text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
                try db.execute(sql: "UPDATE marks SET note = ?, updated_at = ? WHERE arxiv_id = ?", arguments: [note, now, id])
            case .addTags(let tags):
                for tag in tags {
                    try db.execute(sql: "INSERT OR IGNORE INTO tags (arxiv_id, tag, added_at) VALUES (?, ?, ?)", arguments: [id, tag, now])
                }
                try db.execute(sql: "UPDATE marks SET updated_at = ? WHERE arxiv_id = ?", arguments: [now, id])
            case .removeTags(let tags):
                for tag in tags {
                    try db.execute(sql: "DELETE FROM tags WHERE arxiv_id = ? AND tag = ?", arguments: [id, tag])
                }
                try db.execute(sql: "UPDATE marks SET updated_at = ? WHERE arxiv_id = ?", arguments: [now, id])
            }
        }
    }

    /// The marks on `arxivID` (all unset when it has none).
    public func marks(of arxivID: String) throws -> PaperMarks {
        let id = ArxivID.parse(arxivID)?.id ?? arxivID
        return try database.read { db in try Archive.marks(of: id, db) }
    }

    static func marks(of arxivID: String, _ db: Database) throws -> PaperMarks {
        let tags = try String.fetchAll(db, sql: "SELECT tag FROM tags WHERE arxiv_id = ? ORDER BY tag", arguments: [arxivID])
        guard let row = try Row.fetchOne(db, sql: "SELECT starred, dismissed_at, read_at, note FROM marks WHERE arxiv_id = ?", arguments: [arxivID]) else {
            return PaperMarks(tags: tags)
        }
        return PaperMarks(starred: row["starred"], dismissedAt: row["dismissed_at"], readAt: row["read_at"], note: row["note"], tags: tags)
    }
}
