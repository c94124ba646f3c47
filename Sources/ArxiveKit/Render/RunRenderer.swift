/// Human output for runs: `runs`, `day`, `stats`.
public enum RunRenderer {
    public static func runs(_ runs: [RunSummary], style: Style = .plain) -> String {
        var table = TextTable(
            header: ["date", "digest", "model", "prompt", "completion", "tokens", "cost", "arXiv", "scanned", "relevant", "listed"],
            rightAligned: [3, 4, 5, 6, 7, 8, 9, 10])
        for r in runs {
            // An outage is marked where the eye reads the model.
            let model = (r.model ?? "-") + (r.modelRan ? "" : " (not run)")
            table.rows.append([
                r.date, r.digest + variantMark(r.variant), model, Format.count(r.promptTokens), Format.count(r.completionTokens),
                Format.count(r.totalTokens), Format.money(r.totalCost), Format.count(r.totalPapers),
                Format.count(r.scannedPapers), Format.count(r.relevantPapers), String(r.listed),
            ])
        }
        let tokens = runs.compactMap(\.totalTokens).reduce(0, +)
        let cost = runs.compactMap(\.totalCost).reduce(0, +)
        var footer = "\(runs.count) runs, \(tokens) tokens, \(Format.money(cost))"
        let outages = runs.filter { !$0.modelRan }
        if !outages.isEmpty { footer += "; " + outageLine(outages) }
        return table.render(style: style) + "\n" + style.dim(footer)
    }

    /// What follows a digest's name for the other run of a day: ` (bundle run)`.
    public static func variantMark(_ variant: RunVariant) -> String {
        variant == .published ? "" : " (\(variant.name) run)"
    }

    /// `2 runs in which the model never ran (726 papers scanned, none read)`.
    public static func outageLine(_ outages: [RunSummary]) -> String {
        let unread = outages.compactMap(\.scannedPapers).reduce(0, +)
        return "\(outages.count) run\(outages.count == 1 ? "" : "s") in which the model never ran (\(unread) papers scanned, none read)"
    }

    /// One run's header, then its papers in published order with their verdicts.
    public static func day(_ listing: DayListing, style: Style = .plain) -> String {
        let r = listing.run
        var head = [style.bold("\(r.date) · \(r.digest)" + variantMark(r.variant)), r.model ?? "model not stated"]
        if let t = r.totalTokens { head.append("\(t) tokens") }
        if r.totalCost != nil { head.append(Format.money(r.totalCost)) }
        head.append("\(Format.count(r.totalPapers)) arXiv / \(Format.count(r.scannedPapers)) scanned / \(Format.count(r.relevantPapers)) relevant")
        var lines = [head.joined(separator: " · ")]
        if let notes = r.notes { lines.append(style.dim(notes)) }
        if !r.modelRan {
            lines.append("The model never ran this day: \(Format.count(r.scannedPapers)) papers scanned, none read.")
        } else if listing.papers.isEmpty {
            lines.append("No relevant papers this day.")
        }
        // A day with topics is shown as the generator published it: under its topic headings.
        let groups = listing.papers.contains { $0.topics.primaryTopic != nil } ? listing.byTopic : [(nil, listing.papers)]
        for (topic, papers) in groups {
            if groups.count > 1 || topic != nil {
                lines.append("")
                lines.append(style.bold("## " + (topic?.label ?? "Other papers")) + style.dim(" (\(papers.count))"))
            }
            for p in papers {
                lines.append("")
                lines.append(String(format: "%3d. ", p.position) + style.bold(p.title) + "  " + style.cyan(p.arxivID))
                // A digest that gives no scores but an AI summary (daily-arXiv-ai-enhanced) shows its TL;DR instead.
                let tldr = p.topics.ai.flatMap { $0["tldr"] ?? $0["task"] }
                if tldr == nil || p.verdict.relevance != nil || p.verdict.score != nil { lines.append("     " + Format.verdict(p.verdict)) }
                lines.append("     " + Format.authors(p.authors))
                if let c = p.verdict.comment, !p.verdict.authorMatch || c.lowercased() != "author match" { lines.append("     " + style.dim(c)) }
                if let tldr { lines.append("     " + style.dim("TL;DR: " + tldr)) }
                if !p.topics.spotlight.isEmpty {
                    lines.append(
                        "     " + style.yellow("spotlight: " + p.topics.spotlight.joined(separator: ", "))
                            + (p.topics.spotlightComment.map { style.dim(" · " + $0) } ?? ""))
                }
            }
        }
        for other in listing.otherRuns {
            lines.append("")
            lines.append(style.dim(otherRunLine(other, of: r)))
        }
        return lines.joined(separator: "\n")
    }

    /// `The generator ran twice this day: the bundle run (from the day's topic
    /// bundle) listed 15 papers, 41230 tokens, $0.12: arxive day 2026-04-01 --run bundle`.
    static func otherRunLine(_ other: RunSummary, of shown: RunSummary) -> String {
        var figures = ["listed \(other.listed) paper\(other.listed == 1 ? "" : "s")"]
        if let t = other.totalTokens { figures.append("\(t) tokens") }
        if other.totalCost != nil { figures.append(Format.money(other.totalCost)) }
        let which = other.variant == .published ? "the published run" : "the \(other.variant.name) run (from the day's topic bundle)"
        let digest = shown.digest == DigestImporter.defaultDigestName ? "" : " --digest \(shown.digest)"
        let option = other.variant == .published ? "" : " --run \(other.variant.name)"
        return "The generator ran twice this day: \(which) " + figures.joined(separator: ", ") + ": arxive day \(shown.date)\(digest)\(option)"
    }

    public static func stats(_ s: ArchiveStats, path: String, bytes: Int64?, style: Style = .plain) -> String {
        var table = TextTable(header: ["archive", path])
        table.rows = [
            ["papers", String(s.papers)], ["runs", String(s.runs)], ["verdicts", String(s.verdicts)],
            ["authors", String(s.authors)], ["digests", String(s.digests)],
            ["days", "\(s.firstDate ?? "-") .. \(s.lastDate ?? "-")"],
        ]
        if s.catalogueOnly > 0 { table.rows.append(["catalogue only", String(s.catalogueOnly)]) }
        if s.outages > 0 { table.rows.append(["runs the model never ran", String(s.outages)]) }
        if s.spotlightDays > 0 { table.rows.append(["spotlight days", String(s.spotlightDays)]) }
        if s.monthlyOverviews > 0 { table.rows.append(["monthly overviews", String(s.monthlyOverviews)]) }
        if s.hotspotDays > 0 { table.rows.append(["hotspot days", "\(s.hotspotDays) (\(s.hotspotTopics) topics)"]) }
        if let bytes { table.rows.append(["size", "\(bytes / 1024) KiB"]) }
        return table.render(style: style)
    }

    public static func authors(_ rows: [AuthorCount], style: Style = .plain) -> String {
        var table = TextTable(header: ["papers", "author", "last seen"], rightAligned: [0])
        for r in rows { table.rows.append([String(r.papers), r.name, r.lastSeen ?? "-"]) }
        return table.render(style: style)
    }
}
