/// Text for the user's saved searches.
public enum MarksRenderer {
    /// `arxive saved`: one row per search.
    public static func savedSearches(_ searches: [SavedSearch], style: Style = .plain) -> String {
        guard !searches.isEmpty else { return "No saved searches (arxive save NAME QUERY)." }
        var table = TextTable(header: ["papers", "name", "query"], rightAligned: [0])
        for s in searches { table.rows.append([String(s.papers), "q:" + s.name, s.query]) }
        return table.render(style: style)
    }
}
