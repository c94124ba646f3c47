/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a
/// paper's fused score is the sum of 1 / (k + rank) over the rankings that
/// hold it. It needs no calibration between bm25 and cosine, which live on
/// unrelated scales, and k = 60 is the paper's constant.
public enum RankFusion {
    public static let k = 60.0

    public struct Fused: Equatable, Sendable {
        public var id: Int64
        public var score: Double
        /// 1-based ranks in each input ranking; nil where it was not ranked.
        public var ranks: [Int?]
    }

    /// The ids of `rankings` (each best first), fused, best first; ties go to
    /// the better rank in the first ranking, then to the larger id.
    public static func fuse(_ rankings: [[Int64]], limit: Int) -> [Fused] {
        var fused: [Int64: Fused] = [:]
        for (which, ranking) in rankings.enumerated() {
            for (index, id) in ranking.enumerated() {
                var entry = fused[id] ?? Fused(id: id, score: 0, ranks: Array(repeating: nil, count: rankings.count))
                guard entry.ranks[which] == nil else { continue }
                entry.ranks[which] = index + 1
                entry.score += 1 / (k + Double(index + 1))
                fused[id] = entry
            }
        }
        return Array(
            fused.values.sorted {
                if $0.score != $1.score { return $0.score > $1.score }
                let first0 = $0.ranks.first.flatMap { $0 } ?? Int.max
                let first1 = $1.ranks.first.flatMap { $0 } ?? Int.max
                return first0 != first1 ? first0 < first1 : $0.id > $1.id
            }.prefix(limit))
    }
}
