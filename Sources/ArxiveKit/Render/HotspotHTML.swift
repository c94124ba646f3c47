/// A "Daily AI Hotspots" day as a page of `arxive site`: every string from
/// the report escaped (`Markup`), and a source's URL a link only when it is http(s).
enum HotspotHTML {
    static func day(_ d: HotspotDayListing, previous: String?, next: String?, papersDay: String?) -> String {
        var b: [Markup] = []
        func navLink(_ href: String?, _ text: Markup) -> Markup { href == nil ? "<span></span>" : HTML.pageLink(href, text) }
        b.append("<nav class=\"days\">\(navLink(previous, "← Previous Day"))\(navLink(papersDay, "The day's papers"))\(navLink(next, "Next Day →"))</nav>")
        b.append("<h1>Daily AI Hotspots \(d.date)</h1>")
        if d.sourceFormat == "markdown" { b.append("<p class=\"muted\">From the day's Markdown page: its JSON report was not imported.</p>") }
        if let summary = d.summary { b.append("<p>\(summary)</p>") }
        b.append(
            ReportHTML.cards([
                ("model", d.model ?? "-"), ("cost", Format.money(d.totalCost)),
                ("topics", String(d.featured.count + d.sections.reduce(0) { $0 + $1.topics.count })),
                ("papers", String(d.papers.count)),
            ]))
        if !d.featured.isEmpty { b.append("<h2>Featured</h2>\(topics(d.featured))") }
        for s in d.sections {
            b.append("<h2>\(HotspotRenderer.sectionTitle(s.kind) + (s.category.map { ": " + $0 } ?? ""))</h2>\(topics(s.topics))")
        }
        if !d.papers.isEmpty {
            b.append(
                "<h2>Papers</h2><ul class=\"papers\">"
                    + d.papers.map { p -> Markup in
                        let comment: Markup = p.comment.map { "<br><span class=\"muted\">\($0)</span>" } ?? ""
                        return "<li><span class=\"verdict\">\(p.kind)</span> \(HTML.link(p.arxivID, p.title))\(comment)</li>"
                    }.joined() + "</ul>")
        }
        return HTML.page(title: "Daily AI Hotspots \(d.date)", body: b.joined(separator: "\n"))
    }

    static func topics(_ list: [HotspotTopicView]) -> Markup {
        "<ol class=\"papers\">"
            + list.map { t -> Markup in
                var item: Markup = "<li><strong>\(t.title)</strong>"
                if let category = t.category { item += " <span class=\"muted\">\(category)</span>" }
                if !t.headline.isEmpty, t.headline != t.title { item += "<br>\(t.headline)" }
                if !t.whyItMatters.isEmpty { item += "<br><span class=\"muted\">\(t.whyItMatters)</span>" }
                if !t.takeaways.isEmpty { item += "<ul>" + t.takeaways.map { "<li>\($0)</li>" as Markup }.joined() + "</ul>" }
                if !t.sources.isEmpty {
                    item +=
                        "<span class=\"verdict\">"
                        + t.sources.map { s in
                            HTML.externalLink(s.url, s.name ?? s.title ?? "source")
                        }.joined(separator: " · ") + "</span>"
                }
                return item + "</li>"
            }.joined() + "</ol>"
    }
}
