/// What the hotspot commands print: `hot search`, `hot day`, `hot runs`, `hot trends`.
/// JSON keys are snake_case; `null` where the report said nothing.

/// A topic's source item, as the commands show it.
public struct HotspotSource: Encodable, Equatable, Sendable {
    public var name: String?
    public var role: String?
    public var type: String?
    public var title: String?
    public var url: String?
}

/// A topic as published, with its sources.
public struct HotspotTopicView: Encodable, Equatable, Sendable {
    public var title: String
    public var headline: String
    public var summary: String
    public var whyItMatters: String
    public var takeaways: [String]
    @OrNull public var category: String?
    public var tags: [String]
    @OrNull public var eventType: String?
    public var scores: [String: Double]
    public var sources: [HotspotSource]
}

/// `arxive hot search`: one topic found.
public struct HotspotHit: Encodable, Equatable, Sendable {
    public var date: String
    public var title: String
    public var category: String?
    public var section: String
    public var scores: [String: Double]
    public var sources: [HotspotSource]
    /// The best matching passage, matches wrapped in `Snippet.open`/`Snippet.close`.
    public var snippet: String

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(category, forKey: .category)
        try c.encode(section, forKey: .section)
        try c.encode(scores, forKey: .scores)
        try c.encode(sources, forKey: .sources)
        try c.encode(Snippet.markdown(snippet), forKey: .snippet)
    }

    enum CodingKeys: String, CodingKey { case date, title, category, section, scores, sources, snippet }
}

/// `arxive hot day DATE`: the day as published, featured first, then the sections.
public struct HotspotDayListing: Encodable, Equatable, Sendable {
    public struct Section: Encodable, Equatable, Sendable {
        public var kind: String
        public var category: String?
        public var topics: [HotspotTopicView]
    }

    public var digest: String
    public var date: String
    @OrNull public var model: String?
    @OrNull public var totalCost: Double?
    @OrNull public var summary: String?
    /// `json` (the report) or `markdown` (the day's page: no scores, summaries cut short).
    public var sourceFormat: String
    public var featured: [HotspotTopicView]
    public var sections: [Section]
    /// The papers the day spotlighted.
    public var papers: [HotspotPaperListing]
}

/// A paper a hotspot report spotlighted (in `hot day`, and `show`'s `hotspots`).
public struct HotspotPaperListing: Encodable, Equatable, Sendable {
    public var arxivID: String
    public var title: String
    public var date: String
    public var kind: String
    public var comment: String?
}

/// `arxive hot runs`: one day's sources, totals and cost.
public struct HotspotRun: Encodable, Equatable, Sendable {
    public var digest: String
    public var date: String
    @OrNull public var model: String?
    @OrNull public var promptTokens: Int?
    @OrNull public var completionTokens: Int?
    @OrNull public var totalCost: Double?
    public var topics: Int
    public var papers: Int
    /// Items per source, as the report counts them.
    public var sourceStats: [String: Int]
}

/// `arxive hot trends`: topics per period and category, per period and
/// source, and the most frequent sources and tags overall.
public struct HotspotTrends: Encodable, Equatable, Sendable {
    public struct Row: Encodable, Equatable, Sendable {
        public var period: String
        public var name: String
        public var topics: Int
    }

    public struct Count: Encodable, Equatable, Sendable {
        public var name: String
        public var topics: Int
    }

    public var byCategory: [Row]
    public var bySource: [Row]
    public var topSources: [Count]
    public var topTags: [Count]
}
