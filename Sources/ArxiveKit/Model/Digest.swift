/// One digest file, read: the format-free value every reader produces and
/// the archive stores. It knows nothing of SQL.
public struct Digest: Sendable, Equatable {
    /// The source formats arxive reads.
    public enum Format: String, Sendable, Codable {
        /// Daily Markdown in every era, the site's day page, the upstream `output_YYYY_MMDD.md`.
        case markdown
        /// A published day page saved from a browser as text.
        case pageText = "page-text"
        /// Daily JSON: an object keyed by arXiv id, in published order.
        case json
        /// The day's topic bundle (`-daily-papers.json`, schema 2): the same
        /// papers as its JSON, with the topics and the usage.
        case topicBundle = "topic-bundle"
        /// The upstream generator's styled HTML page (`output.md`, `index.html`, `past_arxiv/DATE.html`).
        case html
        /// A page of the upstream family in a fork's own layout, Markdown or HTML,
        /// read by the tolerant reader (`FamilyPageReader`).
        case page
        /// daily-arXiv-ai-enhanced's day of every crawled paper (`DATE.jsonl`): the run's scanned papers, no verdicts.
        case crawl
        /// daily-arXiv-ai-enhanced's published listing (`DATE_AI_enhanced_LANG.jsonl`): the run's verdicts with their AI fields.
        case aiListing = "ai-listing"
        /// daily-arXiv-ai-enhanced's page of the day (`DATE.md`), read by the tolerant reader.
        case aiPage = "ai-page"
        /// A page of a day in another language (`DATE_translated.md`): the same
        /// papers' translated titles and abstracts, not a run of its own.
        case translation

        /// Whether the file carries every key of every verdict: its verdicts
        /// win over a page's (the page keeps its header).
        public var carriesEveryKey: Bool { self == .json || self == .topicBundle || self == .aiListing || self == .crawl }
    }

    public var format: Format
    /// `YYYY-MM-DD`. Nil only for JSON, which carries no date of its own.
    public var date: String?
    /// What the page says about the run. Nil for JSON, which has none of it.
    public var header: RunHeader?
    /// The papers in published order.
    public var papers: [DigestPaper]
    /// The day's topics in the order the digest lists them; empty when it says none.
    public var topicOrder: [Topic]
    /// The digest a family of its own belongs to (`daily-arxiv-ai`) unless the user names one.
    public var ownDigestName: String?
    /// The arXiv ids of the papers a reader was told to leave out (a topic
    /// bundle whose day's JSON gives the verdicts): enough to tell whether
    /// the bundle is another run of the day (`Archive.runVariant`).
    public var leftOutIDs: Set<String>?

    public init(
        format: Format, date: String?, header: RunHeader?, papers: [DigestPaper], topicOrder: [Topic] = [], ownDigestName: String? = nil
    ) {
        self.format = format
        self.date = date
        self.header = header
        self.papers = papers
        self.topicOrder = topicOrder
        self.ownDigestName = ownDigestName
    }
}

/// The run-level facts a digest page states: model, tokens, cost, counts,
/// the selection prompt and notes such as "remedial run".
public struct RunHeader: Sendable, Equatable {
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
    public var selectionPrompt: String?
    public var notes: String?
    /// The LLM's research summary of the day, when the digest writes one.
    public var summary: String?
    /// Every other day-level text the digest gave (`summary_cn`), as a JSON object text.
    public var extra: String?

    public init() {}
}

/// One paper as a digest listed it, with the model's verdict.
public struct DigestPaper: Sendable, Equatable {
    /// Without version: `2512.22471`, `hep-th/9901001`.
    public var arxivID: String
    public var title: String
    /// Author names as the source wrote them (TeX escapes kept, affiliations removed).
    public var authors: [String]
    /// Without the feed prefix `arXiv:...v1 Announce Type: new  Abstract:`.
    public var abstract: String
    public var relevance: Int?
    public var novelty: Int?
    /// The digest's SCORE, else relevance + novelty, else 20 for an author match.
    public var score: Double?
    public var comment: String?
    public var authorMatch: Bool
    /// The version and announce type the feed prefix carried, if any.
    public var arxivVersion: Int?
    public var announceType: String?
    /// Every other key the source had, as a JSON object text (sorted keys).
    /// Topic keys stay here too, as the source wrote them.
    public var extra: String?
    /// The topics the digest gave it, read from those keys.
    public var topics: TopicAssignment?

    public init(
        arxivID: String, title: String, authors: [String], abstract: String,
        relevance: Int? = nil, novelty: Int? = nil, score: Double? = nil, comment: String? = nil,
        authorMatch: Bool = false, arxivVersion: Int? = nil, announceType: String? = nil, extra: String? = nil,
        topics: TopicAssignment? = nil
    ) {
        self.arxivID = arxivID
        self.title = title
        self.authors = authors
        self.abstract = abstract
        self.relevance = relevance
        self.novelty = novelty
        self.score = score
        self.comment = comment
        self.authorMatch = authorMatch
        self.arxivVersion = arxivVersion
        self.announceType = announceType
        self.extra = extra
        self.topics = topics
    }
}
