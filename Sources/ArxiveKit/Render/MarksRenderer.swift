/// Text for the user's saved searches and mutes.
public enum MarksRenderer {
    /// `arxive saved`: one row per search.
    public static func savedSearches(_ searches: [SavedSearch], style: Style = .plain) -> String {
        guard !searches.isEmpty else { return "No saved searches (arxive save NAME QUERY)." }
        var table = TextTable(header: ["papers", "name", "query"], rightAligned: [0])
        for s in searches { table.rows.append([String(s.papers), "q:" + s.name, s.query]) }
        return table.render(style: style)
    }

    /// `arxive mutes`: one row per mute.
    public static func mutes(_ mutes: [Mute], style: Style = .plain) -> String {
        guard !mutes.isEmpty else { return "No mutes (arxive mute QUERY)." }
        var table = TextTable(header: ["#", "hides", "query", "followed", "note"], rightAligned: [0, 1])
        for m in mutes {
            let hides = m.problem.map { "none: \($0)" } ?? String(m.papers)
            table.rows.append([String(m.id), hides, m.query, m.includeFollowed ? "hidden too" : "kept", m.note ?? ""])
        }
        return table.render(style: style)
    }
}
