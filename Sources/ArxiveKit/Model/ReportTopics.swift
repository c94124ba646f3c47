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
        @OrNull public var category: String?
        public var section: String
        @OrNull public var finalScore: Double?
    }

    public var days = 0
    public var topTopics: [TopTopic] = []
    public var categories: [HotspotTrends.Count] = []
    public var sources: [HotspotTrends.Count] = []
}

/// One topic of a month: its papers, best first (score, then relevance).
public struct TopicSection: Encodable, Equatable, Sendable {
    public var digest: String
    public var topic: Topic
    /// Distinct papers filed under it as their primary topic this month.
    public var papers: Int
    public var topPapers: [TopicPaper]

    enum CodingKeys: String, CodingKey { case digest, id, label, papers, topPapers }

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
    @OrNull public var relevance: Int?
    @OrNull public var novelty: Int?
    @OrNull public var score: Double?
}

/// A paper a spotlight file spotlighted on a day of the month.
public struct SpotlightEntry: Encodable, Equatable, Sendable {
    public var date: String
    public var kind: String
    public var arxivID: String
    public var title: String
    @OrNull public var comment: String?
}

/// A paper the generator kept for its month's overview, in its order.
public struct DigestPick: Encodable, Equatable, Sendable {
    public var arxivID: String
    public var title: String
    @OrNull public var priority: Double?
    @OrNull public var comment: String?
    @OrNull public var category: String?
    /// Its place among the report's top papers (arxive's ranking), if there.
    @OrNull public var arxiveRank: Int?
}
