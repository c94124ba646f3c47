import Foundation
import GRDB

/// "More like the ones I starred": a ranker learned from the user's own
/// marks, over the archive alone (no network, no LLM).
extension Archive {
    /// The papers of `scope` (nil: every paper a digest listed) that are
    /// neither positives nor dismissed, ranked by a model trained now from
    /// `marks`, best first; with `explain`, each with its strongest features.
    /// What a mute hides is left out unless `showMuted`.
    public func recommend(
        from marks: MarkedPapers, in scope: Query? = nil, limit: Int? = 20,
        explain: Bool = false, showMuted: Bool = false
    ) throws -> Recommendations {
        try database.read { db in
            let (ranker, scored) = try Archive.learnedScores(from: marks, in: scope, hiding: showMuted ? [] : Archive.mutedPaperIDs(db), db)
            let papers = try scored.prefix(limit ?? Int.max).map { hit in
                Recommendation(
                    paper: try Archive.hit(paperID: hit.paperID, snippet: nil, db), score: hit.score,
                    reasons: explain ? try ranker.reasons(hit.paperID, db) : [])
            }
            let training = Recommendations.Training(
                positives: ranker.positives.count, dismissed: ranker.dismissed.count, unmarked: ranker.unmarked,
                features: ranker.features.features.count, iterations: ranker.model.iterations, candidates: scored.count)
            return Recommendations(training: training, papers: papers)
        }
    }

    /// Every unmarked paper of `scope` with its learned score, best first
    /// (equal scores in the order the papers arrived: the same every time).
    static func learnedScores(
        from marks: MarkedPapers, in scope: Query?, hiding muted: Set<Int64> = [],
        _ db: Database
    ) throws -> (LearnedRanker, [(paperID: Int64, score: Double)]) {
        let inScope =
            try scope.map { try Archive.paperIDs(matching: $0, db).ids }
            ?? Set(Int64.fetchAll(db, sql: "SELECT id FROM papers WHERE last_seen IS NOT NULL"))
        let candidates = inScope.subtracting(muted).sorted()
        let ranker = try LearnedRanker(marks, candidates: candidates, db)
        let scored = candidates.filter { !ranker.positives.contains($0) && !ranker.dismissed.contains($0) }
            .map { (paperID: $0, score: ranker.score($0)) }
            .sorted { ($0.score, $1.paperID) > ($1.score, $0.paperID) }
        return (ranker, scored)
    }
}
