import Foundation
import GRDB

/// More like this, from the archive alone (no network), over one
/// connection: it writes scratch tables of its own in `temp`.
struct SimilarPapers {
    let db: Database

    /// How many of a paper's terms make its query: enough to describe it,
    /// few enough that one query stays cheap.
    static let termCount = 16

    /// The papers most like the paper `arxivID`, best first.
    ///
    /// The paper's title and abstract are tokenized by a scratch FTS5 table
    /// with the archive's own tokenizer (so the terms are the index's, stemmed);
    /// each term is weighted by tf-idf against the archive's vocabulary, and
    /// the most distinctive ones make an OR query ranked by bm25. Shared
    /// authors then raise a candidate's score by half for each.
    ///
    /// With `vectors` that hold the paper's vector, the papers nearest it
    /// make a second ranking, fused with the first by reciprocal rank (as
    /// `search` fuses words and meaning): the terms find papers that share
    /// the paper's words, the vectors those that say the same in others.
    func papers(like arxivID: String, limit: Int, vectors: VectorIndex? = nil) throws -> [PaperHit] {
        let id = ArxivID.parse(arxivID)?.id ?? arxivID
        guard let paperID = try Int64.fetchOne(db, literal: "SELECT id FROM papers WHERE arxiv_id = \(id)") else {
            throw SimilarError.noPaper(id)
        }
        let depth = max(50, limit > Int.max / 5 ? Int.max : limit * 5)
        let byTerms = try termRanking(paperID: paperID, depth: depth)
        let reads = PaperReads(db: db)
        guard let vectors, let vector = vectors.vector(of: paperID) else {
            return try byTerms.prefix(limit).map { try reads.hit(paperID: $0, snippet: nil) }
        }
        let byMeaning = vectors.nearest(vector, limit: depth, excluding: [paperID]).map(\.id)
        return try RankFusion.fuse([byTerms, byMeaning], limit: limit).map { try reads.hit(paperID: $0.id, snippet: nil) }
    }

    /// The papers sharing the paper's distinctive terms, best first (see `papers(like:)`).
    func termRanking(paperID: Int64, depth: Int) throws -> [Int64] {
        let terms = try distinctiveTerms(paperID: paperID)
        guard !terms.isEmpty else { return [] }
        let match = terms.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: " OR ")
        // Title and abstract only: verdict comments share the LLM's stock phrases.
        let candidates = try Row.fetchAll(
            db,
            literal: """
                SELECT rowid AS id, bm25(papers_fts, 8.0, 1.0, 0.0) AS score FROM papers_fts
                WHERE papers_fts MATCH \("{title abstract} : (\(match))") AND rowid != \(paperID)
                ORDER BY score LIMIT \(depth)
                """)
        let ids = candidates.map { String($0["id"] as Int64) }.joined(separator: ",")
        var shared: [Int64: Int] = [:]
        for row in try Row.fetchAll(
            db,
            literal: """
                SELECT paper_id, count(*) AS n FROM paper_authors
                WHERE paper_id IN (\(sql: ids)) AND author_id IN (SELECT author_id FROM paper_authors WHERE paper_id = \(paperID))
                GROUP BY paper_id
                """)
        {
            shared[row["paper_id"]] = row["n"]
        }
        let scored = candidates.map { row in
            let candidate: Int64 = row["id"]
            // bm25 is negative, lower is better.
            return (id: candidate, score: -(row["score"] as Double) * (1 + 0.5 * Double(shared[candidate] ?? 0)))
        }
        return scored.sorted { $0.score > $1.score }.map(\.id)
    }

    /// The paper's most distinctive index terms by tf-idf (terms found in no
    /// other paper cannot find anything and are left out).
    func distinctiveTerms(paperID: Int64) throws -> [String] {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_doc USING fts5(title, abstract, tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_doc_terms USING fts5vocab(temp, similar_doc, 'row');
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.archive_terms USING fts5vocab(main, papers_fts, 'row');
                DELETE FROM temp.similar_doc;
                """)
        try db.execute(literal: "INSERT INTO temp.similar_doc (title, abstract) SELECT title, abstract FROM papers WHERE id = \(paperID)")
        let papers = Double(try Int.fetchOne(db, sql: "SELECT count(*) FROM papers") ?? 1)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.term, d.cnt, a.doc FROM temp.similar_doc_terms d JOIN temp.archive_terms a ON a.term = d.term
                WHERE a.doc > 1
                """)
        let weighted = rows.map { row -> (term: String, weight: Double) in
            let (term, count, documents): (String, Int, Int) = (row["term"], row["cnt"], row["doc"])
            return (term, Double(count) * log(papers / Double(documents)))
        }
        return weighted.filter { $0.weight > 0 }.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) }
            .prefix(SimilarPapers.termCount).map(\.term)
    }
}
