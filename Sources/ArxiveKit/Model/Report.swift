/// `arxive report YYYY-MM`: one month of the archive.
public struct MonthReport: Encodable, Equatable, Sendable {
    public var month: Month
    public var runs: Int
    /// Listings (a paper listed on two days counts twice).
    public var papersListed: Int
    public var distinctPapers: Int
    /// Sums of the runs' "Total scanned papers" and "Total arXiv papers".
    public var scannedPapers: Int
    public var arxivPapers: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var totalCost: Double
    public var meanTokensPerRun: Double?
    public var meanCostPerRun: Double?
    /// Every day of the month, with or without runs.
    public var days: [CalendarDay]
    /// Runs, tokens and cost per model.
    public var models: [CostRow]
    /// Distinct papers by their best verdict (the digest's own order).
    public var topPapers: [RankedPaper]
    /// True when the period's papers carry no relevance, novelty or score
    /// (daily-arXiv-ai-enhanced gives none): its top papers are then in
    /// published order, and the report says so.
    public var scoresAbsent: Bool {
        !topPapers.isEmpty && topPapers.allSatisfy { $0.paper.verdict.relevance == nil && $0.paper.verdict.novelty == nil && $0.paper.verdict.score == nil }
    }
    /// Papers the digest flagged as author matches this month.
    public var authorMatches: [PaperHit]
    /// Papers by followed authors listed this month.
    public var followedPapers: [PaperHit]
    public var topAuthors: [AuthorCount]
    /// Terms rising against the month before.
    public var risingTerms: [TermTrendRow]
    /// Papers listed on more than one day.
    public var repeatedPapers: [Repeated]
    /// Papers whose verdict differed between the days that listed them.
    public var changedVerdicts: [Repeated]
    /// The trend up to this month: the twelve months ending with it.
    public var recentMonths: [RecentMonth]
    /// The month's topics, spotlights, the generator's own picks, and the runs the model never ran.
    public var generator = MonthGeneratorSections()

    public struct RecentMonth: Encodable, Equatable, Sendable {
        public var month: Month
        public var distinctPapers: Int
        public var totalCost: Double
    }

    /// A day of the month, with or without runs.
    public struct CalendarDay: Encodable, Equatable, Sendable {
        public var date: Day
        /// The digests that ran that day.
        public var digests: [String]
        public var papersListed: Int
        public var totalCost: Double
    }

    /// A paper and its listings of the month.
    public struct Repeated: Encodable, Equatable, Sendable {
        public var arxivID: String
        public var title: String
        public var listings: [PaperDetail.Listing]
    }

    enum CodingKeys: String, CodingKey {
        case month, runs, papersListed, distinctPapers, scannedPapers
        case arxivPapers, promptTokens, completionTokens
        case totalTokens, totalCost, meanTokensPerRun
        case meanCostPerRun, days, models, topPapers, authorMatches
        case followedPapers, topAuthors, risingTerms
        case repeatedPapers, changedVerdicts, recentMonths
        case topics, spotlights, digestPicks, runsModelNotRun, papersUnread
        case hotspots
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(month, forKey: .month)
        try c.encode(generator.runsModelNotRun, forKey: .runsModelNotRun)
        try c.encode(generator.papersUnread, forKey: .papersUnread)
        try c.encode(generator.topics, forKey: .topics)
        try c.encode(generator.spotlights, forKey: .spotlights)
        try c.encode(generator.digestPicks, forKey: .digestPicks)
        try c.encode(generator.hotspots, forKey: .hotspots)
        try c.encode(runs, forKey: .runs)
        try c.encode(papersListed, forKey: .papersListed)
        try c.encode(distinctPapers, forKey: .distinctPapers)
        try c.encode(scannedPapers, forKey: .scannedPapers)
        try c.encode(arxivPapers, forKey: .arxivPapers)
        try c.encode(promptTokens, forKey: .promptTokens)
        try c.encode(completionTokens, forKey: .completionTokens)
        try c.encode(totalTokens, forKey: .totalTokens)
        try c.encode(totalCost, forKey: .totalCost)
        try c.encode(meanTokensPerRun, forKey: .meanTokensPerRun)
        try c.encode(meanCostPerRun, forKey: .meanCostPerRun)
        try c.encode(days, forKey: .days)
        try c.encode(models, forKey: .models)
        try c.encode(topPapers, forKey: .topPapers)
        try c.encode(authorMatches, forKey: .authorMatches)
        try c.encode(followedPapers, forKey: .followedPapers)
        try c.encode(topAuthors, forKey: .topAuthors)
        try c.encode(risingTerms, forKey: .risingTerms)
        try c.encode(repeatedPapers, forKey: .repeatedPapers)
        try c.encode(changedVerdicts, forKey: .changedVerdicts)
        try c.encode(recentMonths, forKey: .recentMonths)
    }
}

/// `arxive report YYYY`: the months side by side.
public struct YearReport: Encodable, Equatable, Sendable {
    public var year: String
    public var runs: Int
    public var papersListed: Int
    public var distinctPapers: Int
    public var totalTokens: Int
    public var totalCost: Double
    public var months: [MonthTotals]

    public struct MonthTotals: Encodable, Equatable, Sendable {
        public var month: Month
        public var runs: Int
        public var papersListed: Int
        public var distinctPapers: Int
        public var totalTokens: Int
        public var totalCost: Double
        /// The month's best paper by the digest's own order.
        @OrNull public var topPaper: String?
    }
}
