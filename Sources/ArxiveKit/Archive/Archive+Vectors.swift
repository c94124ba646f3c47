import Foundation
import GRDB

/// How many papers have vectors, and of which model.
public struct VectorStatus: Codable, Sendable, Equatable {
    /// Papers `embed` would give a vector (without `--catalogue`).
    public var papers: Int
    /// Of those, with a vector of the model in use.
    public var embedded: Int
    /// Papers with a vector of another model (made again by `embed`).
    public var otherModel: Int
    /// Bytes the vectors take in the archive (their blobs).
    public var bytes: Int

    enum CodingKeys: String, CodingKey {
        case papers, embedded, bytes
        case otherModel = "other_model"
    }
}

/// A paper to embed: its row id and the text its vector is made of.
public struct PaperToEmbed: Sendable {
    public var paperID: Int64
    public var text: String
}

/// The vectors of `paper_vectors` (migration 014): which papers need one,
/// writing a chunk of them, reading them all for a search.
extension Archive {
    /// The papers a digest, a spotlight or a report named (and, with
    /// `catalogue`, the catalogue's papers too).
    static func embeddable(catalogue: Bool) -> String {
        catalogue ? "1" : "NOT (p.last_seen IS NULL AND p.catalogue_date IS NOT NULL)"
    }

    public func vectorStatus(model identity: String?, catalogue: Bool = false) throws -> VectorStatus {
        try database.read { db in
            let modelID = try identity.flatMap { try Int64.fetchOne(db, sql: "SELECT id FROM vector_models WHERE identity = ?", arguments: [$0]) }
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS papers, count(v.paper_id) FILTER (WHERE v.model_id = ?) AS embedded,
                           count(v.paper_id) FILTER (WHERE v.model_id IS NOT ?) AS other, coalesce(sum(length(v.vector)), 0) AS bytes
                    FROM papers p LEFT JOIN paper_vectors v ON v.paper_id = p.id WHERE \(Archive.embeddable(catalogue: catalogue))
                    """, arguments: [modelID ?? -1, modelID ?? -1])!
            return VectorStatus(papers: row["papers"], embedded: row["embedded"], otherModel: row["other"], bytes: row["bytes"])
        }
    }

    /// How many papers `embed` gives a vector (without `--catalogue`), from
    /// the indexes alone: a search asks at every run, and `vectorStatus`
    /// reads every paper's row.
    public func embeddablePaperCount() throws -> Int {
        try database.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM papers WHERE last_seen IS NOT NULL)
                         + (SELECT count(*) FROM papers INDEXED BY papers_named_only WHERE last_seen IS NULL AND catalogue_date IS NULL)
                    """) ?? 0
        }
    }

    /// Up to `limit` papers without a vector of model `identity`, in id order
    /// (so that an interrupted `embed` goes on where it stopped).
    public func papersToEmbed(model identity: String, catalogue: Bool, limit: Int) throws -> [PaperToEmbed] {
        try database.read { db in
            let modelID = try Int64.fetchOne(db, sql: "SELECT id FROM vector_models WHERE identity = ?", arguments: [identity]) ?? -1
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.title, p.abstract FROM papers p
                    WHERE \(Archive.embeddable(catalogue: catalogue))
                      AND NOT EXISTS (SELECT 1 FROM paper_vectors v WHERE v.paper_id = p.id AND v.model_id = ?)
                    ORDER BY p.id LIMIT ?
                    """, arguments: [modelID, limit]
            ).map { row in
                PaperToEmbed(
                    paperID: row["id"], text: SentenceModel.paperText(title: row["title"] ?? "", abstract: row["abstract"] ?? ""))
            }
        }
    }

    /// Stores one chunk of vectors in one transaction: a kill loses at most this chunk.
    public func storeVectors(_ vectors: [(paperID: Int64, vector: [Float])], model identity: String, dimension: Int) throws {
        let coding = VectorCoding.stored
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO vector_models (identity, dimension, encoding) VALUES (?, ?, ?) ON CONFLICT (identity) DO NOTHING",
                arguments: [identity, dimension, coding.rawValue])
            let model = try Row.fetchOne(db, sql: "SELECT id, dimension, encoding FROM vector_models WHERE identity = ?", arguments: [identity])!
            guard model["dimension"] as Int == dimension, let stored = VectorCoding(rawValue: model["encoding"]) else {
                throw ArchiveError.vectorMismatch(model: identity)
            }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO paper_vectors (paper_id, model_id, vector) VALUES (?, ?, ?)
                    ON CONFLICT (paper_id) DO UPDATE SET model_id = excluded.model_id, vector = excluded.vector
                    """)
            for (paperID, vector) in vectors {
                try insert.execute(arguments: [paperID, model["id"] as Int64, stored.bytes(of: vector)])
            }
        }
    }

    /// Every vector of model `identity`; nil when the archive has none.
    public func vectorIndex(model identity: String) throws -> VectorIndex? {
        // Scoring them needs BLAS: a missing library is said here, not at the first product.
        try MatrixProduct.load()
        return try database.read { db in try Archive.vectorIndex(model: identity, db) }
    }

    static func vectorIndex(model identity: String, _ db: Database) throws -> VectorIndex? {
        guard let model = try Row.fetchOne(db, sql: "SELECT id, dimension, encoding FROM vector_models WHERE identity = ?", arguments: [identity]),
            let coding = VectorCoding(rawValue: model["encoding"])
        else { return nil }
        let modelID: Int64 = model["id"]
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM paper_vectors WHERE model_id = ?", arguments: [modelID]) ?? 0
        var index = VectorIndex(dimension: model["dimension"], capacity: count)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT paper_id, vector FROM paper_vectors WHERE model_id = ? ORDER BY paper_id", arguments: [modelID])
        while let row = try rows.next() {
            // The blob is read in place (no copy); a blob of the wrong size (a
            // damaged row) is left out, so a search never reads garbage.
            guard let bytes = row.dataNoCopy(atIndex: 1) else { continue }
            _ = index.append(paperID: row[0], bytes: bytes, coding: coding)
        }
        return index.count > 0 ? index : nil
    }
}

extension Archive {
    /// True the first time it is asked with `name` in this archive (a hint
    /// said once, not at every search); recorded in `user_state`.
    public func firstTime(_ name: String) throws -> Bool {
        // Read first: a search that has said it before takes no write lock.
        let said = try database.read { try Bool.fetchOne($0, sql: "SELECT 1 FROM user_state WHERE name = ?", arguments: [name]) ?? false }
        if said { return false }
        return try database.write { db in
            try db.execute(sql: "INSERT INTO user_state (name, value) VALUES (?, '1') ON CONFLICT (name) DO NOTHING", arguments: [name])
            return db.changesCount > 0
        }
    }
}
