import GRDB

/// "More like the ones I starred", over one read of the archive: a ranker
/// learned from the user's own marks, over the archive alone (no network, no LLM).
struct Recommender {
    let db: Database

    /// The papers of `scope` (nil: every paper a digest listed) that are
    /// neither positives nor dismissed, ranked by a model trained now from
    /// `marks`, best first; with `explain`, each with its strongest features.
    /// What a mute hides is left out unless `showMuted`.
    /// With `vectors`, the papers' sentence vectors are features too.
    func recommend(from marks: MarkedPapers, in scope: Query?, limit: Int?, explain: Bool, showMuted: Bool, vectors: VectorIndex? = nil)
        throws -> Recommendations
    {
        let (ranker, scored) = try learnedScores(
            from: marks, in: scope, hiding: showMuted ? [] : MuteRules(db: db).mutedPaperIDs(), vectors: vectors)
        let reads = PaperReads(db: db)
        let papers = try scored.prefix(limit ?? Int.max).map { hit in
            Recommendation(
                paper: try reads.hit(paperID: hit.paperID, snippet: nil), score: hit.score,
                reasons: explain ? try ranker.reasons(hit.paperID, db) : [])
        }
        let training = Recommendations.Training(
            positives: ranker.positives.count, dismissed: ranker.dismissed.count, unmarked: ranker.unmarked,
            features: ranker.features.features.count, iterations: ranker.model.iterations, candidates: scored.count)
        return Recommendations(training: training, papers: papers)
    }

    /// Every unmarked paper of `scope` with its learned score, best first
    /// (equal scores in the order the papers arrived: the same every time).
    func learnedScores(from marks: MarkedPapers, in scope: Query?, hiding muted: Set<Int64> = [], vectors: VectorIndex? = nil) throws -> (
        LearnedRanker, [(paperID: Int64, score: Double)]
    ) {
        let inScope =
            try scope.map { try PaperSearch(db: db).paperIDs(matching: $0).ids }
            ?? Set(Int64.fetchAll(db, sql: "SELECT id FROM papers WHERE last_seen IS NOT NULL"))
        let candidates = inScope.subtracting(muted).sorted()
        let ranker = try LearnedRanker(marks, candidates: candidates, vectors: vectors, db)
        let scored = candidates.filter { !ranker.positives.contains($0) && !ranker.dismissed.contains($0) }
            .map { (paperID: $0, score: ranker.score($0)) }
            .sorted { ($0.score, $1.paperID) > ($1.score, $0.paperID) }
        return (ranker, scored)
    }
}
