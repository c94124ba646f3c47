import GRDB

/// Whole paper records, for exports.
extension Archive {
    /// The records of these papers, in this order (ids not in the archive are left out).
    public func records(arxivIDs: [String]) throws -> [PaperRecord] {
        try database.read { db in
            try arxivIDs.compactMap { id in
                try Int64.fetchOne(db, sql: "SELECT id FROM papers WHERE arxiv_id = ?", arguments: [id]).map { try Archive.record(paperID: $0, db) }
            }
        }
    }

    static func record(paperID: Int64, _ db: Database) throws -> PaperRecord {
        let row = try Row.fetchOne(
            db, sql: "SELECT arxiv_id, title, abstract, first_seen, last_seen, catalogue FROM papers WHERE id = ?", arguments: [paperID])!
        let verdicts = try Row.fetchAll(
            db,
            sql: """
                SELECT r.digest, r.date, v.position, v.relevance, v.novelty, v.score, v.comment, v.author_match,
                       v.arxiv_version, v.announce_type, v.extra
                FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE v.paper_id = ? ORDER BY r.date, r.digest
                """, arguments: [paperID]
        ).map { v in
            PaperRecord.Verdict(
                digest: v["digest"], date: v["date"], position: v["position"], relevance: v["relevance"],
                novelty: v["novelty"], score: v["score"], comment: v["comment"], authorMatch: v["author_match"],
                arxivVersion: v["arxiv_version"], announceType: v["announce_type"],
                extra: (v["extra"] as String?).flatMap(JSONValue.parse))
        }
        return PaperRecord(
            arxivID: row["arxiv_id"], title: row["title"], authors: try authorNames(paperID: paperID, db),
            abstract: row["abstract"], firstSeen: row["first_seen"], lastSeen: row["last_seen"],
            verdicts: verdicts, marks: try marks(of: row["arxiv_id"], db), catalogue: CatalogueFields(catalogueJSON: row["catalogue"]))
    }
}
