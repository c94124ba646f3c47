/// What the generator said of one listing beyond its verdict: the topics it
/// filed the paper under, and whether it spotlighted the paper that day.
/// Encoded inside the listing it belongs to (`day`, `show`).
public struct ListingTopics: Encodable, Equatable, Sendable {
    @OrNull public var primaryTopic: Topic?
    /// Every topic of the listing, the primary first.
    public var topics: [Topic] = []
    /// Every spotlight tag of the paper on the listing's day (`daily_hot`,
    /// `new_frontier`): the kinds it is printed under first (see `spotlightPrimary`).
    public var spotlight: [String] = []
    /// The kinds it is printed under; the other tags came with its record.
    public var spotlightPrimary: [String] = []
    /// The digest's AI summary of the paper (daily-arXiv-ai-enhanced: `tldr`
    /// or `task`, `motivation`, `method`, `result`, `conclusion`, `code_url`, ...);
    /// absent for the digests that write none.
    public var ai: [String: String]?
    @OrNull public var spotlightComment: String?

    public init(primaryTopic: Topic? = nil, topics: [Topic] = [], spotlight: [String] = [], spotlightComment: String? = nil) {
        self.primaryTopic = primaryTopic
        self.topics = topics
        self.spotlight = spotlight
        self.spotlightComment = spotlightComment
    }
}

/// A paper's spotlight on one day: `show`.
public struct SpotlightListing: Encodable, Equatable, Sendable {
    public var digest: String
    public var date: String
    public var kind: String
    public var comment: String?
    /// Whether the paper is printed under this kind (false: a tag its record carries).
    public var primary: Bool
}

/// A paper in the generator's own monthly overview: `show`.
public struct MonthlyPickListing: Encodable, Equatable, Sendable {
    public var digest: String
    public var month: String
    public var position: Int
    public var kept: Bool
    public var priority: Double?
    public var comment: String?
    public var category: String?
}
