import ArgumentParser
import ArxiveKit

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration.leaf(
        commandName: "rank",
        abstract: "Re-rank stored verdicts your way: no network, no LLM call.",
        discussion: """
            With no option, 'rank DATE' gives the day exactly as published: author matches \
            first, then the digest's score, then relevance, then its own position. A month \
            or a query ranks distinct papers, each by its best verdict. --weights replaces \
            the digest's score by a formula over relevance and novelty; --boost adds points \
            to papers a query-language term finds; --learned adds points by each paper's place \
            (1 the best, 0 the worst) under the model 'arxive recommend' learns from your \
            starred (or tagged) papers; the --min-* cut-offs show which papers \
            would have survived (author matches always do; --min-score applies to the rank \
            score). --save stores the options as a profile; --profile reads one back (options \
            given with it win).

            Examples:
              arxive rank 2025-12-30
              arxive rank --month 2025-12 --weights relevance=1,novelty=2 --explain
              arxive rank --month 2025-12 --boost-followed 5 --boost 'ti:pruning=3' --diff
              arxive rank 2025-12-30 --min-relevance 9 --diff
              arxive rank --query 'sparse attention' --weights relevance=2,novelty=1 --save theory
              arxive rank --month 2026-01 --profile theory --json
              arxive rank --month 2025-12 --learned starred --learned-points 8 --explain
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var mutes: MuteOptions

    @Argument(help: ArgumentHelp("The day to rank.", valueName: "YYYY-MM-DD"))
    var date: Day?

    @Option(help: ArgumentHelp("Rank a month instead.", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: ArgumentHelp("Rank the papers a query finds instead.", valueName: "query"))
    var query: String?

    @Option(help: "The digest, when several ran that day.")
    var digest: String?

    @Option(help: ArgumentHelp("A formula over relevance and novelty.", valueName: "relevance=R,novelty=N"))
    var weights: String?

    @Option(name: .customLong("boost-followed"), help: ArgumentHelp("Points for a paper by a followed author.", valueName: "points"))
    var boostFollowed: Double?

    @Option(parsing: .singleValue, help: ArgumentHelp("Points for papers a query term finds (repeatable).", valueName: "term=points"))
    var boost: [String] = []

    @Option(help: ArgumentHelp("Add the score of a model learned from your marks: 'starred' or a tag (see recommend).", valueName: "marks"))
    var learned: String?

    @Option(name: .customLong("learned-points"), help: ArgumentHelp("Points for the best place under the learned model (default 10).", valueName: "points"))
    var learnedPoints: Double?

    @Option(name: .customLong("min-relevance"), help: ArgumentHelp("Keep relevance at least this.", valueName: "n"))
    var minRelevance: Int?

    @Option(name: .customLong("min-novelty"), help: ArgumentHelp("Keep novelty at least this.", valueName: "n"))
    var minNovelty: Int?

    @Option(name: .customLong("min-score"), help: ArgumentHelp("Keep a rank score at least this.", valueName: "n"))
    var minScore: Double?

    @Flag(help: "Show how each score is made.")
    var explain = false

    @Flag(help: "Show each paper's move against the digest's own order, and what the cut-offs drop.")
    var diff = false

    @Option(help: ArgumentHelp("Save these options as a named profile.", valueName: "name"))
    var save: String?

    @Option(help: ArgumentHelp("Start from a saved profile.", valueName: "name"))
    var profile: String?

    /// A day is short and is reproduced whole (a 70-paper day was cut at
    /// 50); a month or a query is cut at 50 unless told otherwise.
    @Option(help: "At most this many papers (default: the whole day; 50 for a month or a query).")
    var limit: Int?

    @OptionGroup var export: ExportOptions

    func validate() throws {
        try export.validate(json: output.json)
        let scopes = [date != nil, month != nil, query != nil].filter { $0 }.count
        guard scopes == 1 else { throw ValidationError("give one of DATE, --month or --query") }
        try validateDigest(digest)
        if let weights { _ = try Self.weights(weights) }
        for b in boost { _ = try Self.boost(b) }
        if let boostFollowed, !Self.pointsRange.contains(boostFollowed) {
            throw ValidationError("--boost-followed \(boostFollowed): give points from -1000 to 1000")
        }
        if let minScore, !minScore.isFinite { throw ValidationError("--min-score needs a number") }
        if let learned, learned.isEmpty || learned == "tag:" { throw ValidationError("--learned needs 'starred' or a tag") }
        if let learnedPoints, !Self.pointsRange.contains(learnedPoints) {
            throw ValidationError("--learned-points \(learnedPoints): give points from -1000 to 1000")
        }
        if let save, save.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--save needs a profile name") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let archive = try self.archive.openExisting()
        var options = try profile.map(archive.rankProfile) ?? RankOptions()
        if let weights { options.weights = try Self.weights(weights) }
        if let boostFollowed { options.boostFollowed = boostFollowed }
        if !boost.isEmpty { options.boosts = try boost.map(Self.boost) }
        if let minRelevance { options.minRelevance = minRelevance }
        if let minNovelty { options.minNovelty = minNovelty }
        if let minScore { options.minScore = minScore }
        if let learned { options.learned = RankOptions.Learned(marks: MarkedPapers(learned), points: options.learned?.points ?? 10) }
        if let learnedPoints {
            guard options.learned != nil else { throw ValidationError("--learned-points goes with --learned (or a profile that has it)") }
            options.learned?.points = learnedPoints
        }
        if let save {
            try archive.saveRankProfile(save, options)
            Terminal.note("Saved rank profile '\(save)'.")
        }
        let scope: RankScope = if let date { .day(date, digest: digest) } else if let month { .month(month) } else { .query(try QueryParser.parse(query!)) }
        let ranking = try archive.rank(scope, options: options, limit: limit ?? (date != nil ? nil : 50), showMuted: mutes.showMuted)
        if export.format != nil { return try export.write(archive, arxivIDs: ranking.papers.map(\.paper.arxivID)) }
        if !ranking.papers.isEmpty, ranking.papers.allSatisfy({ $0.paper.verdict.relevance == nil && $0.paper.verdict.novelty == nil }) {
            Terminal.note(
                "note: these papers carry no relevance or novelty (a digest that keeps every paper, such as daily-arXiv-ai-enhanced): "
                    + "only your boosts, follows and marks move them from the digest's order; 'arxive trends --topics' counts them by category")
        }
        try output.emit(ranking.papers) { _, style in RankRenderer.ranking(ranking, explain: explain, diff: diff, style: style) }
    }

    /// Weights and points: verdicts are scored 1 to 10, so wider ranges
    /// mean nothing more, and far wider ones overflow into infinities.
    static let pointsRange = -1000.0...1000.0

    /// `relevance=1,novelty=2`.
    static func weights(_ text: String) throws -> RankOptions.Weights {
        var values: [String: Double] = [:]
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, ["relevance", "novelty"].contains(pair[0]), let v = Double(pair[1]), pointsRange.contains(v) else {
                throw ValidationError("--weights '\(text)': write relevance=R,novelty=N (numbers from -1000 to 1000)")
            }
            values[pair[0]] = v
        }
        return RankOptions.Weights(relevance: values["relevance"] ?? 0, novelty: values["novelty"] ?? 0)
    }

    /// `ti:pruning=3`: the last `=` separates the points.
    static func boost(_ text: String) throws -> RankOptions.Boost {
        guard let eq = text.lastIndex(of: "="), let points = Double(text[text.index(after: eq)...]), pointsRange.contains(points),
            !text[..<eq].trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw ValidationError("--boost '\(text)': write TERM=POINTS, e.g. 'ti:pruning=3' (points from -1000 to 1000)")
        }
        let term = String(text[..<eq])
        _ = try QueryParser.parse(term)
        return RankOptions.Boost(term: term, points: points)
    }
}
