/// Text for `arxive rank`.
public enum RankRenderer {
    /// The new order; with `diff`, each paper's move against the digest's own
    /// order and the papers the cut-offs dropped; with `explain`, each score's parts.
    public static func ranking(_ ranking: Ranking, explain: Bool, diff: Bool, style: Style = .plain) -> String {
        var blocks = ranking.papers.enumerated().map { i, r in paper(r, rank: i + 1, explain: explain, diff: diff, style: style) }
        if ranking.papers.isEmpty { blocks.append("No papers.") }
        if diff && !ranking.dropped.isEmpty {
            blocks.append(style.bold("Would not have survived the cut-offs (\(ranking.dropped.count)):"))
            blocks += ranking.dropped.map { paper($0, rank: nil, explain: explain, diff: false, style: style) }
        }
        return blocks.joined(separator: "\n\n")
    }

    static func paper(_ r: RankedPaper, rank: Int?, explain: Bool, diff: Bool, style: Style) -> String {
        let hit = r.paper
        var meta = [
            style.cyan(hit.arxivID), "\(r.date) #\(r.position)" + (r.digest == "daily" ? "" : " (\(r.digest))"),
            "rank score \(Format.score(r.rankScore))", Format.verdict(hit.verdict),
        ]
        if diff, let rank { meta.append(move(from: r.publishedRank, to: rank)) }
        var lines = [
            (rank.map { String(format: "%3d. ", $0) } ?? "   - ") + style.bold(hit.title),
            "     " + meta.joined(separator: " · "),
            "     " + Format.authors(hit.authors),
        ]
        if explain {
            let scoring = r.parts.filter { !$0.label.hasPrefix("author match") }
            var text = scoring.map { "\($0.label): \(Format.score($0.points))" }.joined(separator: " + ")
            text = scoring.isEmpty ? "no score" : text + " = \(Format.score(r.rankScore))"
            if hit.verdict.authorMatch { text = "author match (listed first) · " + text }
            lines.append("     " + text)
        }
        return lines.joined(separator: "\n")
    }

    /// `↑3` (three places higher than the digest put it), `↓2`, `=`.
    static func move(from published: Int, to rank: Int) -> String {
        published == rank ? "=" : published > rank ? "↑\(published - rank)" : "↓\(rank - published)"
    }
}
