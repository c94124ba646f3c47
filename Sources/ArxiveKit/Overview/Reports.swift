import Foundation
import GRDB

/// Monthly and yearly overviews, over one read of the archive (the month's
/// terms need scratch tables in `temp`: a connection that may write them).
struct Reports {
    let db: Database

    /// Everything `arxive report YYYY-MM` shows.
    /// arxive's own ranking leaves out what a mute hides unless `showMuted`;
    /// the counts, and what the digests published, stay whole.
    func month(_ month: Month, limit: Int, showMuted: Bool) throws -> MonthReport {
        let dates = month.dateRange
        let runs = try Row.fetchAll(
            db,
            literal: """
                SELECT r.date, r.digest, coalesce(r.total_cost, 0) AS cost, (SELECT count(*) FROM verdicts v WHERE v.run_id = r.id) AS listed,
                       coalesce(r.scanned_papers, 0) AS scanned, coalesce(r.total_papers, 0) AS arxiv,
                       coalesce(r.prompt_tokens, 0) AS p, coalesce(r.completion_tokens, 0) AS c,
                       coalesce(r.total_tokens, coalesce(r.prompt_tokens, 0) + coalesce(r.completion_tokens, 0)) AS t
                FROM runs r WHERE r.date \(between: dates) ORDER BY r.date, r.digest, r.variant
                """)
        func sum(_ column: String) -> Int { runs.reduce(0) { $0 + ($1[column] as Int) } }
        let cost = (runs.reduce(0.0) { $0 + ($1["cost"] as Double) } * 100).rounded() / 100
        let days = month.days.map { day in
            let those = runs.filter { $0["date"] as String == day.text }
            return MonthReport.CalendarDay(
                date: day, digests: (those.map { $0["digest"] } as [String]).uniquedInOrder(), papersListed: those.reduce(0) { $0 + ($1["listed"] as Int) },
                totalCost: (those.reduce(0.0) { $0 + ($1["cost"] as Double) } * 100).rounded() / 100)
        }
        let distinct =
            try Int.fetchOne(
                db,
                literal: """
                    SELECT count(DISTINCT v.paper_id) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.date \(between: dates)
                    """) ?? 0
        let models = try modelCosts(month: month)
        let authorMatches = Set(
            try Int64.fetchAll(
                db,
                literal: """
                    SELECT DISTINCT v.paper_id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.date \(between: dates) AND v.author_match = 1
                    """))
        let trends = TrendQueries(db: db)
        let current = try trends.termCounts(dates: dates)
        let previous = try trends.termCounts(dates: month.previous.dateRange)
        let rising =
            current.papers > 0 && previous.papers > 0
            ? TrendQueries.movers(period: month.text, current, previous, limit: limit).filter { $0.score > 0 } : []
        let (repeated, changed) = try repeatedListings(dates: dates)
        let top = try Ranker(db: db).rank(.month(month), options: RankOptions(), limit: limit, showMuted: showMuted).papers
        let follows = FollowMatches(db: db)
        return MonthReport(
            month: month, runs: runs.count, papersListed: sum("listed"), distinctPapers: distinct,
            scannedPapers: sum("scanned"), arxivPapers: sum("arxiv"),
            promptTokens: sum("p"), completionTokens: sum("c"), totalTokens: sum("t"), totalCost: cost,
            meanTokensPerRun: runs.isEmpty ? nil : Double(sum("t")) / Double(runs.count),
            meanCostPerRun: runs.isEmpty ? nil : (cost / Double(runs.count) * 1000).rounded() / 1000,
            days: days, models: models,
            topPapers: top,
            authorMatches: try follows.hits(paperIDs: authorMatches, dates: nil, limit: nil),
            followedPapers: try follows.hits(for: try follows.ruleMatches(loose: false), dates: dates, limit: nil),
            topAuthors: try AuthorSearch(db: db).topAuthors(dates: dates, limit: limit),
            risingTerms: rising, repeatedPapers: repeated, changedVerdicts: changed,
            recentMonths: try recentMonths(endingWith: month),
            generator: try generatorSections(dates: dates, month: month, limit: limit, topPapers: top)
        )
    }

    /// Distinct papers and cost of the twelve months ending with `month`.
    func recentMonths(endingWith month: Month) throws -> [MonthReport.RecentMonth] {
        var months = [month]
        while months.count < 12 { months.insert(months[0].previous, at: 0) }
        let dates = months[0].firstDay.text...month.lastDay.text
        // Two grouped queries for the twelve months, not two per month.
        var papers: [String: Int] = [:], cost: [String: Double] = [:]
        for row in try Row.fetchAll(
            db,
            literal: """
                SELECT substr(r.date, 1, 7) AS month, count(DISTINCT v.paper_id) AS n FROM verdicts v JOIN runs r ON r.id = v.run_id
                WHERE r.date \(between: dates) GROUP BY 1
                """)
        { papers[row["month"]] = row["n"] }
        for row in try Row.fetchAll(
            db,
            literal: """
                SELECT substr(date, 1, 7) AS month, round(sum(coalesce(total_cost, 0)), 2) AS cost FROM runs WHERE date \(between: dates) GROUP BY 1
                """)
        { cost[row["month"]] = row["cost"] }
        return months.map { MonthReport.RecentMonth(month: $0, distinctPapers: papers[$0.text] ?? 0, totalCost: cost[$0.text] ?? 0) }
    }

    /// Runs, tokens and cost of a month per model.
    func modelCosts(month: Month) throws -> [CostRow] {
        let dates = month.dateRange
        return try Row.fetchAll(
            db,
            literal: """
                SELECT coalesce(model, '(none)') AS model, count(*) AS runs, sum(coalesce(prompt_tokens, 0)) AS p,
                       sum(coalesce(completion_tokens, 0)) AS c,
                       sum(coalesce(total_tokens, coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0))) AS t,
                       round(sum(coalesce(total_cost, 0)), 2) AS cost
                FROM runs WHERE date \(between: dates) GROUP BY 1 ORDER BY 1
                """
        ).map {
            CostRow(
                period: month.text, model: $0["model"], runs: $0["runs"], promptTokens: $0["p"], completionTokens: $0["c"],
                totalTokens: $0["t"], totalCost: $0["cost"])
        }
    }

    /// Papers listed on more than one day of `dates`, and among them those
    /// whose verdict (relevance, novelty, score, author match) differed.
    func repeatedListings(dates: ClosedRange<String>) throws -> (repeated: [MonthReport.Repeated], changed: [MonthReport.Repeated]) {
        let rows = try Row.fetchAll(
            db,
            literal: """
                SELECT p.arxiv_id, p.title, r.digest, r.date, v.position, v.relevance, v.novelty, v.score, v.comment, v.author_match
                FROM verdicts v JOIN runs r ON r.id = v.run_id JOIN papers p ON p.id = v.paper_id
                WHERE r.date \(between: dates) AND v.paper_id IN (
                    SELECT v2.paper_id FROM verdicts v2 JOIN runs r2 ON r2.id = v2.run_id
                    WHERE r2.date \(between: dates) GROUP BY v2.paper_id HAVING count(DISTINCT r2.date) > 1)
                ORDER BY p.arxiv_id, r.date, r.digest, r.variant
                """)
        var repeated: [MonthReport.Repeated] = []
        for row in rows {
            let listing = PaperDetail.Listing(
                digest: row["digest"], date: row["date"], position: row["position"], verdict: PaperReads.verdictFields(row))
            if repeated.last?.arxivID == row["arxiv_id"] {
                repeated[repeated.count - 1].listings.append(listing)
            } else {
                repeated.append(MonthReport.Repeated(arxivID: row["arxiv_id"], title: row["title"], listings: [listing]))
            }
        }
        let changed = repeated.filter { paper in
            Set(paper.listings.map { "\($0.verdict.relevance ?? -1) \($0.verdict.novelty ?? -1) \($0.verdict.score ?? -1) \($0.verdict.authorMatch)" }).count
                > 1
        }
        return (repeated, changed)
    }

    /// `arxive report YYYY`: each month's totals and best paper (not a muted one unless `showMuted`).
    func year(_ year: String, showMuted: Bool) throws -> YearReport {
        let months = try Month.all(ofYear: year).map { month -> YearReport.MonthTotals in
            let dates = month.dateRange
            let row = try Row.fetchOne(
                db,
                literal: """
                    SELECT count(*) AS runs, coalesce(sum((SELECT count(*) FROM verdicts v WHERE v.run_id = r.id)), 0) AS listed,
                           coalesce(sum(coalesce(total_tokens, coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0))), 0) AS tokens,
                           coalesce(round(sum(coalesce(total_cost, 0)), 2), 0) AS cost
                    FROM runs r WHERE date \(between: dates)
                    """)!
            let distinct =
                try Int.fetchOne(
                    db,
                    literal: """
                        SELECT count(DISTINCT v.paper_id) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.date \(between: dates)
                        """) ?? 0
            let top = try Ranker(db: db).rank(.month(month), options: RankOptions(), limit: 1, showMuted: showMuted).papers.first
            return YearReport.MonthTotals(
                month: month, runs: row["runs"], papersListed: row["listed"], distinctPapers: distinct,
                totalTokens: row["tokens"], totalCost: row["cost"], topPaper: top.map { "\($0.paper.arxivID) \($0.paper.title)" })
        }
        let dates = "\(year)-01-01"..."\(year)-12-31"
        let distinct =
            try Int.fetchOne(
                db,
                literal: """
                    SELECT count(DISTINCT v.paper_id) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.date \(between: dates)
                    """) ?? 0
        return YearReport(
            year: year, runs: months.reduce(0) { $0 + $1.runs }, papersListed: months.reduce(0) { $0 + $1.papersListed },
            distinctPapers: distinct, totalTokens: months.reduce(0) { $0 + $1.totalTokens },
            totalCost: (months.reduce(0.0) { $0 + $1.totalCost } * 100).rounded() / 100, months: months)
    }
}
