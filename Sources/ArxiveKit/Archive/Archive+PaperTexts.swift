import GRDB

/// Storing the texts a digest gives of its papers beyond English
/// (`paper_texts`): one rule decides between two texts of a field, whatever
/// order their files came in (see the schema).
extension Archive {
    /// How strongly a source's texts hold: a digest's own JSON over a page of it.
    static func textRank(_ format: Digest.Format) -> Int {
        format.carriesEveryKey ? 2 : 1
    }

    func storeTexts(of papers: [DigestPaper], rank: Int, date: String, _ db: Database) throws {
        for paper in papers {
            for text in PaperText.texts(inExtra: paper.extra) { try Archive.storeText(arxivID: paper.arxivID, text, rank: rank, date: date, db) }
        }
    }

    /// Keeps `text` unless the archive holds one of higher rank, or of the same rank from a later day.
    static func storeText(arxivID: String, _ text: PaperText, rank: Int, date: String, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO paper_texts (arxiv_id, field, language, rank, date, text) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (arxiv_id, field, language) DO UPDATE SET rank = excluded.rank, date = excluded.date, text = excluded.text
                WHERE (excluded.rank, excluded.date, excluded.text) > (paper_texts.rank, paper_texts.date, paper_texts.text)
                """
        ).execute(arguments: [arxivID, text.field, text.language, rank, date, text.text])
    }
}
