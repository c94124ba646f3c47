import Foundation

/// Human output for the hotspot commands.
public enum HotspotRenderer {
    public static func hits(_ hits: [HotspotHit], style: Style = .plain) -> String {
        hits.enumerated().map { i, h in
            var lines = [String(format: "%3d. ", i + 1) + style.bold(h.title)]
            let scores = ["HEAT", "QUALITY", "IMPORTANCE"].compactMap { key in h.scores[key].map { "\(key.lowercased()) \(Format.score($0))" } }
            lines.append("     " + style.cyan(h.date) + " · " + ([h.section, h.category].compactMap { $0 } + scores).joined(separator: " · "))
            if !h.sources.isEmpty { lines.append("     " + style.dim(sourceNames(h.sources))) }
            if !h.snippet.isEmpty { lines.append("     " + PaperRenderer.highlight(h.snippet, style)) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    public static func day(_ d: HotspotDayListing, style: Style = .plain) -> String {
        var lines = [
            style.bold("\(d.date) · \(d.digest) · Daily AI Hotspots") + " · " + (d.model ?? "model not stated")
                + (d.totalCost.map { " · " + Format.money($0) } ?? "")
        ]
        if d.sourceFormat == "markdown" { lines.append(style.dim("(from the day's Markdown page: its JSON report was not imported)")) }
        if let summary = d.summary { lines += ["", summary] }
        func topics(_ list: [HotspotTopicView]) {
            for (i, t) in list.enumerated() {
                lines.append("")
                lines.append(String(format: "%3d. ", i + 1) + style.bold(t.title) + (t.category.map { style.dim("  [\($0)]") } ?? ""))
                if !t.headline.isEmpty, t.headline != t.title { lines.append("     " + t.headline) }
                if !t.whyItMatters.isEmpty { lines.append("     " + style.dim("Why it matters: " + t.whyItMatters)) }
                for takeaway in t.takeaways { lines.append("     - " + takeaway) }
                if !t.sources.isEmpty { lines.append("     " + style.dim("sources: " + sourceNames(t.sources))) }
            }
        }
        if !d.featured.isEmpty {
            lines += ["", style.bold("## Featured")]
            topics(d.featured)
        }
        for section in d.sections {
            lines += ["", style.bold("## " + sectionTitle(section.kind) + (section.category.map { ": " + $0 } ?? ""))]
            topics(section.topics)
        }
        if !d.papers.isEmpty {
            lines += ["", style.bold("## Papers")]
            for p in d.papers { lines.append("  \(p.kind)  " + style.cyan(p.arxivID) + "  " + p.title) }
        }
        return lines.joined(separator: "\n")
    }

    public static func runs(_ runs: [HotspotRun], style: Style = .plain) -> String {
        var table = TextTable(header: ["date", "digest", "model", "topics", "papers", "cost", "items", "top sources"], rightAligned: [3, 4, 5, 6])
        for r in runs {
            let top = r.sourceStats.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { "\($0.key) \($0.value)" }
            table.rows.append([
                r.date, r.digest, r.model ?? "-", String(r.topics), String(r.papers), Format.money(r.totalCost),
                String(r.sourceStats.values.reduce(0, +)), top.joined(separator: ", "),
            ])
        }
        let cost = runs.compactMap(\.totalCost).reduce(0, +)
        return table.render(style: style) + "\n" + style.dim("\(runs.count) hotspot days, \(Format.money(cost))")
    }

    public static func trends(_ t: HotspotTrends, style: Style = .plain) -> String {
        func table(_ title: String, _ rows: [HotspotTrends.Row]) -> String {
            var table = TextTable(header: ["period", title, "topics"], rightAligned: [2])
            table.rows = rows.map { [$0.period, $0.name, String($0.topics)] }
            return table.render(style: style)
        }
        func counts(_ title: String, _ rows: [HotspotTrends.Count]) -> String {
            var table = TextTable(header: [title, "topics"], rightAligned: [1])
            table.rows = rows.map { [$0.name, String($0.topics)] }
            return table.render(style: style)
        }
        return [
            style.bold("Topics by category"), table("category", t.byCategory), "", style.bold("Topics by source"), table("source", t.bySource),
            "", style.bold("Most frequent sources"), counts("source", t.topSources), "", style.bold("Most frequent tags"),
            counts("tag", t.topTags),
        ].joined(separator: "\n")
    }

    static func sectionTitle(_ kind: String) -> String {
        switch kind {
        case "category": "Category"
        case "long_tail": "Long tail"
        case "watchlist": "Watchlist"
        case "x_buzz": "Buzz"
        default: kind
        }
    }

    /// The sources by name; an item without one (a Markdown page's
    /// `Evidence:` link names none) by its link's host.
    static func sourceNames(_ sources: [HotspotSource]) -> String {
        sources.compactMap { $0.name ?? $0.url.flatMap { URLComponents(string: $0)?.host } }.uniquedInOrder().joined(separator: ", ")
    }
}
