import Dispatch
import GRDB

/// How `search` ranks: by its words (bm25), by meaning (the query's vector
/// against the papers' vectors), or both, fused.
public enum SearchMode: String, CaseIterable, Sendable {
    case words, meaning, both
}

/// What a search by meaning needs: the query's vector, and the archive's
/// vectors made by the same model.
public struct MeaningQuery: Sendable {
    public var vector: QueryVector
    public var index: VectorIndex

    public init(vector: [Float], index: VectorIndex) {
        self.init(vector: QueryVector(vector), index: index)
    }

    public init(vector: QueryVector, index: VectorIndex) {
        self.vector = vector
        self.index = index
    }
}

/// A query's vector, made on the other core while the search reads the
/// archive (the vectors, the word ranking): the two took about the same
/// time one after the other, and a hybrid search was 1.3x a search by meaning alone.
public final class QueryVector: @unchecked Sendable {
    private let done = DispatchGroup()
    private var vector: [Float] = []

    public init(_ vector: [Float]) { self.vector = vector }

    /// Starts encoding `text` with `model` at once.
    public init(encoding text: String, with model: SentenceModel) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            vector = model.embed([text])[0]
            done.leave()
        }
    }

    /// The vector, once it is made.
    public var value: [Float] {
        done.wait()
        return vector
    }
}

/// What `search` asks: the query's order, size and mode.
public struct SearchRequest: Sendable {
    public var order: SearchOrder = .rank
    public var limit = 20
    public var showMuted = false
    /// Only papers that hold every word, in the word ranking.
    public var exact = false
    /// `--mode`; nil: both when the papers have vectors, else words.
    public var mode: SearchMode?

    public init(order: SearchOrder = .rank, limit: Int = 20, showMuted: Bool = false, exact: Bool = false, mode: SearchMode? = nil) {
        self.order = order
        self.limit = limit
        self.showMuted = showMuted
        self.exact = exact
        self.mode = mode
    }
}

/// A search's hits, how they were ranked, and what to tell the user.
public struct SearchOutcome: Sendable {
    public var results: SearchResults
    public var mode: SearchMode
    /// Why the search ranked by words only when it could have ranked by
    /// meaning too, and how to change that (a hint to say once).
    public var wordsOnlyReason: String?
    /// Papers that have no vector of the model, when the search ran by
    /// meaning: the papers `embed` gives vectors less the vectors held, from
    /// the indexes alone (catalogue papers embedded with `--catalogue` make it
    /// low; it is a hint, and reading every paper's row for it cost more
    /// than the rest of the search).
    public var papersWithoutVectors = 0
}

/// Why a search's mode cannot run.
public struct SearchModeError: DescribedError {
    public var description: String
}

extension PaperSearch {
    /// How deep each ranking is read before fusion: a paper ranked lower
    /// than this by both would never reach the first page of results.
    static let fusionDepth = 100

    /// The papers `query` finds by meaning (`.meaning`) or by words and
    /// meaning fused by reciprocal rank (`.both`), best first. The query's
    /// filters, exclusions and the mutes apply to both rankings; each hit
    /// says its place in each.
    func hybridResults(_ query: Query, meaning: MeaningQuery, mode: SearchMode, limit: Int, showMuted: Bool, relaxed: Bool)
        throws -> SearchResults
    {
        let plan = try self.plan(visible(query, showMuted: showMuted))
        let depth = Swift.max(limit, PaperSearch.fusionDepth)
        let words =
            mode == .meaning
            ? WordRanking(ids: [], snippets: [:], partialMatches: 0)
            : try wordRanking(plan, order: .rank, limit: depth, relaxed: relaxed, snippets: false)
        let nearest = try meaningRanking(plan, meaning, limit: depth)
        let fused = RankFusion.fuse([words.ids, nearest], limit: limit)
        // The snippets of the papers shown: where they hold every word, else
        // some of them (a paper found by meaning alone may still share some).
        var snippets = words.snippets
        for match in [plan.match, plan.relaxedMatch].compactMap({ $0 }) {
            let unsnipped = fused.map(\.id).filter { snippets[$0] == nil }
            if unsnipped.isEmpty { break }
            snippets.merge(try self.snippets(match: match, paperIDs: unsnipped, lookUpEach: true)) { first, _ in first }
        }
        let reads = PaperReads(db: db)
        return SearchResults(
            hits: try fused.map { entry in
                var hit = try reads.hit(paperID: entry.id, snippet: snippets[entry.id], verdictCondition: plan.verdictCondition)
                hit.ranks = SearchRanks(word: entry.ranks[0], meaning: entry.ranks[1])
                return hit
            },
            orderedAmong: words.orderedAmong)
    }

    /// The papers nearest the query's vector, best first, among those the
    /// plan's conditions keep and its excluded words do not match.
    func meaningRanking(_ plan: SearchPlan, _ meaning: MeaningQuery, limit: Int) throws -> [Int64] {
        let allowed: Set<Int64>? =
            plan.conditions.isEmpty
            ? nil : Set(try Int64.fetchAll(db, literal: "SELECT p.id FROM papers p WHERE \(plan.conditions.joined(separator: " AND "))"))
        let excluded: Set<Int64> =
            if let exclusion = plan.exclusion {
                Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?", arguments: [exclusion]))
            } else { [] }
        return meaning.index.nearest(meaning.vector.value, limit: limit, among: allowed, excluding: excluded).map(\.id)
    }
}

/// Which ranking a search runs: the one place that decides it.
public enum SearchModeChoice {
    public enum Outcome: Equatable, Sendable {
        /// Run this mode.
        case run(SearchMode)
        /// Run by words, and say why meaning was not used (nil: nothing to say).
        case wordsOnly(reason: String?)
        /// The mode asked for cannot run: the message says what to do.
        case refused(String)
    }

    /// `requested` is `--mode` (nil: the default, `both` when it can run).
    public static func decide(
        requested: SearchMode?, sortedByRank: Bool, hasWords: Bool, modelInstalled: Bool, vectors: Int
    ) -> Outcome {
        if requested == .words { return .run(.words) }
        let explicit = requested != nil
        guard sortedByRank else {
            return explicit ? .refused("--mode \(requested!.rawValue) ranks by relevance: leave out --sort") : .run(.words)
        }
        guard hasWords else {
            return explicit ? .refused("the query has no words to search by meaning (only filters)") : .run(.words)
        }
        guard modelInstalled else {
            let how = "no sentence model is installed: arxive model install, then arxive embed"
            return explicit ? .refused(how) : .wordsOnly(reason: how)
        }
        guard vectors > 0 else {
            let how = "no paper has a vector of the installed model yet: arxive embed"
            return explicit ? .refused(how) : .wordsOnly(reason: how)
        }
        return .run(requested ?? .both)
    }
}
