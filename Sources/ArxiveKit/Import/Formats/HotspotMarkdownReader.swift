import Foundation

/// Reads a "Daily AI Hotspots" day as Markdown: the generator's
/// `hot/md/YYYY-MM/YYYY-MM-DD-hotspots.md`, or the site's page of the day
/// (the same text under a navigation block). It is the day of the JSON
/// report with less in it: no scores, summaries cut short, the sources'
/// names and roles as the page words them. The archive keeps it only while
/// it is the only copy of its day (see `Archive.storeHotspotReport`).
///
/// The page, section (`##`) by section:
/// - before the first section: the day's summary;
/// - `Coverage Snapshot`: `- Label: N` (kept as the totals, under the page's labels);
/// - `Source Stats`: `` - `source`: N ``;
/// - `Paper Spotlight`: `### Label (N)`, then per paper `- [title](url)`,
///   `  - arXiv ID | topic` and `  - comment`;
/// - `Featured Topics`: `### N. Headline  [Badge]...`, `- Category: ...`,
///   a paragraph (why it matters), then `**Key takeaways:**` and `**Sources:**` lists
///   (early in 2026: `- Scores: final=6.47 heat=5 ...`, `Key takeaways:`, `Representative sources:`);
/// - `Topic Radar By Category` and `Long-tail Signals`: `### Category (n shown / m candidates)`,
///   then per topic `- **Headline** [Badge]...` (early: `- **Headline** | final=5.2 | heat=6 | featured`),
///   `  - summary`, `  - Evidence: [title](url) (Source)`;
/// - `X Buzz`: `- [title](url) (Source)`, `  - Linked topic: ...`, `  - summary`;
/// - `Watchlist`: `- **Headline** [Badge]...`, `  - summary`.
///
/// Other sections and prose are not read. A topic is the page's headline
/// (the JSON's `HEADLINE`), as title and headline both.
public enum HotspotMarkdownReader {
    /// `# Daily AI Hotspots 2026-05-14`: what `SourceKind` recognises the page by.
    static let titlePattern = LinePattern(#"^#\s+Daily AI Hotspots\s+[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$"#)

    enum Part { case summary, coverage, sourceStats, spotlight, featured, radar, longTail, buzz, watchlist, other }

    public static func read(_ text: String) throws(DigestReadError) -> HotspotReport {
        let lines = TextLines.split(text)
        guard let titleIndex = lines.firstIndex(where: { titlePattern.matches($0) }),
            let date = DigestDate.parse(String(lines[titleIndex].trimmed.suffix(10)))
        else {
            throw DigestReadError("no '# Daily AI Hotspots YYYY-MM-DD' title")
        }
        var page = Page(date: date)
        for index in lines.indices where index > titleIndex {
            try page.read(lines[index], number: index + 1)
        }
        return try page.finished()
    }

    /// `## Featured Topics` and the others, by their heading.
    static func part(_ heading: String) -> Part {
        switch heading.lowercased() {
        case "coverage snapshot": .coverage
        case "source stats": .sourceStats
        case "paper spotlight": .spotlight
        case "featured topics", "featured": .featured
        case "topic radar by category": .radar
        case "long-tail signals", "long tail signals": .longTail
        case "x buzz": .buzz
        case "watchlist": .watchlist
        default: .other
        }
    }

    /// `New Frontier Papers` → `new_frontier`: the JSON's kinds for the page's labels.
    static func spotlightKind(_ label: String) -> String {
        var words = label.lowercased().split(separator: " ").map(String.init)
        if words.last == "papers" { words.removeLast() }
        let kind = words.joined(separator: "_")
        return kind.isEmpty ? "spotlight" : kind
    }

    /// `[title](url) rest`: the link a line starts with, and what follows it.
    /// A URL may hold parentheses of its own (`javascript:alert(1)`, a wiki page).
    static func link(_ text: String) -> (title: String, url: String, rest: String)? {
        guard text.hasPrefix("[") else { return nil }
        var search = text.startIndex
        while let close = text.range(of: "](", range: search..<text.endIndex) {
            if let end = closingParenthesis(in: text[close.upperBound...]) {
                let url = text[close.upperBound..<end]
                let rest = text[text.index(after: end)...]
                if !url.contains(" "), rest.isEmpty || rest.first == " " {
                    return (String(text[text.index(after: text.startIndex)..<close.lowerBound]), String(url), String(rest).trimmed)
                }
            }
            search = close.upperBound
        }
        return nil
    }

    /// The `)` that closes a link's URL: the first one its own parentheses leave unmatched.
    static func closingParenthesis(in url: Substring) -> String.Index? {
        var depth = 0
        for index in url.indices {
            switch url[index] {
            case "(": depth += 1
            case ")" where depth == 0: return index
            case ")": depth -= 1
            default: break
            }
        }
        return nil
    }

    /// `(Name [Role])` or `(Name)` after a link: the source and its role.
    static func attribution(_ rest: String) -> (name: String?, role: String?) {
        guard rest.hasPrefix("("), rest.hasSuffix(")") else { return (nil, nil) }
        let inner = String(rest.dropFirst().dropLast()).trimmed
        if inner.hasSuffix("]"), let open = inner.range(of: " [", options: .backwards) {
            return (String(inner[..<open.lowerBound]).trimmed, String(inner[open.upperBound...].dropLast()))
        }
        return (inner.isEmpty ? nil : inner, nil)
    }

    /// `Headline  [Official] [3 Sources]` → the headline and its badges;
    /// with `parentheses`, `(1 sources)` is one too (after a listed topic's
    /// bold title, where a title's own parentheses cannot be).
    static func badges(_ text: String, parentheses: Bool = false) -> (text: String, badges: [String]) {
        var rest = text.trimmed
        var badges: [String] = []
        while let last = rest.last, last == "]" || (parentheses && last == ")") {
            let open: Character = last == "]" ? "[" : "("
            guard let start = rest.lastIndex(of: open),
                start == rest.startIndex || rest[rest.index(before: start)] == " "
            else { break }
            badges.insert(String(rest[rest.index(after: start)..<rest.index(before: rest.endIndex)]), at: 0)
            rest = String(rest[..<start]).trimmed
        }
        return (rest, badges)
    }

    /// `final=5.2 | heat=6 | sources=2 | featured` or `final=6.47 quality=7`:
    /// the scores under the JSON's names (`FINAL_SCORE`, `HEAT`, ...), and the other words as badges.
    static func scores(_ text: String) -> (scores: [String: Double], badges: [String]) {
        var scores: [String: Double] = [:], badges: [String] = []
        for part in text.split(separator: "|").map({ String($0).trimmed }) where !part.isEmpty {
            let pairs = part.split(separator: " ").filter { $0.contains("=") }
            guard !pairs.isEmpty else { badges.append(part); continue }
            for pair in pairs {
                let kv = pair.split(separator: "=", maxSplits: 1)
                guard kv.count == 2, let value = Double(kv[1]) else { continue }
                let key = kv[0].lowercased()
                switch key {
                case "sources": continue  // how many sources: the items say
                case "final": scores["FINAL_SCORE"] = value
                case "occurrence": scores["OCCURRENCE_SCORE"] = value
                default: scores[key.uppercased()] = value
                }
            }
        }
        return (scores, badges)
    }

    /// `### Industry Update (5 shown / 29 candidates) — Policy, ...` → `Industry Update`.
    static func sectionCategory(_ heading: String) -> String {
        let beforeDash = heading.components(separatedBy: " — ")[0]
        let name = beforeDash.range(of: " (").map { String(beforeDash[..<$0.lowerBound]) } ?? beforeDash
        return name.trimmed
    }
}

extension HotspotMarkdownReader {
    /// The page as read so far.
    struct Page {
        var report: HotspotReport
        var part = Part.summary
        var summary: [String] = []
        var totals: [String: Any] = [:]
        var stats: [String: Any] = [:]
        /// Where a featured topic's lines go: its paragraph, its takeaways or its sources.
        enum Block { case body, takeaways, sources }
        var block = Block.body
        var spotlightKind = "spotlight"
        /// The spotlighted paper being read, with the line it starts on.
        var paper: (kind: String, title: String, url: String, id: String?, topic: String?, comment: String?, line: Int)?

        init(date: String) {
            report = HotspotReport(date: date, sections: [], papers: [])
        }

        mutating func read(_ raw: String, number: Int) throws(DigestReadError) {
            let line = raw.trimmed
            if line.hasPrefix("## ") {
                try closePaper()
                part = HotspotMarkdownReader.part(String(line.dropFirst(3)).trimmed)
                switch part {
                case .featured: report.sections.append(.init(kind: .featured, topics: []))
                case .buzz: report.sections.append(.init(kind: .xBuzz, topics: []))
                case .watchlist: report.sections.append(.init(kind: .watchlist, topics: []))
                default: break
                }
                return
            }
            if line.hasPrefix("### ") {
                try closePaper()
                let heading = String(line.dropFirst(4)).trimmed
                switch part {
                case .spotlight:
                    spotlightKind = HotspotMarkdownReader.spotlightKind(heading.range(of: " (").map { String(heading[..<$0.lowerBound]) } ?? heading)
                case .featured:
                    let numbered = heading.startsWithNumberDot ? String(heading.drop(while: { $0 != "." }).dropFirst()).trimmed : heading
                    let (headline, badges) = HotspotMarkdownReader.badges(numbered)
                    addTopic(headline, badges: badges)
                    block = .body
                case .radar, .longTail:
                    report.sections.append(
                        .init(
                            kind: part == .radar ? .category : .longTail,
                            category: HotspotMarkdownReader.sectionCategory(heading), topics: []))
                default: break
                }
                return
            }
            guard !line.isEmpty else { return }
            let isSubItem = raw.hasPrefix("  ") && line.hasPrefix("- ")
            let item = line.hasPrefix("- ") ? String(line.dropFirst(2)).trimmed : nil
            switch part {
            case .summary: summary.append(line)
            case .coverage:
                if let item, let colon = item.range(of: ": ") {
                    let label = String(item[..<colon.lowerBound]), value = String(item[colon.upperBound...])
                    if let number = Int(value) { totals[label] = number } else { totals[label] = value }
                }
            case .sourceStats:
                if let item, item.hasPrefix("`"), let end = item.dropFirst().firstIndex(of: "`") {
                    let count = item[item.index(after: end)...].drop(while: { $0 == ":" || $0 == " " }).prefix(while: \.isNumber)
                    stats[String(item[item.index(after: item.startIndex)..<end])] = Int(count) ?? 0
                }
            case .spotlight: try readSpotlight(item, isSubItem: isSubItem, number: number)
            case .featured: readFeatured(line, item: item)
            case .radar, .longTail, .watchlist: readListed(item, isSubItem: isSubItem)
            case .buzz: readBuzz(item, isSubItem: isSubItem)
            case .other: break
            }
        }

        mutating func readSpotlight(_ item: String?, isSubItem: Bool, number: Int) throws(DigestReadError) {
            guard let item else { return }
            if !isSubItem {
                try closePaper()
                guard let link = HotspotMarkdownReader.link(item) else {
                    throw DigestReadError(line: number, "a spotlighted paper that is not a link '[title](url)'")
                }
                paper = (spotlightKind, link.title, link.url, nil, nil, nil, number)
            } else if paper != nil {
                if paper?.id == nil, item.hasPrefix("arXiv ") {
                    // `arXiv 2605.13190 | Topic label`
                    let parts = item.dropFirst(6).components(separatedBy: " | ")
                    paper?.id = parts[0].trimmed
                    paper?.topic = parts.count > 1 ? parts[1].trimmed : nil
                } else if paper?.comment == nil {
                    paper?.comment = item
                }
            }
        }

        /// Ends the spotlighted paper being read: its id from its `arXiv` line, or its link.
        mutating func closePaper() throws(DigestReadError) {
            guard let p = paper else { return }
            paper = nil
            let fromURL = ["arxiv.org/abs/", "huggingface.co/papers/"].lazy.compactMap { marker in
                p.url.range(of: marker).map { String(p.url[$0.upperBound...]) }
            }.first
            guard let id = (p.id ?? fromURL).flatMap(ArxivID.parse) else {
                throw DigestReadError(line: p.line, "a spotlighted paper without its arXiv id")
            }
            report.papers.append(
                .init(
                    kind: p.kind, paper: .init(arxivID: id.id, title: collapseWhitespace(p.title), authors: []),
                    comment: p.comment.map(collapseWhitespace),
                    extra: p.topic.flatMap { JSONObjects.text(["primary_topic_label": collapseWhitespace($0)]) }))
        }

        mutating func readFeatured(_ line: String, item: String?) {
            guard !lastTopics.isEmpty else { return }
            let label = line.replacingOccurrences(of: "**", with: "").lowercased()
            switch (line, item) {
            case _ where label == "key takeaways:": block = .takeaways
            case _ where label == "sources:" || label == "representative sources:": block = .sources
            case (_, let item?) where block == .takeaways: editLastTopic { $0.takeaways.append(collapseWhitespace(item)) }
            case (_, let item?) where block == .sources: addItem(item)
            case (_, let item?) where item.hasPrefix("Category: "): editLastTopic { $0.category = String(item.dropFirst(10)).trimmed }
            case (_, let item?) where item.hasPrefix("Scores: "):
                let scores = HotspotMarkdownReader.scores(String(item.dropFirst(8))).scores
                editLastTopic { $0.scores = scores }
            case (_, .some): break  // `- Sources: ...`: the names its source list gives in full
            case (_, nil): editLastTopic { $0.whyItMatters = collapseWhitespace($0.whyItMatters + " " + line) }
            }
        }

        mutating func readListed(_ item: String?, isSubItem: Bool) {
            guard let item else { return }
            if !isSubItem {
                guard item.hasPrefix("**"), let end = item.dropFirst(2).range(of: "**") else { return }
                let title = String(item[item.index(item.startIndex, offsetBy: 2)..<end.lowerBound])
                let rest = String(item[end.upperBound...]).trimmed
                if rest.hasPrefix("|") {
                    let (scores, badges) = HotspotMarkdownReader.scores(rest)
                    addTopic(title, badges: badges)
                    editLastTopic { $0.scores = scores }
                } else {
                    addTopic(title, badges: HotspotMarkdownReader.badges(rest, parentheses: true).badges)
                }
                let category = report.sections.last?.category
                if part != .watchlist { editLastTopic { $0.category = category } }
            } else if item.hasPrefix("Evidence: ") {
                addItem(String(item.dropFirst(10)))
            } else {
                editLastTopic { $0.summary = $0.summary.isEmpty ? collapseWhitespace(item) : $0.summary }
            }
        }

        mutating func readBuzz(_ item: String?, isSubItem: Bool) {
            guard let item else { return }
            if !isSubItem, let link = HotspotMarkdownReader.link(item) {
                addTopic(link.title, badges: [])
                addItem(item)
            } else if isSubItem, item.hasPrefix("Linked topic: ") {
                editLastTopic { $0.extra = JSONObjects.text(["linked_topic": String(item.dropFirst(14)).trimmed]) }
            } else if isSubItem {
                editLastTopic { $0.summary = $0.summary.isEmpty ? collapseWhitespace(item) : $0.summary }
            }
        }

        var lastTopics: [HotspotReport.Topic] { report.sections.last?.topics ?? [] }

        mutating func addTopic(_ heading: String, badges: [String]) {
            guard !report.sections.isEmpty else { return }
            let title = collapseWhitespace(heading)
            report.sections[report.sections.count - 1].topics.append(
                HotspotReport.Topic(
                    key: nil, title: title, headline: title, summary: "", whyItMatters: "", takeaways: [], category: nil, tags: [],
                    eventType: nil, scores: [:], items: [], extra: badges.isEmpty ? nil : JSONObjects.text(["badges": badges])))
        }

        mutating func editLastTopic(_ edit: (inout HotspotReport.Topic) -> Void) {
            guard let s = report.sections.indices.last, let t = report.sections[s].topics.indices.last else { return }
            edit(&report.sections[s].topics[t])
        }

        /// `[title](url) (Name [Role])`: a source item of the last topic.
        mutating func addItem(_ text: String) {
            guard let link = HotspotMarkdownReader.link(text) else { return }
            let (name, role) = HotspotMarkdownReader.attribution(link.rest)
            editLastTopic {
                $0.items.append(
                    HotspotReport.Item(
                        sourceID: nil, sourceName: name, role: role, type: nil, title: collapseWhitespace(link.title),
                        url: link.url, publishedAt: nil, extra: nil))
            }
        }

        /// The report, its sections in the order the JSON reader gives them.
        mutating func finished() throws(DigestReadError) -> HotspotReport {
            try closePaper()
            report.summary = summary.isEmpty ? nil : collapseWhitespace(summary.joined(separator: " "))
            report.totals = totals.isEmpty ? nil : JSONObjects.text(totals)
            report.sourceStats = stats.isEmpty ? nil : JSONObjects.text(stats)
            report.format = .markdown
            let order: [HotspotReport.SectionKind] = [.featured, .category, .longTail, .watchlist, .xBuzz]
            report.sections = report.sections.filter { !$0.topics.isEmpty }.enumerated()
                .sorted { (order.firstIndex(of: $0.element.kind)!, $0.offset) < (order.firstIndex(of: $1.element.kind)!, $1.offset) }
                .map(\.element)
            return report
        }
    }
}
