/// Human output for runs: `runs`, `day`, `stats`.
public enum RunRenderer {
    public static func runs(_ runs: [RunSummary], style: Style = .plain) -> String {
        var table = TextTable(header: ["date", "digest", "model", "prompt", "completion", "tokens", "cost", "arXiv", "scanned", "relevant", "listed"],
                              rightAligned: [3, 4, 5, 6, 7, 8, 9, 10])
        for r in runs {
            table.rows.append([r.date, r.digest, r.model ?? "-", Format.count(r.promptTokens), Format.count(r.completionTokens),
                               Format.count(r.totalTokens), Format.money(r.totalCost), Format.count(r.totalPapers),
                               Format.count(r.scannedPapers), Format.count(r.relevantPapers), String(r.listed)])
        }
        let tokens = runs.compactMap(\.totalTokens).reduce(0, +)
        let cost = runs.compactMap(\.totalCost).reduce(0, +)
        return table.render(style: style) + "\n" + style.dim("\(runs.count) runs, \(tokens) tokens, \(Format.money(cost))")
    }

    /// One run's header, then its papers in published order with their verdicts.
    public static func day(_ listing: DayListing, style: Style = .plain) -> String {
        let r = listing.run
        var head = [style.bold("\(r.date) · \(r.digest)"), r.model ?? "model not stated"]
        if let t = r.totalTokens { head.append("\(t) tokens") }
        if r.totalCost != nil { head.append(Format.money(r.totalCost)) }
        head.append("\(Format.count(r.totalPapers)) arXiv / \(Format.count(r.scannedPapers)) scanned / \(Format.count(r.relevantPapers)) relevant")
        var lines = [head.joined(separator: " · ")]
        if let notes = r.notes { lines.append(style.dim(notes)) }
        if listing.papers.isEmpty { lines.append("No relevant papers this day.") }
        for p in listing.papers {
            lines.append("")
            lines.append(String(format: "%3d. ", p.position) + style.bold(p.title) + "  " + style.cyan(p.arxivID))
            lines.append("     " + Format.verdict(p.verdict))
            lines.append("     " + Format.authors(p.authors))
            if let c = p.verdict.comment, !p.verdict.authorMatch || c.lowercased() != "author match" { lines.append("     " + style.dim(c)) }
        }
        return lines.joined(separator: "\n")
    }

    public static func stats(_ s: ArchiveStats, path: String, bytes: Int64?, style: Style = .plain) -> String {
        var table = TextTable(header: ["archive", path])
        table.rows = [
            ["papers", String(s.papers)], ["runs", String(s.runs)], ["verdicts", String(s.verdicts)],
            ["authors", String(s.authors)], ["digests", String(s.digests)],
            ["days", "\(s.firstDate ?? "-") .. \(s.lastDate ?? "-")"],
        ]
        if s.catalogueOnly > 0 { table.rows.append(["catalogue only", String(s.catalogueOnly)]) }
        if let bytes { table.rows.append(["size", "\(bytes / 1024) KiB"]) }
        return table.render(style: style)
    }

    public static func authors(_ rows: [AuthorCount], style: Style = .plain) -> String {
        var table = TextTable(header: ["papers", "author", "last seen"], rightAligned: [0])
        for r in rows { table.rows.append([String(r.papers), r.name, r.lastSeen ?? "-"]) }
        return table.render(style: style)
    }
}
