/// One day of the second daily digest, "Daily AI Hotspots"
/// (`hot/reports/YYYY-MM-DD.json`): what the AI community discussed, ranked,
/// with its sources. It knows nothing of SQL.
public struct HotspotReport: Sendable, Equatable, Codable {
    /// A source item: what one source said of a topic.
    public struct Item: Sendable, Equatable, Codable {
        public var sourceID: String?
        public var sourceName: String?
        public var role: String?
        public var type: String?
        public var title: String?
        public var url: String?
        public var publishedAt: String?
        /// Every other key, as a JSON object text.
        public var extra: String?

        /// `sourceId`, as the archive file's snake_case coders spell it
        /// (`source_id`): with the property's own spelling the id did not
        /// come back from an archive file.
        enum CodingKeys: String, CodingKey {
            case sourceID = "sourceId"
            case sourceName, role, type, title, url, publishedAt, extra
        }
    }

    /// A topic in its section, with every score the generator gave it.
    public struct Topic: Sendable, Equatable, Codable {
        public var key: String?
        public var title: String
        public var headline: String
        public var summary: String
        public var whyItMatters: String
        public var takeaways: [String]
        public var category: String?
        public var tags: [String]
        public var eventType: String?
        /// `QUALITY`, `HEAT`, `IMPORTANCE`, `FINAL_SCORE` and the rest, as the file gives them.
        public var scores: [String: Double]
        public var items: [Item]
        public var extra: String?
    }

    public enum SectionKind: String, Sendable, CaseIterable, Codable {
        case featured, category, longTail = "long_tail", watchlist, xBuzz = "x_buzz"
    }

    public struct Section: Sendable, Equatable, Codable {
        public var kind: SectionKind
        /// The category of a category (or long-tail) section.
        public var category: String?
        public var topics: [Topic]
    }

    /// A spotlighted paper's own fields: its id, title and authors (TeX as written).
    public struct SpotlitPaper: Sendable, Equatable, Codable {
        public var arxivID: String
        public var title: String
        public var authors: [String]

        /// `arxivId`: the archive file's coders turn it into `arxiv_id` and back.
        enum CodingKeys: String, CodingKey { case arxivID = "arxivId", title, authors }

        /// As the archive stores a paper a file names: without abstract or verdict.
        var digestPaper: DigestPaper { DigestPaper(arxivID: arxivID, title: title, authors: authors, abstract: "") }
    }

    /// A paper the report spotlights (`paper_spotlight`).
    public struct Paper: Sendable, Equatable, Codable {
        public var kind: String
        public var paper: SpotlitPaper
        public var comment: String?
        public var extra: String?
    }

    /// Which copy of the day this was read from.
    public enum Format: String, Sendable, Codable {
        /// `hot/reports/YYYY-MM-DD.json`: everything the generator knew.
        case json
        /// The day's Markdown page: no scores, summaries cut short.
        case markdown
    }

    public var date: String
    /// Nil for the JSON report (and in archive files written before the Markdown copy was read).
    public var format: Format?
    public var generatedAt: String?
    public var mode: String?
    public var summary: String?
    public var model: String?
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var totalCost: Double?
    /// JSON object texts, as the file gives them.
    public var sourceStats: String?
    public var totals: String?
    public var costs: String?
    public var usage: String?
    public var extra: String?
    /// In published order: featured first, then the category sections, long tail, watchlist, buzz.
    public var sections: [Section]
    public var papers: [Paper]
}

extension HotspotReport {
    /// What both copies of a day show alike: each section (its kind and
    /// category) with its topics' headlines, then the spotlighted papers of
    /// each kind by id. The Markdown shows a topic's headline (`HEADLINE`),
    /// its title only when it has none.
    public var outline: [(part: String, entries: [String])] {
        sections.map { section in
            (
                section.kind.rawValue + (section.category.map { " " + $0 } ?? ""),
                section.topics.map { $0.headline.isEmpty ? $0.title : $0.headline }
            )
        }
            + Dictionary(grouping: papers, by: \.kind).sorted { $0.key < $1.key }.map { kind, papers in
                ("papers " + kind, papers.map(\.paper.arxivID))
            }
    }

    /// The first thing `other`, another copy of the same day, shows otherwise
    /// than this report; nil when they agree.
    public func disagreement(with other: HotspotReport) -> String? {
        guard date == other.date else { return "it is of \(other.date), not \(date)" }
        let mine = outline, theirs = other.outline
        for (a, b) in zip(mine, theirs) {
            guard a.part == b.part else { return "section '\(b.part)' where the report has '\(a.part)'" }
            for (index, (x, y)) in zip(a.entries, b.entries).enumerated() where x != y {
                return "\(a.part) \(index + 1) is '\(y)' where the report has '\(x)'"
            }
            if a.entries.count != b.entries.count {
                return "\(a.part) has \(b.entries.count) entries where the report has \(a.entries.count)"
            }
        }
        if mine.count != theirs.count { return "\(theirs.count) sections where the report has \(mine.count)" }
        return nil
    }
}
