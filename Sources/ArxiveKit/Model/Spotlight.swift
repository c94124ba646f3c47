/// A day's spotlight file (`YYYY-MM-DD-hotspot-papers.json`): the papers the
/// generator spotlighted and as what (`daily_hot`, `new_frontier`), with the
/// thresholds and caps that chose them.
public struct SpotlightDay: Sendable, Equatable {
    public struct Section: Sendable, Equatable, Codable {
        public var kind: String
        public var label: String?
        public var description: String?
        /// The section's papers in published order.
        public var arxivIDs: [String]

        public init(kind: String, label: String? = nil, description: String? = nil, arxivIDs: [String]) {
            self.kind = kind
            self.label = label
            self.description = description
            self.arxivIDs = arxivIDs
        }
    }

    /// One spotlighted paper: the paper with the verdict the file carries,
    /// and the generator's reason for the spotlight.
    public struct Paper: Sendable, Equatable {
        public var paper: DigestPaper
        public var comment: String?
        /// The kinds its own record names (`HOTSPOT_PAPER_TAGS`): its listing
        /// for a paper no section lists, and its tags for every paper.
        public var kinds: [String]

        public init(paper: DigestPaper, comment: String? = nil, kinds: [String] = []) {
            self.paper = paper
            self.comment = comment
            self.kinds = kinds
        }
    }

    public var date: String
    public var totalCandidates: Int?
    /// JSON object texts, as the file gives them.
    public var thresholds: String?
    public var caps: String?
    public var sections: [Section]
    /// In file order.
    public var papers: [Paper]

    public init(
        date: String, totalCandidates: Int? = nil, thresholds: String? = nil, caps: String? = nil,
        sections: [Section], papers: [Paper]
    ) {
        self.date = date
        self.totalCandidates = totalCandidates
        self.thresholds = thresholds
        self.caps = caps
        self.sections = sections
        self.papers = papers
    }

    /// (kind, position in its kind, paper) for every spotlight: the
    /// sections' papers (what the generator chose), then the papers no
    /// section lists, under their own kinds. A paper's own kinds name every
    /// kind it was a candidate for, so they count only for such a paper.
    public var spotlights: [(kind: String, position: Int, paper: Paper)] {
        let byID = Dictionary(papers.map { ($0.paper.arxivID, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [(kind: String, position: Int, paper: Paper)] = []
        var listed = Set<String>()
        var count: [String: Int] = [:]
        func add(_ kind: String, _ paper: Paper) {
            guard listed.insert(kind + " " + paper.paper.arxivID).inserted else { return }
            count[kind, default: 0] += 1
            rows.append((kind, count[kind]!, paper))
        }
        for section in sections {
            for id in section.arxivIDs { if let paper = byID[id] { add(section.kind, paper) } }
        }
        let inSections = Set(sections.flatMap(\.arxivIDs))
        for paper in papers where !inSections.contains(paper.paper.arxivID) {
            for kind in paper.kinds { add(kind, paper) }
        }
        return rows
    }

    /// Every tag of every spotlighted paper: the kinds it is listed under
    /// (primary), then the other kinds its own record names, in that order.
    public var tags: [(arxivID: String, kind: String, isPrimary: Bool)] {
        var tags: [(arxivID: String, kind: String, isPrimary: Bool)] = []
        var seen = Set<String>()
        let rows = spotlights
        for row in rows where seen.insert(row.kind + " " + row.paper.paper.arxivID).inserted {
            tags.append((row.paper.paper.arxivID, row.kind, true))
        }
        let listed = Set(rows.map(\.paper.paper.arxivID))
        for paper in papers where listed.contains(paper.paper.arxivID) {
            for kind in paper.kinds where seen.insert(kind + " " + paper.paper.arxivID).inserted {
                tags.append((paper.paper.arxivID, kind, false))
            }
        }
        return tags
    }
}

/// The generator's own monthly overview (`monthly/YYYY-MM-summary.json`).
public struct MonthlyOverview: Sendable, Equatable {
    public struct Pick: Sendable, Equatable {
        public var paper: DigestPaper
        /// `KEEP_IN_MONTHLY`: whether the generator kept it for the month.
        public var kept: Bool
        public var priority: Double?
        public var comment: String?
        /// The generator's own categories (not arXiv's).
        public var primaryCategory: String?
        public var secondaryCategories: [String]
        /// The day whose digest listed it, and that day's page.
        public var sourceDate: String?
        public var sourceDayPage: String?
    }

    /// `YYYY-MM`.
    public var month: String
    public var generatedAt: String?
    public var model: String?
    /// `heuristic` for a month made without a model.
    public var mode: String?
    public var promptCost: Double?
    public var completionCost: Double?
    public var sourceHash: String?
    /// In the file's order.
    public var picks: [Pick]
}
