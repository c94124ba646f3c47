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
    @OrNull public var meanRelevance: Double?
    @OrNull public var meanNovelty: Double?
}

/// Runs, tokens and cost in one period, for one model (nil: all models).
public struct CostRow: Encodable, Equatable, Sendable {
    public var period: String
    /// Nil on the period's total row; "(none)" for runs whose page named no model.
    @OrNull public var model: String?
    public var runs: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var totalCost: Double
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
}
