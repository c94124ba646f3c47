import Foundation

/// `arxive report --format html` and the pages of `arxive site`: one
/// self-contained file each (inline style and SVG, no script).
public enum ReportHTML {
    /// Where a page links: the site passes these; a lone report links only to arXiv.
    public struct Links: Sendable {
        /// The page of a day's run of a digest.
        public var day: @Sendable (_ date: String, _ digest: String) -> String?
        public var month: @Sendable (_ month: String) -> String?
        public var year: @Sendable (_ year: String) -> String?
        public var index: String?

        public static let none = Links(day: { _, _ in nil }, month: { _ in nil }, year: { _ in nil }, index: nil)
    }

    public static func month(_ r: MonthReport, links: Links = .none) -> String {
        var b: [Markup] = []
        var crumbs: [Markup] = []
        if let index = links.index { crumbs.append("<a href=\"\(index)\">All months</a>") }
        if let year = links.year(String(r.month.year)) { crumbs.append("<a href=\"\(year)\">\(r.month.year)</a>") }
        if !crumbs.isEmpty { b.append("<p class=\"muted\">" + crumbs.joined(separator: " · ") + "</p>") }
        b.append("<h1>arXiv digest overview: \(r.month)</h1>")
        b.append(
            cards([
                ("runs", String(r.runs)), ("papers listed", String(r.papersListed)), ("distinct papers", String(r.distinctPapers)),
                ("scanned", String(r.scannedPapers)), ("arXiv total", String(r.arxivPapers)), ("tokens", String(r.totalTokens)),
                ("cost", Format.money(r.totalCost)),
            ]))
        b.append("<h2>Calendar</h2>\(calendar(r, links: links))")
        b.append(contentsOf: charts(r))
        b.append("<h2>Tokens and cost</h2>\(tokensAndCost(r))")
        b.append(
            "<h2>Top papers</h2>"
                + (r.scoresAbsent ? "<p><em>These runs give no relevance or novelty: in published order; the topics count them by category.</em></p>" : "")
                + (r.topPapers.isEmpty
                    ? "<p>None.</p>"
                    : "<ol class=\"papers\">"
                        + r.topPapers.map { p -> Markup in
                            "<li>\(HTML.link(p.paper.arxivID, p.paper.title))<br><span class=\"muted\">\(Format.authors(p.paper.authors))</span>"
                                + "<br><span class=\"verdict\">\(p.date) · \(Format.verdict(p.paper.verdict))</span></li>"
                        }.joined() + "</ol>"))
        b.append(contentsOf: generatorSections(r.generator))
        b.append("<h2>Author matches</h2>\(hits(r.authorMatches))")
        b.append("<h2>Papers by followed authors</h2>\(hits(r.followedPapers, rule: true))")
        b.append(
            "<h2>Most frequent authors</h2>"
                + (r.topAuthors.isEmpty
                    ? "<p>None.</p>"
                    : "<p>" + r.topAuthors.map { "\($0.name) (\($0.papers))" as Markup }.joined(separator: ", ") + "</p>"))
        b.append(
            "<h2>Rising terms</h2>"
                + (r.risingTerms.isEmpty
                    ? "<p>None stands out.</p>"
                    : "<div class=\"scroll\"><table><tr><th>term</th><th class=\"n\">papers</th><th class=\"n\">month before</th><th class=\"n\">z</th></tr>"
                        + r.risingTerms.map {
                            "<tr><td>\($0.term)</td><td class=\"n\">\($0.papers)</td><td class=\"n\">\($0.previousPapers)</td><td class=\"n\">\(String(format: "%+.1f", $0.score))</td></tr>"
                                as Markup
                        }.joined()
                        + "</table></div>"))
        b.append("<h2>Listed on several days</h2>\(repeated(r.repeatedPapers))")
        b.append("<h2>Verdict changed between days</h2>\(repeated(r.changedVerdicts))")
        return HTML.page(title: "arXiv digest overview \(r.month)", body: b.joined(separator: "\n"))
    }

    /// Papers and cost per day, and the last twelve months.
    static func charts(_ r: MonthReport) -> [Markup] {
        let days = countAndCost(
            "Papers listed per day", "Cost per day", labels: r.days.map { String($0.date.text.suffix(2)) },
            counts: r.days.map(\.papersListed), costs: r.days.map(\.totalCost))
        let recent = countAndCost(
            "Distinct papers per month", "Cost per month", labels: r.recentMonths.map { String($0.month.text.suffix(5)) },
            counts: r.recentMonths.map(\.distinctPapers), costs: r.recentMonths.map(\.totalCost))
        return [
            "<h2>Papers per day</h2>" + days.count, "<h2>Cost per day</h2>" + days.cost,
            "<h2>The last twelve months</h2>" + recent.count + recent.cost,
        ]
    }

    /// A chart of counts and one of cost over the same days or months.
    static func countAndCost(_ countTitle: String, _ costTitle: String, labels: [String], counts: [Int], costs: [Double]) -> (count: Markup, cost: Markup) {
        (
            HTML.barChart(title: countTitle, labels: labels, values: counts.map(Double.init), format: { String(Int($0)) }),
            HTML.barChart(title: costTitle, labels: labels, values: costs, barClass: "c", format: Format.money)
        )
    }

    /// The models' table, the mean per run, and the runs in which the model never ran.
    static func tokensAndCost(_ r: MonthReport) -> Markup {
        // Prompt and completion columns give way on a phone.
        var models: Markup =
            "<div class=\"scroll\"><table><tr><th>model</th><th class=\"n\">runs</th><th class=\"n wide\">prompt</th><th class=\"n wide\">completion</th><th class=\"n\">tokens</th><th class=\"n\">cost</th></tr>"
        for m in r.models {
            models +=
                "<tr><td>\(m.model ?? "")</td><td class=\"n\">\(m.runs)</td><td class=\"n wide\">\(m.promptTokens)</td><td class=\"n wide\">\(m.completionTokens)</td><td class=\"n\">\(m.totalTokens)</td><td class=\"n\">\(Format.money(m.totalCost))</td></tr>"
        }
        models += "</table></div>"
        if let tokens = r.meanTokensPerRun, let cost = r.meanCostPerRun {
            models += "<p class=\"muted\">Per run: \(Int(tokens.rounded())) tokens, \(Format.money(cost)) on average.</p>"
        }
        if r.generator.runsModelNotRun > 0 {
            models +=
                "<p class=\"muted\">The model never ran in \(r.generator.runsModelNotRun) run\(r.generator.runsModelNotRun == 1 ? "" : "s"): "
                + "\(r.generator.papersUnread) papers scanned and left unread.</p>"
        }
        return models
    }

    /// Topics, spotlights and the generator's picks; nothing for a month without them.
    static func generatorSections(_ g: MonthGeneratorSections) -> [Markup] {
        var b: [Markup] = []
        if !g.topics.isEmpty {
            b.append(
                "<h2>Topics</h2>"
                    + g.topics.map { t -> Markup in
                        "<h3>\(t.topic.label) <span class=\"muted\">(\(t.papers))</span></h3><ol class=\"papers\">"
                            + t.topPapers.map { "<li>\(HTML.link($0.arxivID, $0.title)) <span class=\"muted\">\($0.date)</span></li>" as Markup }.joined()
                            + "</ol>"
                    }.joined())
        }
        if !g.spotlights.isEmpty {
            b.append(
                "<h2>Spotlights</h2><ul class=\"papers\">"
                    + g.spotlights.map { s -> Markup in
                        "<li><span class=\"verdict\">\(s.date) · \(s.kind)</span> \(HTML.link(s.arxivID, s.title))"
                            + (s.comment.map { "<br><span class=\"muted\">\($0)</span>" } ?? "") + "</li>"
                    }.joined() + "</ul>")
        }
        if g.hotspots.days > 0 {
            let h = g.hotspots
            b.append(
                "<h2>Daily AI Hotspots <span class=\"muted\">(\(h.days) day\(h.days == 1 ? "" : "s"))</span></h2><ol class=\"papers\">"
                    + h.topTopics.map { t -> Markup in
                        "<li>\(t.title)<br><span class=\"verdict\">\(t.date)"
                            + (t.category.map { " · \($0)" } ?? "") + (t.finalScore.map { " · score \(Format.score($0))" } ?? "") + "</span></li>"
                    }.joined() + "</ol>"
                    + "<p class=\"muted\">Categories: " + h.categories.map { "\($0.name) (\($0.topics))" as Markup }.joined(separator: ", ") + "</p>"
                    + "<p class=\"muted\">Most active sources: " + h.sources.map { "\($0.name) (\($0.topics))" as Markup }.joined(separator: ", ") + "</p>")
        }
        if !g.digestPicks.isEmpty {
            b.append(
                "<h2>The generator's own picks</h2><ol class=\"papers\">"
                    + g.digestPicks.map { p -> Markup in
                        let beside = p.arxiveRank.map { "arxive's #\($0)" } ?? "not in arxive's top papers"
                        return "<li>\(HTML.link(p.arxivID, p.title)) <span class=\"verdict\">\(beside)</span>"
                            + (p.comment.map { "<br><span class=\"muted\">\($0)</span>" } ?? "") + "</li>"
                    }.joined() + "</ol>")
        }
        return b
    }

    public static func year(_ r: YearReport, links: Links = .none) -> String {
        var b: [Markup] = []
        if let index = links.index { b.append("<p class=\"muted\"><a href=\"\(index)\">All months</a></p>") }
        b.append("<h1>arXiv digest overview: \(r.year)</h1>")
        b.append(
            cards([
                ("runs", String(r.runs)), ("papers listed", String(r.papersListed)), ("distinct papers", String(r.distinctPapers)),
                ("tokens", String(r.totalTokens)), ("cost", Format.money(r.totalCost)),
            ]))
        let charts = countAndCost(
            "Distinct papers per month", "Cost per month", labels: r.months.map { String($0.month.text.suffix(2)) },
            counts: r.months.map(\.distinctPapers), costs: r.months.map(\.totalCost))
        b.append("<h2>Papers per month</h2>" + charts.count)
        b.append("<h2>Cost per month</h2>" + charts.cost)
        var table: Markup =
            "<div class=\"scroll\"><table><tr><th>month</th><th class=\"n\">runs</th><th class=\"n\">listed</th><th class=\"n\">distinct</th><th class=\"n\">tokens</th><th class=\"n\">cost</th><th>top paper</th></tr>"
        for m in r.months {
            let name: Markup = links.month(m.month.text).map { "<a href=\"\($0)\">\(m.month)</a>" } ?? "\(m.month)"
            table +=
                "<tr><td>\(m.runs > 0 ? name : "\(m.month)")</td><td class=\"n\">\(m.runs)</td><td class=\"n\">\(m.papersListed)</td><td class=\"n\">\(m.distinctPapers)</td><td class=\"n\">\(m.totalTokens)</td><td class=\"n\">\(Format.money(m.totalCost))</td><td>\(m.topPaper ?? "")</td></tr>"
        }
        b.append("<h2>Months</h2>\(table)</table></div>")
        return HTML.page(title: "arXiv digest overview \(r.year)", body: b.joined(separator: "\n"))
    }

    static func cards(_ items: [(String, String)]) -> Markup {
        "<div class=\"cards\">" + items.map { "<div class=\"card\"><b>\($0.1)</b>\($0.0)</div>" as Markup }.joined() + "</div>"
    }

    /// Monday-first weeks; a day with runs shows its papers (linked when the site has its page).
    static func calendar(_ r: MonthReport, links: Links) -> Markup {
        guard let first = r.days.first, let date = Periods.dayFormat.date(from: first.date.text) else { return "" }
        var cells = Array(repeating: "<td></td>" as Markup, count: (Periods.calendar.component(.weekday, from: date) + 5) % 7)
        for day in r.days {
            let number = String(day.date.number)
            guard let digest = day.digests.first else { cells.append("<td>\(number)</td>"); continue }
            let label: Markup = links.day(day.date.text, digest).map { "<a href=\"\($0)\">\(number)</a>" } ?? "\(number)"
            cells.append("<td class=\"run\" title=\"\(day.papersListed) papers\">\(label)<small>\(day.papersListed)</small></td>")
        }
        while cells.count % 7 != 0 { cells.append("<td></td>") }
        var rows: Markup =
            "<div class=\"scroll\"><table class=\"cal\"><tr><th>Mon</th><th>Tue</th><th>Wed</th><th>Thu</th><th>Fri</th><th>Sat</th><th>Sun</th></tr>"
        for week in stride(from: 0, to: cells.count, by: 7) { rows += "<tr>" + cells[week..<(week + 7)].joined() + "</tr>" }
        return rows + "</table></div>"
    }

    static func hits(_ hits: [PaperHit], rule: Bool = false) -> Markup {
        hits.isEmpty
            ? "<p>None.</p>"
            : "<ul>"
                + hits.map { h -> Markup in
                    "<li>\(HTML.link(h.arxivID, h.title)) <span class=\"muted\">\(Format.authors(h.authors))"
                        + (rule ? " · rule \(h.rule ?? "")" : "") + "</span></li>"
                }.joined() + "</ul>"
    }

    static func repeated(_ papers: [MonthReport.Repeated]) -> Markup {
        papers.isEmpty
            ? "<p>None.</p>"
            : "<ul>"
                + papers.map { p -> Markup in
                    "<li>\(HTML.link(p.arxivID, p.title)): <span class=\"verdict\">"
                        + p.listings.map { "\($0.date) \(Format.verdict($0.verdict))" as Markup }.joined(separator: "; ") + "</span></li>"
                }.joined() + "</ul>"
    }

    /// A run's page in the digest's own layout: Previous Day / Monthly Overview / Next Day, the header, the papers.
    public static func day(_ listing: DayListing, previous: String?, next: String?, month: String?, hotspots: String? = nil) -> String {
        let run = listing.run
        var b: [Markup] = []
        func navLink(_ href: String?, _ text: Markup) -> Markup { href == nil ? "<span></span>" : HTML.pageLink(href, text) }
        b.append("<nav class=\"days\">\(navLink(previous, "← Previous Day"))\(navLink(month, "Monthly Overview"))\(navLink(next, "Next Day →"))</nav>")
        b.append("<h1>Personalized Daily ArXiv Papers \(run.date)</h1>")
        if let notes = run.notes { b.append("<p class=\"muted\">\(notes)</p>") }
        if let hotspots { b.append("<p><a href=\"\(hotspots)\">The day's AI hotspots</a></p>") }
        if listing.mutedHidden > 0 { b.append("<p class=\"muted\">\(listing.mutedHidden) of the day's papers are muted (arxive mutes).</p>") }
        b.append(
            cards([
                ("model", run.model ?? "-"), ("tokens", Format.count(run.totalTokens)), ("cost", Format.money(run.totalCost)),
                ("arXiv", Format.count(run.totalPapers)), ("scanned", Format.count(run.scannedPapers)), ("relevant", String(run.listed)),
            ]))
        if !run.modelRan {
            b.append("<p><strong>The model never ran this day:</strong> \(Format.count(run.scannedPapers)) papers scanned, none read.</p>")
        }
        for other in listing.otherRuns {
            b.append("<p class=\"muted\">\(RunRenderer.otherRunLine(other, of: run))</p>")
        }
        func item(_ p: ListedPaper) -> Markup {
            var item: Markup =
                "<li value=\"\(p.position)\">\(HTML.link(p.arxivID, p.title))<br><span class=\"muted\">\(p.authors.joined(separator: ", "))</span>"
            item += "<br><span class=\"verdict\">\(Format.verdict(p.verdict))</span>"
            if let comment = p.verdict.comment, !comment.isEmpty, !p.verdict.authorMatch { item += "<br>\(comment)" }
            if !p.topics.spotlight.isEmpty {
                item += "<br><span class=\"verdict\">spotlight: \(p.topics.spotlight.joined(separator: ", "))</span>"
            }
            return item + "</li>"
        }
        // A day with topics under its topic headings, as the generator published it.
        if listing.papers.contains(where: { $0.topics.primaryTopic != nil }) {
            for (topic, papers) in listing.byTopic {
                b.append("<h2>\(topic?.label ?? "Other papers")</h2><ol class=\"papers\">\(papers.map(item).joined())</ol>")
            }
        } else {
            b.append("<ol class=\"papers\">\(listing.papers.map(item).joined())</ol>")
        }
        return HTML.page(title: "\(run.digest) \(run.date)", body: b.joined(separator: "\n"))
    }
}
