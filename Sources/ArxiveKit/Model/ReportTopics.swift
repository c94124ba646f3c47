/// What a month's report says of the generators' own structure: the
/// month's topics, its spotlights and the generator's monthly picks.
/// Empty for a month whose digests have none of these.
public struct MonthGeneratorSections: Equatable, Sendable {
    public var topics: [TopicSection] = []
    public var spotlights: [SpotlightEntry] = []
    public var digestPicks: [DigestPick] = []
    /// Runs in which the model never ran, and the papers they scanned but did not read.
    public var runsModelNotRun = 0
    public var papersUnread = 0
    /// The month of the "Daily AI Hotspots" digest.
    public var hotspots = MonthHotspots()

    public init() {}
}

/// A month of "Daily AI Hotspots": its best topics, categories and most active sources.
public struct MonthHotspots: Encodable, Equatable, Sendable {
    public struct TopTopic: Encodable, Equatable, Sendable {
        public var date: String
        public var title: String
        public var category: String?
        public var section: String
        public var finalScore: Double?

        enum CodingKeys: String, CodingKey { case date, title, category, section, finalScore = "final_score" }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(title, forKey: .title)
            try c.encode(category, forKey: .category)
            try c.encode(section, forKey: .section)
            try c.encode(finalScore, forKey: .finalScore)
        }
    }

    public var days = 0
    public var topTopics: [TopTopic] = []
    public var categories: [HotspotTrends.Count] = []
    public var sources: [HotspotTrends.Count] = []

    enum CodingKeys: String, CodingKey { case days, topTopics = "top_topics", categories, sources }
}

/// One topic of a month: its papers, best first (score, then relevance).
public struct TopicSection: Encodable, Equatable, Sendable {
    public var digest: String
    public var topic: Topic
    /// Distinct papers filed under it as their primary topic this month.
    public var papers: Int
    public var topPapers: [TopicPaper]

    enum CodingKeys: String, CodingKey { case digest, id, label, papers, topPapers = "top_papers" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(digest, forKey: .digest)
        try c.encode(topic.key, forKey: .id)
        try c.encode(topic.label, forKey: .label)
        try c.encode(papers, forKey: .papers)
        try c.encode(topPapers, forKey: .topPapers)
    }
}

public struct TopicPaper: Encodable, Equatable, Sendable {
    public var arxivID: String
    public var title: String
    public var date: String
    public var relevance: Int?
    public var novelty: Int?
    public var score: Double?

    enum CodingKeys: String, CodingKey { case arxivID = "arxiv_id", title, date, relevance, novelty, score }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(arxivID, forKey: .arxivID)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encode(relevance, forKey: .relevance)
        try c.encode(novelty, forKey: .novelty)
        try c.encode(score, forKey: .score)
    }
}

/// A paper a spotlight file spotlighted on a day of the month.
public struct SpotlightEntry: Encodable, Equatable, Sendable {
    public var date: String
    public var kind: String
    public var arxivID: String
    public var title: String
    public var comment: String?

    enum CodingKeys: String, CodingKey { case date, kind, arxivID = "arxiv_id", title, comment }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(kind, forKey: .kind)
        try c.encode(arxivID, forKey: .arxivID)
        try c.encode(title, forKey: .title)
        try c.encode(comment, forKey: .comment)
    }
}

/// A paper the generator kept for its month's overview, in its order.
public struct DigestPick: Encodable, Equatable, Sendable {
    public var arxivID: String
    public var title: String
    public var priority: Double?
    public var comment: String?
    public var category: String?
    /// Its place among the report's top papers (arxive's ranking), if there.
    public var arxiveRank: Int?

    enum CodingKeys: String, CodingKey { case arxivID = "arxiv_id", title, priority, comment, category, arxiveRank = "arxive_rank" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(arxivID, forKey: .arxivID)
        try c.encode(title, forKey: .title)
        try c.encode(priority, forKey: .priority)
        try c.encode(comment, forKey: .comment)
        try c.encode(category, forKey: .category)
        try c.encode(arxiveRank, forKey: .arxiveRank)
    }
}
