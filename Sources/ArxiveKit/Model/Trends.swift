/// A stretch of days that trends and reports count over.
public struct Period: Hashable, Sendable {
    /// `2025-12` for a month, `2025-W49` for an ISO week.
    public var label: String
    /// First and last day, `YYYY-MM-DD`, inclusive.
    public var first: String
    public var last: String

    public var dates: ClosedRange<String> { first...last }
}

/// How trends cut time.
public enum PeriodKind: String, CaseIterable, Sendable {
    case month, week
}

/// One query in one period: `arxive trends QUERY...`.
public struct TrendRow: Encodable, Equatable, Sendable {
    public var period: String
    public var query: String
    /// Distinct papers the period's runs listed that the query matches.
    public var count: Int
    /// `count` over the distinct papers the period's runs listed (0 when none).
    public var share: Double
    /// Over the matching papers' listings in the period; nil when none has one.
    public var meanRelevance: Double?
    public var meanNovelty: Double?

    enum CodingKeys: String, CodingKey {
        case period, query, count, share, meanRelevance = "mean_relevance", meanNovelty = "mean_novelty"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(query, forKey: .query)
        try c.encode(count, forKey: .count)
        try c.encode(share, forKey: .share)
        try c.encode(meanRelevance, forKey: .meanRelevance)
        try c.encode(meanNovelty, forKey: .meanNovelty)
    }
}

/// Runs, tokens and cost in one period, for one model (nil: all models).
public struct CostRow: Encodable, Equatable, Sendable {
    public var period: String
    /// Nil on the period's total row; "(none)" for runs whose page named no model.
    public var model: String?
    public var runs: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var totalCost: Double

    enum CodingKeys: String, CodingKey {
        case period, model, runs, promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
        case totalTokens = "total_tokens", totalCost = "total_cost"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(model, forKey: .model)
        try c.encode(runs, forKey: .runs)
        try c.encode(promptTokens, forKey: .promptTokens)
        try c.encode(completionTokens, forKey: .completionTokens)
        try c.encode(totalTokens, forKey: .totalTokens)
        try c.encode(totalCost, forKey: .totalCost)
    }
}

/// An author among a period's most frequent.
public struct AuthorTrendRow: Encodable, Equatable, Sendable {
    public var period: String
    public var name: String
    public var papers: Int
}

/// A term whose share of a period's papers moved against the period before.
public struct TermTrendRow: Encodable, Equatable, Sendable {
    public var period: String
    /// The word the period's titles use most for the index's term (`quantization` for `quantiz`).
    public var term: String
    /// Papers holding the term, this period and the one before.
    public var papers: Int
    public var previousPapers: Int
    /// Two-proportion z-score: positive rising, negative falling; |z| > 2 is unlikely to be chance.
    public var score: Double

    enum CodingKeys: String, CodingKey {
        case period, term, papers, previousPapers = "previous_papers", score
    }
}
