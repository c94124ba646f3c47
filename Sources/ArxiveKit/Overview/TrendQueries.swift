import Foundation
import GRDB

/// Counts over time, over one read of the archive: what the runs of each
/// month (or week) listed. The terms' counts need scratch tables in `temp`:
/// a connection that may write them.
struct TrendQueries {
    let db: Database

    /// The periods from `from` to `to` (`YYYY-MM`, inclusive; the archive's
    /// first and last runs when nil), never beyond the archive's runs: they
    /// would be empty, and `--from 0001-01 --by week` would be half a million.
    func periods(by kind: PeriodKind, from: Month?, to: Month?) throws -> [Period] {
        guard let row = try Row.fetchOne(db, sql: "SELECT min(date) AS first, max(date) AS last FROM runs"),
            let first: String = row["first"], let last: String = row["last"]
        else { return [] }
        let start = max(from?.firstDay.text ?? first, first)
        let end = min(to?.lastDay.text ?? last, last)
        return Periods.covering(start, end, by: kind)
    }

    /// For each period and query: the distinct papers listed in the period's
    /// runs that the query matches, their share of the period's distinct
    /// papers, and the mean relevance and novelty of their listings there.
    /// A query's verdict filters (`rel:>=8`) apply to those listings.
    func trends(_ queries: [(text: String, query: Query)], by kind: PeriodKind, from: Month?, to: Month?) throws -> [TrendRow] {
        let periods = try periods(by: kind, from: from, to: to)
        let search = PaperSearch(db: db)
        let matched = try queries.map { try search.paperIDs(matching: $0.query) }
        var rows: [TrendRow] = []
        for period in periods {
            let total =
                try Int.fetchOne(
                    db,
                    literal: """
                        SELECT count(DISTINCT v.paper_id) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.date \(between: period.dates)
                        """) ?? 0
            for (query, match) in zip(queries, matched) {
                var sql: SQL = """
                    SELECT count(DISTINCT v.paper_id) AS n, avg(v.relevance) AS relevance, avg(v.novelty) AS novelty
                    FROM verdicts v JOIN runs r ON r.id = v.run_id
                    WHERE r.date \(between: period.dates) AND v.paper_id IN (\(sql: match.ids.map(String.init).joined(separator: ",")))
                    """
                if let condition = match.plan.verdictCondition { sql += " AND \(condition)" }
                let row = try Row.fetchOne(db, literal: sql)!
                let count: Int = row["n"]
                rows.append(
                    TrendRow(
                        period: period.label, query: query.text, count: count,
                        share: total == 0 ? 0 : Double(count) / Double(total),
                        meanRelevance: row["relevance"], meanNovelty: row["novelty"]))
            }
        }
        return rows
    }

    /// Runs, tokens and cost per period: a total row, then one per model.
    func costTrends(by kind: PeriodKind, from: Month?, to: Month?) throws -> [CostRow] {
        let periods = try periods(by: kind, from: from, to: to)
        guard let first = periods.first, let last = periods.last else { return [] }
        let runs = try Row.fetchAll(
            db,
            literal: """
                SELECT date, coalesce(model, '(none)') AS model, coalesce(prompt_tokens, 0) AS p, coalesce(completion_tokens, 0) AS c,
                       coalesce(total_tokens, coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0)) AS t, coalesce(total_cost, 0) AS cost
                FROM runs WHERE date \(between: first.first...last.last) ORDER BY date
                """)
        var rows: [CostRow] = []
        for period in periods {
            let inPeriod = runs.filter { period.dates.contains($0["date"] as String) }
            func row(_ model: String?, _ list: [Row]) -> CostRow {
                CostRow(
                    period: period.label, model: model, runs: list.count,
                    promptTokens: list.reduce(0) { $0 + ($1["p"] as Int) }, completionTokens: list.reduce(0) { $0 + ($1["c"] as Int) },
                    totalTokens: list.reduce(0) { $0 + ($1["t"] as Int) },
                    totalCost: (list.reduce(0.0) { $0 + ($1["cost"] as Double) } * 100).rounded() / 100)
            }
            rows.append(row(nil, inPeriod))
            for model in Set(inPeriod.map { $0["model"] as String }).sorted() {
                rows.append(row(model, inPeriod.filter { $0["model"] as String == model }))
            }
        }
        return rows
    }

    /// The most frequent authors of each period.
    func authorTrends(by kind: PeriodKind, from: Month?, to: Month?, limit: Int) throws -> [AuthorTrendRow] {
        let authors = AuthorSearch(db: db)
        return try periods(by: kind, from: from, to: to).flatMap { period in
            try authors.topAuthors(dates: period.dates, limit: limit).map {
                AuthorTrendRow(period: period.label, name: $0.name, papers: $0.papers)
            }
        }
    }

    /// For each period after the first: the terms whose share of the
    /// period's papers rose or fell most against the period before, by
    /// significance (a two-proportion z-score), `limit` each way.
    func termTrends(by kind: PeriodKind, from: Month?, to: Month?, limit: Int) throws -> [TermTrendRow] {
        let periods = try periods(by: kind, from: from, to: to)
        // The period before the first is counted too, so that the first has a change.
        var previous = try periods.first.map { try termCounts(dates: Periods.before($0, by: kind).dates) }
        var rows: [TermTrendRow] = []
        for period in periods {
            let current = try termCounts(dates: period.dates)
            if let previous, previous.papers > 0, current.papers > 0 {
                rows += TrendQueries.movers(period: period.label, current, previous, limit: limit)
            }
            previous = current
        }
        return rows
    }

    /// The terms that moved most between two periods' counts, rising first.
    static func movers(period: String, _ current: TermCounts, _ previous: TermCounts, limit: Int) -> [TermTrendRow] {
        let (n1, n2) = (Double(current.papers), Double(previous.papers))
        var scored: [TermTrendRow] = []
        for term in Set(current.counts.keys).union(previous.counts.keys) {
            let (a, b) = (current.counts[term] ?? 0, previous.counts[term] ?? 0)
            guard a + b >= 5 else { continue }
            let pooled = Double(a + b) / (n1 + n2)
            let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
            guard se > 0 else { continue }
            let z = (Double(a) / n1 - Double(b) / n2) / se
            let word = current.words[term] ?? previous.words[term] ?? term
            scored.append(TermTrendRow(period: period, term: word, papers: a, previousPapers: b, score: (z * 100).rounded() / 100))
        }
        let rising = scored.filter { $0.score > 0 }.sorted { ($0.score, $1.term) > ($1.score, $0.term) }.prefix(limit)
        let falling = scored.filter { $0.score < 0 }.sorted { ($0.score, $0.term) < ($1.score, $1.term) }.prefix(limit)
        return Array(rising) + Array(falling)
    }

    /// How many of the papers listed in `dates` hold each term in their
    /// title, through the archive's own tokenizer (stop words, numbers and
    /// one- or two-letter terms left out). Titles only: they name the topic,
    /// and tokenizing a month of abstracts too took 80 ms, most of a report's
    /// budget.
    func termCounts(dates: ClosedRange<String>) throws -> TermCounts {
        // Dropped and made anew: emptying an FTS5 table row by row would
        // tokenize every title again to take it out of the index.
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.period_terms;
                DROP TABLE IF EXISTS temp.period_text;
                CREATE VIRTUAL TABLE temp.period_text USING fts5(title, tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE temp.period_terms USING fts5vocab(temp, period_text, 'row');
                """)
        try db.execute(
            literal: """
                INSERT INTO temp.period_text (rowid, title)
                SELECT id, title FROM papers
                WHERE id IN (SELECT v.paper_id FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.date \(between: dates))
                """)
        let papers = db.changesCount
        let stop = try stopTerms()
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT term, doc FROM temp.period_terms") {
            let term: String = row["term"]
            guard term.count > 2, !stop.contains(term), !term.allSatisfy(\.isNumber) else { continue }
            counts[term] = row["doc"]
        }
        return TermCounts(papers: papers, counts: counts, words: try readableWords())
    }

    /// Each stem of `temp.period_text` as the word its titles use most
    /// (`singl` -> `single`, `orthogon` -> `orthogonal`): the titles'
    /// words without stemming, each stemmed once by the index's own
    /// tokenizer (a row per word, so a term's row id names its word).
    func readableWords() throws -> [String: String] {
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.period_word_terms;
                DROP TABLE IF EXISTS temp.period_words;
                DROP TABLE IF EXISTS temp.word_list;
                DROP TABLE IF EXISTS temp.word_stem_terms;
                DROP TABLE IF EXISTS temp.word_stems;
                CREATE VIRTUAL TABLE temp.period_words USING fts5(title, tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE temp.period_word_terms USING fts5vocab(temp, period_words, 'row');
                CREATE TEMP TABLE word_list (id INTEGER PRIMARY KEY, word TEXT NOT NULL, papers INTEGER NOT NULL);
                CREATE VIRTUAL TABLE temp.word_stems USING fts5(word, tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE temp.word_stem_terms USING fts5vocab(temp, word_stems, 'instance');
                INSERT INTO temp.period_words (rowid, title) SELECT rowid, title FROM temp.period_text;
                INSERT INTO temp.word_list (word, papers) SELECT term, doc FROM temp.period_word_terms;
                INSERT INTO temp.word_stems (rowid, word) SELECT id, word FROM temp.word_list;
                """)
        var best: [String: (word: String, papers: Int)] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT s.term AS stem, w.word, w.papers FROM temp.word_stem_terms s JOIN temp.word_list w ON w.id = s.doc
                """)
        {
            let stem: String = row["stem"], word: String = row["word"], papers: Int = row["papers"]
            if let held = best[stem], (held.papers, word.count, held.word) >= (papers, held.word.count, word) { continue }
            best[stem] = (word, papers)
        }
        return best.mapValues(\.word)
    }

    /// How many papers of a period hold each term, and the word a person reads for each.
    struct TermCounts {
        var papers: Int
        /// Stem -> papers holding it.
        var counts: [String: Int]
        /// Stem -> its most used word.
        var words: [String: String]
    }

    /// English stop words and paper boilerplate, stemmed the way the index stems.
    func stopTerms() throws -> Set<String> {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.stop_text USING fts5(words, tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.stop_terms USING fts5vocab(temp, stop_text, 'row');
                """)
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.stop_text") == 0 {
            try db.execute(literal: "INSERT INTO temp.stop_text (words) VALUES (\(TrendQueries.stopWords))")
        }
        return Set(try String.fetchAll(db, sql: "SELECT term FROM temp.stop_terms"))
    }

    static let stopWords = """
        a about above after again against all also although am among an and any are as at be because been before being \
        below between both but by can could did do does doing down during each either et few for from further had has \
        have having here how however i if in into is it its itself just may might more most much must no nor not of off \
        often on once only or other our ours out over own per same several should since so some such than that the their \
        theirs them then there these they this those through thus to too under until up upon us very via was we were what \
        when where whether which while who whom why will with within without would yet you your \
        paper propose proposed present presents show shows shown using use used based approach approaches method methods \
        result results new novel work study also first two one three however existing given well
        """
}
