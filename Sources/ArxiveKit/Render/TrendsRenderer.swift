import Foundation

/// Text for `arxive trends`: tables with a bar per row, 80 columns at most.
public enum TrendsRenderer {
    /// A bar of `value` out of `maximum`, `width` cells at most: `█` blocks in
    /// a terminal, `#` in plain text.
    static func bar(_ value: Double, of maximum: Double, width: Int, style: Style) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let cells = max(1, Int((value / maximum * Double(width)).rounded()))
        return String(repeating: style.colour ? "█" : "#", count: cells)
    }

    /// A block per query: each period's count, share, mean scores and a bar.
    public static func queries(_ rows: [TrendRow], style: Style = .plain) -> String {
        guard !rows.isEmpty else { return "No runs in that range." }
        var blocks: [String] = []
        for query in rows.map(\.query).uniquedInOrder() {
            let mine = rows.filter { $0.query == query }
            let top = Double(mine.map(\.count).max() ?? 0)
            var table = TextTable(header: ["period", "papers", "share", "rel", "nov", ""], rightAligned: [1, 2, 3, 4])
            for r in mine {
                table.rows.append([
                    r.period, String(r.count), String(format: "%.1f%%", r.share * 100),
                    r.meanRelevance.map { String(format: "%.1f", $0) } ?? "-",
                    r.meanNovelty.map { String(format: "%.1f", $0) } ?? "-",
                    bar(Double(r.count), of: top, width: 36, style: style),
                ])
            }
            blocks.append(style.bold(query) + "\n" + table.render(style: style))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// `--cost`: a row per period (bar: its cost), then its models.
    public static func cost(_ rows: [CostRow], style: Style = .plain) -> String {
        guard !rows.isEmpty else { return "No runs in that range." }
        let top = rows.filter { $0.model == nil }.map(\.totalCost).max() ?? 0
        var table = TextTable(header: ["period", "model", "runs", "tokens", "cost", ""], rightAligned: [2, 3, 4])
        for r in rows {
            table.rows.append([
                r.model == nil ? r.period : "", r.model ?? "all", String(r.runs), String(r.totalTokens),
                Format.money(r.totalCost), r.model == nil ? bar(r.totalCost, of: top, width: 24, style: style) : "",
            ])
        }
        return table.render(style: style)
    }

    /// `--authors`: each period's most frequent authors.
    public static func authors(_ rows: [AuthorTrendRow], style: Style = .plain) -> String {
        guard !rows.isEmpty else { return "No runs in that range." }
        return rows.map(\.period).uniquedInOrder().map { period in
            style.bold(period) + "  " + rows.filter { $0.period == period }.map { "\($0.name) (\($0.papers))" }.joined(separator: ", ")
        }.joined(separator: "\n")
    }

    /// `--terms`: per period, the terms rising and falling most.
    public static func terms(_ rows: [TermTrendRow], style: Style = .plain) -> String {
        guard !rows.isEmpty else { return "Not enough papers to compare periods." }
        var table = TextTable(header: ["period", "term", "papers", "before", "z"], rightAligned: [2, 3, 4])
        for r in rows {
            table.rows.append([
                r.period, (r.score > 0 ? "↑ " : "↓ ") + r.term, String(r.papers), String(r.previousPapers),
                String(format: "%+.1f", r.score),
            ])
        }
        return table.render(style: style)
    }
}
