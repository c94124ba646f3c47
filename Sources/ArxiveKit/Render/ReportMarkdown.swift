import Foundation

/// `arxive report` as Markdown: the sections of a month, or a year's months.
public enum ReportMarkdown {
    public static func month(_ r: MonthReport) -> String {
        var out: [String] = ["# arXiv digest overview: \(r.month)", ""]
        out.append(calendar(r))
        out += [
            "", "## Totals", "",
            "| runs | papers listed | distinct papers | scanned | arXiv total |",
            "|---:|---:|---:|---:|---:|",
            "| \(r.runs) | \(r.papersListed) | \(r.distinctPapers) | \(r.scannedPapers) | \(r.arxivPapers) |",
            "", "## Tokens and cost", "",
            "| model | runs | prompt tokens | completion tokens | total tokens | cost |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for m in r.models {
            out.append("| \(text(m.model ?? "")) | \(m.runs) | \(m.promptTokens) | \(m.completionTokens) | \(m.totalTokens) | \(Format.money(m.totalCost)) |")
        }
        out.append("| **all** | \(r.runs) | \(r.promptTokens) | \(r.completionTokens) | \(r.totalTokens) | \(Format.money(r.totalCost)) |")
        if let tokens = r.meanTokensPerRun, let cost = r.meanCostPerRun {
            out += ["", "Per run: \(Int(tokens.rounded())) tokens, \(Format.money(cost)) on average."]
        }
        if r.generator.runsModelNotRun > 0 {
            out += [
                "",
                "The model never ran in \(r.generator.runsModelNotRun) run\(r.generator.runsModelNotRun == 1 ? "" : "s"): "
                    + "\(r.generator.papersUnread) papers scanned and left unread.",
            ]
        }
        out += ["", "## Top papers", ""]
        if r.scoresAbsent {
            out += [
                "_These runs give no relevance or novelty (a digest that keeps every paper): in published order; the topics below count them by category._", "",
            ]
        }
        out +=
            r.topPapers.isEmpty
            ? ["None."]
            : r.topPapers.enumerated().map { i, p in
                "\(i + 1). " + link(p.paper.arxivID, p.paper.title)
                    + " — \(text(Format.authors(p.paper.authors))) (\(p.date), \(Format.verdict(p.paper.verdict)))"
            }
        out += generatorSections(r.generator)
        out += ["", "## Author matches", ""] + list(r.authorMatches)
        out += ["", "## Papers by followed authors", ""] + list(r.followedPapers, rule: true)
        out += ["", "## Most frequent authors", ""]
        out += r.topAuthors.isEmpty ? ["None."] : r.topAuthors.map { "- \(text($0.name)) (\($0.papers))" }
        out += ["", "## Rising terms (against \(r.month.previous))", ""]
        out +=
            r.risingTerms.isEmpty
            ? ["None stands out."]
            : r.risingTerms.map {
                "- `\($0.term)`: \($0.papers) papers, \($0.previousPapers) the month before (z \(String(format: "%+.1f", $0.score)))"
            }
        out += ["", "## Listed on several days", ""] + repeated(r.repeatedPapers)
        out += ["", "## Verdict changed between days", ""] + repeated(r.changedVerdicts)
        return out.joined(separator: "\n") + "\n"
    }

    /// Topics, spotlights and the generator's picks; nothing for a month without them.
    static func generatorSections(_ g: MonthGeneratorSections) -> [String] {
        var out: [String] = []
        if !g.topics.isEmpty {
            out += ["", "## Topics", ""]
            for t in g.topics {
                out += ["### \(text(t.topic.label)) (\(t.papers) paper\(t.papers == 1 ? "" : "s"))", ""]
                out += t.topPapers.enumerated().map { i, p in
                    "\(i + 1). " + link(p.arxivID, p.title) + " (\(p.date), "
                        + Format.verdict(
                            VerdictFields(
                                relevance: p.relevance, novelty: p.novelty,
                                score: p.score, comment: nil, authorMatch: false)) + ")"
                }
                out.append("")
            }
            out.removeLast()
        }
        if !g.spotlights.isEmpty {
            out += ["", "## Spotlights", ""]
            out += g.spotlights.map { "- \($0.date) \(text($0.kind)): " + link($0.arxivID, $0.title) + ($0.comment.map { " — " + text($0) } ?? "") }
        }
        if g.hotspots.days > 0 {
            let h = g.hotspots
            out += ["", "## Daily AI Hotspots (\(h.days) day\(h.days == 1 ? "" : "s"))", ""]
            out += h.topTopics.enumerated().map { i, t in
                "\(i + 1). \(text(t.title)) (\(t.date)" + (t.category.map { ", " + text($0) } ?? "")
                    + (t.finalScore.map { ", score \(Format.score($0))" } ?? "") + ")"
            }
            out += [
                "", "Categories: " + h.categories.map { "\(text($0.name)) (\($0.topics))" }.joined(separator: ", ") + ".",
                "", "Most active sources: " + h.sources.map { "\(text($0.name)) (\($0.topics))" }.joined(separator: ", ") + ".",
            ]
        }
        if !g.digestPicks.isEmpty {
            out += ["", "## The generator's own picks", ""]
            out += g.digestPicks.enumerated().map { i, p in
                let beside = p.arxiveRank.map { "arxive's #\($0)" } ?? "not in arxive's top papers"
                return "\(i + 1). " + link(p.arxivID, p.title) + " (\(beside)" + (p.category.map { ", " + text($0) } ?? "") + ")"
                    + (p.comment.map { " — " + text($0) } ?? "")
            }
        }
        return out
    }

    public static func year(_ r: YearReport) -> String {
        var out = [
            "# arXiv digest overview: \(r.year)", "",
            "\(r.runs) runs, \(r.papersListed) papers listed, \(r.distinctPapers) distinct, \(r.totalTokens) tokens, \(Format.money(r.totalCost)).",
            "", "| month | runs | listed | distinct | tokens | cost | top paper |", "|---|---:|---:|---:|---:|---:|---|",
        ]
        for m in r.months {
            out.append(
                "| \(m.month) | \(m.runs) | \(m.papersListed) | \(m.distinctPapers) | \(m.totalTokens) | \(Format.money(m.totalCost)) | \(text(m.topPaper ?? "")) |"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A Monday-first calendar, each day with its number of papers listed.
    static func calendar(_ r: MonthReport) -> String {
        var rows = ["| Mon | Tue | Wed | Thu | Fri | Sat | Sun |", "|---|---|---|---|---|---|---|"]
        guard let first = r.days.first, let date = Periods.dayFormat.date(from: first.date.text) else { return "" }
        let weekday = (Periods.calendar.component(.weekday, from: date) + 5) % 7  // Monday = 0
        var cells = Array(repeating: "", count: weekday)
        for day in r.days {
            let number = String(day.date.number)
            cells.append(day.digests.isEmpty ? number : "**\(number)** (\(day.papersListed))")
        }
        while cells.count % 7 != 0 { cells.append("") }
        for week in stride(from: 0, to: cells.count, by: 7) {
            rows.append("| " + cells[week..<(week + 7)].joined(separator: " | ") + " |")
        }
        return rows.joined(separator: "\n")
    }

    static func list(_ hits: [PaperHit], rule: Bool = false) -> [String] {
        hits.isEmpty
            ? ["None."]
            : hits.map { h in
                "- " + link(h.arxivID, h.title) + " — " + text(Format.authors(h.authors)) + (rule ? " (\(text(h.rule ?? "")))" : "")
            }
    }

    static func repeated(_ papers: [MonthReport.Repeated]) -> [String] {
        papers.isEmpty
            ? ["None."]
            : papers.map { p in
                "- " + link(p.arxivID, p.title) + ": " + p.listings.map { "\($0.date) \(Format.verdict($0.verdict))" }.joined(separator: "; ")
            }
    }

    static func link(_ id: String, _ title: String) -> String { "[\(text(title))](https://arxiv.org/abs/\(id))" }

    /// Text from a digest as written, but for what would break the page's
    /// structure: `|` (tables) and `[` `]` (link text) escaped, line breaks
    /// as spaces. HTML in it stays as the digest wrote it (the HTML report
    /// is the one that escapes).
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            if "|[]".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }
}
