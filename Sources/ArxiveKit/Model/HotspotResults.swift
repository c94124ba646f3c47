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
    public var category: String?
    public var tags: [String]
    public var eventType: String?
    public var scores: [String: Double]
    public var sources: [HotspotSource]

    enum CodingKeys: String, CodingKey {
        case title, headline, summary, whyItMatters = "why_it_matters", takeaways, category, tags, eventType = "event_type", scores, sources
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(headline, forKey: .headline)
        try c.encode(summary, forKey: .summary)
        try c.encode(whyItMatters, forKey: .whyItMatters)
        try c.encode(takeaways, forKey: .takeaways)
        try c.encode(category, forKey: .category)
        try c.encode(tags, forKey: .tags)
        try c.encode(eventType, forKey: .eventType)
        try c.encode(scores, forKey: .scores)
        try c.encode(sources, forKey: .sources)
    }
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
    public var model: String?
    public var totalCost: Double?
    public var summary: String?
    /// `json` (the report) or `markdown` (the day's page: no scores, summaries cut short).
    public var sourceFormat: String
    public var featured: [HotspotTopicView]
    public var sections: [Section]
    /// The papers the day spotlighted.
    public var papers: [HotspotPaperListing]

    enum CodingKeys: String, CodingKey {
        case digest, date, model, totalCost = "total_cost", summary, sourceFormat = "source_format", featured, sections, papers
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(digest, forKey: .digest)
        try c.encode(date, forKey: .date)
        try c.encode(model, forKey: .model)
        try c.encode(totalCost, forKey: .totalCost)
        try c.encode(summary, forKey: .summary)
        try c.encode(sourceFormat, forKey: .sourceFormat)
        try c.encode(featured, forKey: .featured)
        try c.encode(sections, forKey: .sections)
        try c.encode(papers, forKey: .papers)
    }
}

/// A paper a hotspot report spotlighted (in `hot day`, and `show`'s `hotspots`).
public struct HotspotPaperListing: Encodable, Equatable, Sendable {
    public var arxivID: String
    public var title: String
    public var date: String
    public var kind: String
    public var comment: String?

    enum CodingKeys: String, CodingKey { case arxivID = "arxiv_id", title, date, kind, comment }
}

/// `arxive hot runs`: one day's sources, totals and cost.
public struct HotspotRun: Encodable, Equatable, Sendable {
    public var digest: String
    public var date: String
    public var model: String?
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var totalCost: Double?
    public var topics: Int
    public var papers: Int
    /// Items per source, as the report counts them.
    public var sourceStats: [String: Int]

    enum CodingKeys: String, CodingKey {
        case digest, date, model, promptTokens = "prompt_tokens", completionTokens = "completion_tokens", totalCost = "total_cost"
        case topics, papers, sourceStats = "source_stats"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(digest, forKey: .digest)
        try c.encode(date, forKey: .date)
        try c.encode(model, forKey: .model)
        try c.encode(promptTokens, forKey: .promptTokens)
        try c.encode(completionTokens, forKey: .completionTokens)
        try c.encode(totalCost, forKey: .totalCost)
        try c.encode(topics, forKey: .topics)
        try c.encode(papers, forKey: .papers)
        try c.encode(sourceStats, forKey: .sourceStats)
    }
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

    enum CodingKeys: String, CodingKey { case byCategory = "by_category", bySource = "by_source", topSources = "top_sources", topTags = "top_tags" }
}
