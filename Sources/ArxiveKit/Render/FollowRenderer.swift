/// Text for followed-author rules and audits.
public enum FollowRenderer {
    /// `arxive following`: one row per rule.
    public static func rules(_ rules: [FollowRule], style: Style = .plain) -> String {
        guard !rules.isEmpty else { return "No followed authors (arxive follow NAME)." }
        var table = TextTable(header: ["papers", "author", "last seen", "semantic scholar", "except", "note"], rightAligned: [0])
        for r in rules {
            table.rows.append([
                String(r.papers), r.name, r.lastSeen ?? "-", r.semanticScholarIDs.joined(separator: ","),
                r.exceptions.joined(separator: ", "), r.note ?? "",
            ])
        }
        return table.render(style: style)
    }

    /// `arxive matches --audit`: the two lists, each under its heading.
    public static func audit(_ audit: MatchAudit, style: Style = .plain) -> String {
        func section(_ title: String, _ hits: [PaperHit]) -> String {
            style.bold(title) + "\n" + (hits.isEmpty ? "  none" : PaperRenderer.hits(hits, style: style))
        }
        return section("Digest author matches no rule explains (\(audit.unexplained.count)):", audit.unexplained) + "\n\n"
            + section("Papers your rules match that the digest never flagged (\(audit.unflagged.count)):", audit.unflagged)
    }
}
