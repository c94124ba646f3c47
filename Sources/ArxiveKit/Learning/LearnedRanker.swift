// Learning/: the ranker learned from the user's own marks, over paper ids:
// papers as feature vectors (`PaperFeatures`), a small linear model
// (`LogisticRegression`), and the two trained together (`LearnedRanker`).
// The queries that use it (`recommend`, `rank --learned`) are in Search/.
// It may call Model and Archive (the database and its marks).

import Foundation
import GRDB

/// A model trained on the fly from the user's marks, that scores papers.
///
/// Positives: the marked papers (starred, or of one tag). Negatives: every
/// dismissed paper, and a fixed sample of unmarked papers a digest listed:
/// those are what the user saw and did not mark, the nearest thing to a "no".
/// The two classes weigh the same in training, however many of each.
struct LearnedRanker {
    static let minimumPositives = 3
    /// Enough to cover the archive's vocabulary, few enough to train in milliseconds.
    static let unmarkedSample = 400
    /// The L2 penalty (see `LogisticRegression`) and where training stops,
    /// chosen on the 400-day generated history of `scripts/bench-recommend.py`
    /// (AUC for three topics; passes): λ 1e-4: 0.992 0.970 0.970 (469 passes);
    /// 1e-3: 0.994 0.973 0.976 (258); 1e-2: 0.996 0.974 0.979 (64). A
    /// gradient of 1e-5 rather than 1e-6 changed no AUC by more than 0.001.
    static let lambda = 1e-2
    static let tolerance = 1e-5

    let model: LogisticRegression
    let features: PaperFeatures
    let positives: Set<Int64>
    let dismissed: Set<Int64>
    let unmarked: Int

    /// Trains from `marks`, with `candidates` (the papers to score later) in
    /// the same feature space.
    init(_ marks: MarkedPapers, candidates: [Int64], vectors: VectorIndex? = nil, _ db: Database) throws {
        let positives: [Int64]
        switch marks {
        case .starred:
            positives = try Int64.fetchAll(db, sql: "SELECT p.id FROM papers p JOIN marks m ON m.arxiv_id = p.arxiv_id WHERE m.starred = 1")
        case .tag(let name):
            positives = try Int64.fetchAll(
                db, sql: "SELECT p.id FROM papers p JOIN tags t ON t.arxiv_id = p.arxiv_id WHERE t.tag = ?",
                arguments: [name])
        }
        guard positives.count >= LearnedRanker.minimumPositives else {
            throw RecommendError.tooFewPositives(marks, have: positives.count, need: LearnedRanker.minimumPositives)
        }
        let positiveSet = Set(positives)
        let dismissed = try Int64.fetchAll(
            db,
            sql: """
                SELECT p.id FROM papers p JOIN marks m ON m.arxiv_id = p.arxiv_id WHERE m.dismissed_at IS NOT NULL
                """
        ).filter { !positiveSet.contains($0) }
        let marked = positiveSet.union(dismissed)
        // A fixed pseudo-random order (Knuth's multiplicative hash of the id):
        // the same archive trains the same model every time.
        let sampleOrder = "ORDER BY (p.id * 2654435761) % 4294967296 LIMIT \(LearnedRanker.unmarkedSample + marked.count)"
        var unmarked = try Int64.fetchAll(db, sql: "SELECT p.id FROM papers p WHERE p.last_seen IS NOT NULL \(sampleOrder)")
        if unmarked.isEmpty {  // an archive of catalogue papers only
            unmarked = try Int64.fetchAll(db, sql: "SELECT p.id FROM papers p \(sampleOrder)")
        }
        unmarked = Array(unmarked.filter { !marked.contains($0) }.prefix(LearnedRanker.unmarkedSample))

        let negatives = dismissed + unmarked
        var all = Set(positives).union(negatives)
        let wanted = positives + negatives + candidates.filter { all.insert($0).inserted }
        let features = try PaperFeatures(paperIDs: wanted, vectors: vectors, db)
        let positiveWeight = negatives.isEmpty ? 1 : Double(negatives.count) / Double(positives.count)
        let samples =
            positives.map { LogisticRegression.Sample(features: features.vectors[$0]!, isPositive: true, weight: positiveWeight) }
            + negatives.map { LogisticRegression.Sample(features: features.vectors[$0]!, isPositive: false, weight: 1) }
        model = LogisticRegression.train(
            samples, featureCount: features.features.count, lambda: LearnedRanker.lambda,
            tolerance: LearnedRanker.tolerance)
        self.features = features
        self.positives = positiveSet
        self.dismissed = Set(dismissed)
        self.unmarked = unmarked.count
    }

    /// The probability that `paperID` (a candidate given at training) belongs with the positives.
    func score(_ paperID: Int64) -> Double {
        features.vectors[paperID].map(model.probability) ?? 0
    }

    /// The features that raise `paperID`'s score most, strongest first.
    func reasons(_ paperID: Int64, count: Int = 5, _ db: Database) throws -> [RecommendReason] {
        guard let vector = features.vectors[paperID] else { return [] }
        var points = vector.indexes.indices
            .map { (feature: features.features[Int(vector.indexes[$0])], points: vector.values[$0] * model.weights[Int(vector.indexes[$0])]) }
        // A vector's dimensions mean nothing one by one: together they are one reason.
        let meaning = points.filter { if case .meaning = $0.feature { true } else { false } }
        points.removeAll { if case .meaning = $0.feature { true } else { false } }
        if !meaning.isEmpty { points.append((.meaning(0), meaning.reduce(0) { $0 + $1.points })) }
        let strongest =
            points
            .filter { $0.points > 0 }
            .sorted { $0.points > $1.points }
            .prefix(count)
        return try strongest.map { reason in
            switch reason.feature {
            case .term(let term):
                return RecommendReason(kind: "term", value: term, points: reason.points)
            case .author(let id):
                let name = try String.fetchOne(db, sql: "SELECT name FROM authors WHERE id = ?", arguments: [id]) ?? "?"
                return RecommendReason(kind: "author", value: name, points: reason.points)
            case .meaning:
                return RecommendReason(kind: "meaning", value: "close in meaning to the marked papers", points: reason.points)
            }
        }
    }
}
