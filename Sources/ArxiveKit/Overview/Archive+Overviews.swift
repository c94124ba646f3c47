// Overview/: periods, trends, the monthly and yearly reports and the
// archive's totals, each a type over one `Database` (`TrendQueries`,
// `Reports`, `ArchiveTotals`). They may call Model, Archive and Search.

import GRDB

/// The archive's read entry points for the overviews: each opens one
/// transaction and hands its `Database` to the type that holds the SQL.
extension Archive {
    /// Everything `arxive report YYYY-MM` shows, from one consistent read.
    /// arxive's own ranking leaves out what a mute hides unless `showMuted`;
    /// the counts, and what the digests published, stay whole.
    public func monthReport(_ month: Month, limit: Int = 10, showMuted: Bool = false) throws -> MonthReport {
        try withScratchTables { try Reports(db: $0).month(month, limit: limit, showMuted: showMuted) }
    }

    /// `arxive report YYYY`: each month's totals and best paper (not a muted one unless `showMuted`).
    public func yearReport(_ year: String, showMuted: Bool = false) throws -> YearReport {
        try database.read { try Reports(db: $0).year(year, showMuted: showMuted) }
    }

    /// For each period and query: the distinct papers listed in the period's
    /// runs that the query matches, their share of the period's distinct
    /// papers, and the mean relevance and novelty of their listings there.
    /// A query's verdict filters (`rel:>=8`) apply to those listings.
    public func trends(
        _ queries: [(text: String, query: Query)], by kind: PeriodKind = .month,
        from: Month? = nil, to: Month? = nil
    ) throws -> [TrendRow] {
        try database.read { try TrendQueries(db: $0).trends(queries, by: kind, from: from, to: to) }
    }

    /// Runs, tokens and cost per period: a total row, then one per model.
    public func costTrends(by kind: PeriodKind = .month, from: Month? = nil, to: Month? = nil) throws -> [CostRow] {
        try database.read { try TrendQueries(db: $0).costTrends(by: kind, from: from, to: to) }
    }

    /// The most frequent authors of each period.
    public func authorTrends(by kind: PeriodKind = .month, from: Month? = nil, to: Month? = nil, limit: Int = 5) throws -> [AuthorTrendRow] {
        try database.read { try TrendQueries(db: $0).authorTrends(by: kind, from: from, to: to, limit: limit) }
    }

    /// For each period after the first: the terms whose share of the
    /// period's papers rose or fell most against the period before, by
    /// significance (a two-proportion z-score), `limit` each way.
    public func termTrends(by kind: PeriodKind = .month, from: Month? = nil, to: Month? = nil, limit: Int = 5) throws -> [TermTrendRow] {
        try database.writeWithoutTransaction { try TrendQueries(db: $0).termTrends(by: kind, from: from, to: to, limit: limit) }
    }

    public func stats() throws -> ArchiveStats {
        try database.read { try ArchiveTotals(db: $0).stats() }
    }

    /// Every topic some verdict is filed under, the most used first.
    public func topics() throws -> [Topic] {
        try database.read { try ArchiveTotals(db: $0).topics() }
    }
}
