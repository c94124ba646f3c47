/// Human output for papers: search and author hits, and `show`.
public enum PaperRenderer {
    /// A numbered list of hits; each shows id, last date seen, latest verdict,
    /// title, authors and the snippet with the match highlighted.
    /// `search`'s first line: how it ranked.
    public static func searchHeading(mode: SearchMode, count: Int) -> String {
        let how =
            switch mode {
            case .words: "by words"
            case .meaning: "by meaning"
            case .both: "by words and meaning"
            }
        return "\(count) paper\(count == 1 ? "" : "s"), ranked \(how):"
    }

    /// With `ranks`, each hit's places in the word and meaning rankings (`--explain`).
    public static func hits(_ hits: [PaperHit], style: Style = .plain, ranks: Bool = false) -> String {
        hits.enumerated().map { i, hit in
            var meta = [style.cyan(hit.arxivID)]
            // A catalogue paper no digest listed has no day seen and no verdict: its own day and categories instead.
            if hit.lastSeen == nil, hit.published != nil || !hit.categories.isEmpty {
                meta += ["published \(hit.published ?? "-")", hit.categories.joined(separator: " ")]
            } else {
                meta += ["last seen \(hit.lastSeen ?? "-")", Format.verdict(hit.verdict)]
            }
            if let name = hit.matchedName, let level = hit.matchLevel { meta.append("as \(name) (\(level.rawValue))") }
            if let rule = hit.rule { meta.append("rule \(rule)") }
            if ranks, let places = hit.ranks {
                meta.append("words #\(places.word.map(String.init) ?? "-"), meaning #\(places.meaning.map(String.init) ?? "-")")
            }
            // The number right-aligned in three columns, as "%3d. " would (without Foundation's formatter).
            let number = String(i + 1)
            var lines = [
                String(repeating: " ", count: max(0, 3 - number.count)) + number + ". " + style.bold(hit.title),
                "     " + meta.joined(separator: " · "),
                "     " + Format.authors(hit.authors),
            ]
            if let snippet = hit.snippet, !snippet.isEmpty {
                lines.append("     " + highlight(snippet, style))
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// The marks are single characters: finding them needs no Foundation search (a search prints twenty snippets).
    static func highlight(_ snippet: String, _ style: Style) -> String {
        var out = ""
        var rest = Substring(snippet)
        while let open = rest.firstIndex(of: Snippet.openMark) {
            out += rest[..<open]
            rest = rest[rest.index(after: open)...]
            let close = rest.firstIndex(of: Snippet.closeMark)
            out += style.highlight(String(rest[..<(close ?? rest.endIndex)]))
            rest = close.map { rest[rest.index(after: $0)...] } ?? ""
        }
        return out + rest
    }

    /// `v3 of 2024-05-02 · DOI 10.1103/x · Phys. Rev. D 76 (2007) · licence URL`.
    static func catalogue(_ c: CatalogueFields) -> String {
        let version = c.latestVersion.map { v in c.latestVersionDate.map { "\(v) of \($0)" } ?? v } ?? c.latestVersionDate.map { "latest version of \($0)" }
        return [version, c.doi.map { "DOI " + $0 }, c.journalRef, c.license.map { "licence " + $0 }].compactMap { $0 }.joined(separator: " · ")
    }

    /// `arxive show`: the paper, then every verdict it received, day by day.
    public static func detail(_ p: PaperDetail, style: Style = .plain) -> String {
        var lines = [
            style.bold(p.title),
            style.cyan(p.arxivID) + "  https://arxiv.org/abs/\(p.arxivID)",
            p.authors.joined(separator: ", "),
        ]
        if !p.catalogue.isEmpty { lines.append(style.dim(catalogue(p.catalogue))) }
        lines += ["", p.abstract.isEmpty ? "(no abstract)" : p.abstract, ""]
        let m = p.marks
        var yours: [String] = []
        if m.starred { yours.append("★ starred") }
        if let dismissed = m.dismissedAt { yours.append("dismissed \(dismissed.prefix(10))") }
        if let read = m.readAt { yours.append("read \(read.prefix(10))") }
        if !m.tags.isEmpty { yours.append("tags: " + m.tags.joined(separator: ", ")) }
        if !yours.isEmpty { lines.append(yours.joined(separator: " · ")) }
        if let note = m.note { lines.append("Note: " + note) }
        if !yours.isEmpty || m.note != nil { lines.append("") }
        lines.append(style.bold("Verdicts (\(p.verdicts.count))"))
        var table = TextTable(header: ["date", "digest", "#", "verdict", "comment"], rightAligned: [2])
        for v in p.verdicts {
            let topic = v.topics.primaryTopic.map { "[\($0.label)] " } ?? ""
            table.rows.append([
                v.date, v.digest + RunRenderer.variantMark(v.variant), String(v.position),
                Format.verdict(v.verdict), topic + (v.verdict.comment ?? ""),
            ])
        }
        lines.append(table.render(style: style))
        if !p.spotlights.isEmpty {
            lines += ["", style.bold("Spotlights (\(p.spotlights.count))")]
            for s in p.spotlights {
                lines.append("\(s.date) \(s.digest) \(s.kind)" + (s.primary ? "" : " (tag)") + (s.comment.map { ": " + $0 } ?? ""))
            }
        }
        if !p.hotspots.isEmpty {
            lines += ["", style.bold("Daily AI Hotspots (\(p.hotspots.count))")]
            for h in p.hotspots { lines.append("\(h.date) \(h.kind)" + (h.comment.map { ": " + $0 } ?? "")) }
        }
        if !p.monthlyPicks.isEmpty {
            lines += ["", style.bold("The generator's monthly overviews")]
            for m in p.monthlyPicks {
                lines.append("\(m.month) \(m.digest) #\(m.position) " + (m.kept ? "kept" : "not kept") + (m.comment.map { ": " + $0 } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}
