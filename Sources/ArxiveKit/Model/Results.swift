/// What read commands return. Each encodes to the JSON contract scripts rely
/// on: snake_case keys, `null` where the source said nothing (`@OrNull`;
/// `JSONOutput` holds the encoder's configuration).

/// A verdict's scores and comment: what every listing of a paper carries.
public struct VerdictFields: Encodable, Equatable, Sendable {
    @OrNull public var relevance: Int?
    @OrNull public var novelty: Int?
    @OrNull public var score: Double?
    @OrNull public var comment: String?
    public var authorMatch: Bool

    public init(relevance: Int?, novelty: Int?, score: Double?, comment: String?, authorMatch: Bool) {
        self.relevance = relevance
        self.novelty = novelty
        self.score = score
        self.comment = comment
        self.authorMatch = authorMatch
    }

}

/// A paper found by `search` or `author`, with its latest verdict.
/// A search hit's places in the rankings a hybrid search fused.
public struct SearchRanks: Equatable, Sendable {
    public var word: Int?
    public var meaning: Int?

    public init(word: Int? = nil, meaning: Int? = nil) {
        self.word = word
        self.meaning = meaning
    }
}

public struct PaperHit: Encodable, Equatable, Sendable {
    public var arxivID: String
    public var title: String
    public var authors: [String]
    public var firstSeen: String?
    public var lastSeen: String?
    public var verdict: VerdictFields
    /// The best matching passage; matches are wrapped in `Snippet.open`/`Snippet.close`.
    public var snippet: String?
    /// For `author`: the name as the paper lists it, and how it matched.
    public var matchedName: String?
    public var matchLevel: NameMatchLevel?
    /// For `matches`: the followed author's rule that matched.
    public var rule: String?
    /// For a paper from the arXiv catalogue: its first version's day and its categories.
    public var published: String?
    public var categories: [String] = []
    /// The latest verdict's topics and that day's spotlight.
    public var topics = ListingTopics()
    /// For `search`: the hit's place in the word ranking and in the meaning
    /// ranking (1 is first), nil where that ranking did not hold it.
    public var ranks: SearchRanks?

    enum CodingKeys: String, CodingKey {
        case arxivID, title, authors, firstSeen, lastSeen, snippet
        case matchedName, matchLevel, rule, published, categories
        case wordRank, meaningRank
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(arxivID, forKey: .arxivID)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try c.encode(firstSeen, forKey: .firstSeen)
        try c.encode(lastSeen, forKey: .lastSeen)
        try verdict.encode(to: encoder)
        try topics.encode(to: encoder)
        try c.encode(snippet.map(Snippet.markdown), forKey: .snippet)
        if matchLevel != nil {
            try c.encode(matchedName, forKey: .matchedName)
            try c.encode(matchLevel, forKey: .matchLevel)
        }
        if let rule { try c.encode(rule, forKey: .rule) }
        if let ranks {
            try c.encode(ranks.word, forKey: .wordRank)
            try c.encode(ranks.meaning, forKey: .meaningRank)
        }
        // Only catalogue papers have them: a digest-only archive's output keeps its keys.
        if published != nil || !categories.isEmpty {
            try c.encode(published, forKey: .published)
            try c.encode(categories, forKey: .categories)
        }
    }
}

/// Markers SQLite's snippet() puts around matches; renderers replace them.
public enum Snippet {
    public static let open = String(openMark)
    public static let close = String(closeMark)
    static let openMark: Character = "\u{2}"
    static let closeMark: Character = "\u{3}"

    /// `**match**`, for JSON and plain text.
    public static func markdown(_ s: String) -> String {
        s.replacingOccurrences(of: open, with: "**").replacingOccurrences(of: close, with: "**")
    }
}

/// One run: a digest's day, with what it cost and counted.
public struct RunSummary: Encodable, Equatable, Sendable {
    public var digest: String
    public var date: String
    public var model: String?
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var totalTokens: Int?
    public var promptCost: Double?
    public var completionCost: Double?
    public var totalCost: Double?
    public var totalPapers: Int?
    public var scannedPapers: Int?
    public var relevantPapers: Int?
    /// Not in `runs --json`'s contract; `day` adds them.
    public var notes: String?
    public var listed: Int
    /// Which run of its day: written as `run` only for the other run (`bundle`).
    public var variant = RunVariant.published

    enum CodingKeys: String, CodingKey {
        case digest, date, run, model, promptTokens, completionTokens
        case totalTokens, promptCost, completionCost
        case totalCost, totalPapers, scannedPapers
        case relevantPapers, notes, listed, modelRan
    }

    /// False for an outage: papers were scanned, the model spent no token
    /// and listed nothing (the real history has weeks of such days). A run
    /// that states no tokens at all is taken to have run.
    public var modelRan: Bool {
        let noTokens = totalTokens == 0 || (totalTokens == nil && promptTokens == 0 && completionTokens == 0)
        return !(noTokens && listed == 0 && (scannedPapers ?? 0) > 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(digest, forKey: .digest)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(variant.writtenName, forKey: .run)
        try c.encode(model, forKey: .model)
        try c.encode(promptTokens, forKey: .promptTokens)
        try c.encode(completionTokens, forKey: .completionTokens)
        try c.encode(totalTokens, forKey: .totalTokens)
        try c.encode(promptCost, forKey: .promptCost)
        try c.encode(completionCost, forKey: .completionCost)
        try c.encode(totalCost, forKey: .totalCost)
        try c.encode(totalPapers, forKey: .totalPapers)
        try c.encode(scannedPapers, forKey: .scannedPapers)
        try c.encode(relevantPapers, forKey: .relevantPapers)
        try c.encode(notes, forKey: .notes)
        try c.encode(listed, forKey: .listed)
        try c.encode(modelRan, forKey: .modelRan)
    }
}

/// A verdict in a run's published list.
public struct ListedPaper: Encodable, Equatable, Sendable {
    public var position: Int
    public var arxivID: String
    public var title: String
    public var authors: [String]
    public var verdict: VerdictFields
    public var topics = ListingTopics()

    enum CodingKeys: String, CodingKey { case position, arxivID, title, authors }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(position, forKey: .position)
        try c.encode(arxivID, forKey: .arxivID)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try verdict.encode(to: encoder)
        try topics.encode(to: encoder)
    }
}

/// A run with its papers in published order: `arxive day`.
public struct DayListing: Encodable, Equatable, Sendable {
    public var run: RunSummary
    public var papers: [ListedPaper]
    /// The day's topics in the digest's order; empty when it has none.
    public var topicOrder: [Topic] = []
    /// How many of the day's papers a mute left out of `papers`.
    public var mutedHidden = 0
    /// The LLM's research summary of the day, when the digest wrote one.
    public var summary: String?
    /// The digest's other runs of the day (`RunVariant`): the generator ran twice.
    public var otherRuns: [RunSummary] = []

    enum CodingKeys: String, CodingKey { case papers, topicOrder, mutedHidden, summary, otherRuns }

    public func encode(to encoder: any Encoder) throws {
        try run.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(papers, forKey: .papers)
        try c.encode(topicOrder, forKey: .topicOrder)
        // Only when a mute hid something: without mutes the contract is as it was.
        if mutedHidden > 0 { try c.encode(mutedHidden, forKey: .mutedHidden) }
        // Only for a digest that writes one: the contract of the others is as it was.
        if let summary { try c.encode(summary, forKey: .summary) }
        // Only on a day the generator ran twice.
        if !otherRuns.isEmpty { try c.encode(otherRuns, forKey: .otherRuns) }
    }

    /// The papers under their primary topics, in the day's topic order (a
    /// topic the order leaves out comes after, in order of first listing),
    /// each in published order; papers without a topic last, under nil.
    public var byTopic: [(topic: Topic?, papers: [ListedPaper])] {
        var order = topicOrder
        for p in papers { if let t = p.topics.primaryTopic, !order.contains(where: { $0.key == t.key }) { order.append(t) } }
        var groups: [(topic: Topic?, papers: [ListedPaper])] = order.map { topic in
            (topic, papers.filter { $0.topics.primaryTopic?.key == topic.key })
        }.filter { !$0.papers.isEmpty }
        let untopical = papers.filter { $0.topics.primaryTopic == nil }
        if !untopical.isEmpty { groups.append((nil, untopical)) }
        return groups
    }
}

/// A paper and every verdict it received: `arxive show`.
public struct PaperDetail: Encodable, Equatable, Sendable {
    /// One listing of the paper: which run, where, and the verdict.
    public struct Listing: Encodable, Equatable, Sendable {
        public var digest: String
        public var date: String
        public var position: Int
        public var verdict: VerdictFields
        public var topics = ListingTopics()
        /// Which run of its day: written as `run` only for the other run (`bundle`).
        public var variant = RunVariant.published

        enum CodingKeys: String, CodingKey { case digest, date, run, position }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(digest, forKey: .digest)
            try c.encode(date, forKey: .date)
            try c.encodeIfPresent(variant.writtenName, forKey: .run)
            try c.encode(position, forKey: .position)
            try verdict.encode(to: encoder)
            try topics.encode(to: encoder)
        }
    }

    public var arxivID: String
    public var title: String
    public var authors: [String]
    public var abstract: String
    public var verdicts: [Listing]
    /// The user's star, tags, note and read state.
    public var marks = PaperMarks()
    /// The days a spotlight file spotlighted it, oldest first.
    public var spotlights: [SpotlightListing] = []
    /// The generator's monthly overviews that considered it.
    public var monthlyPicks: [MonthlyPickListing] = []
    /// The "Daily AI Hotspots" days that spotlighted it.
    public var hotspots: [HotspotPaperListing] = []
    /// DOI, journal reference, latest version, licence: what the arXiv catalogue says.
    public var catalogue = CatalogueFields()
}

/// `arxive stats`.
public struct ArchiveStats: Encodable, Equatable, Sendable {
    public var papers: Int
    public var runs: Int
    public var verdicts: Int
    public var authors: Int
    public var digests: Int
    @OrNull public var firstDate: String?
    @OrNull public var lastDate: String?
    /// Papers from the arXiv catalogue that no digest listed.
    public var catalogueOnly: Int
    /// Runs in which the model never ran (see `RunSummary.modelRan`).
    public var outages = 0
    public var spotlightDays = 0
    public var monthlyOverviews = 0
    public var hotspotDays = 0
    public var hotspotTopics = 0

    /// The names as they are, but `outages`: `runs_model_not_run` says what it counts.
    enum CodingKeys: String, CodingKey {
        case papers, runs, verdicts, authors, digests, firstDate, lastDate, catalogueOnly, outages = "runsModelNotRun"
        case spotlightDays, monthlyOverviews, hotspotDays, hotspotTopics
    }
}

/// A row of `arxive authors`.
public struct AuthorCount: Encodable, Equatable, Sendable {
    public var name: String
    public var key: String
    public var papers: Int
    @OrNull public var lastSeen: String?
}
