/// How `arxive rank` scores stored verdicts. With nothing set it is the
/// digest's own order: author matches first, then the digest's score, then
/// relevance, then the published position.
public struct RankOptions: Codable, Equatable, Sendable {
    /// A linear formula over relevance and novelty in place of the digest's
    /// score; a verdict lacking either scores nothing from the formula.
    public var weights: Weights?
    /// Points for a paper by a followed author (exact or compatible match).
    public var boostFollowed: Double = 0
    /// Points for a paper matching a query-language term.
    public var boosts: [Boost] = []
    /// Points for a paper's place (1 the best, 0 the worst of those ranked)
    /// under a model learned from the user's marks (`arxive recommend`'s),
    /// trained when the ranking is made.
    public var learned: Learned?
    /// What-if cut-offs: a verdict below them would not have been listed
    /// (author matches always are).
    public var minRelevance: Int?
    public var minNovelty: Int?
    public var minScore: Double?

    public struct Weights: Codable, Equatable, Sendable {
        public var relevance: Double
        public var novelty: Double

        public init(relevance: Double, novelty: Double) {
            self.relevance = relevance
            self.novelty = novelty
        }
    }

    public struct Boost: Codable, Equatable, Sendable {
        /// In the query language: `moe`, `ti:pruning`, `"low rank"`.
        public var term: String
        public var points: Double

        public init(term: String, points: Double) {
            self.term = term
            self.points = points
        }
    }

    public struct Learned: Codable, Equatable, Sendable {
        public var marks: MarkedPapers
        public var points: Double

        public init(marks: MarkedPapers, points: Double) {
            self.marks = marks
            self.points = points
        }
    }

    public init() {}

    /// True when nothing differs from the digest's own order.
    public var isPublishedOrder: Bool { self == RankOptions() }
}

/// One paper in a re-ranked list.
public struct RankedPaper: Encodable, Equatable, Sendable {
    /// The paper, with the verdict it was ranked by.
    public var paper: PaperHit
    /// The day and digest of that verdict, and its published position there.
    public var date: String
    public var digest: String
    public var position: Int
    /// The score the order uses (before the author-match rule puts matches first).
    public var rankScore: Double?
    /// Its 1-based place under the digest's own order (for `--diff`).
    public var publishedRank: Int
    /// How `rankScore` was made: `("novelty 7 × 2", 14)`.
    public var parts: [Part]

    public struct Part: Encodable, Equatable, Sendable {
        public var label: String
        public var points: Double
    }

    enum CodingKeys: String, CodingKey {
        case date, digest, position, rankScore = "rank_score", publishedRank = "published_rank", parts
    }

    public func encode(to encoder: any Encoder) throws {
        try paper.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(digest, forKey: .digest)
        try c.encode(position, forKey: .position)
        try c.encode(rankScore, forKey: .rankScore)
        try c.encode(publishedRank, forKey: .publishedRank)
        try c.encode(parts, forKey: .parts)
    }
}

/// What `arxive rank` returns: the new order, and what the cut-offs dropped.
public struct Ranking: Equatable, Sendable {
    public var papers: [RankedPaper]
    /// Papers listed under the digest's order that the cut-offs remove.
    public var dropped: [RankedPaper]
}
