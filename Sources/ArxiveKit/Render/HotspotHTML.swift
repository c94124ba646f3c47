/// A "Daily AI Hotspots" day as a page of `arxive site`: every string from
/// the report escaped, and a source's URL a link only when it is http(s).
enum HotspotHTML {
    static func day(_ d: HotspotDayListing, previous: String?, next: String?, papersDay: String?) -> String {
        var b: [String] = []
        func navLink(_ href: String?, _ text: String) -> String {
            guard let href else { return "<span></span>" }
            return "<a href=\"\(HTML.escape(href))\">\(text)</a>"
        }
        b.append("<nav class=\"days\">" + [navLink(previous, "← Previous Day"), navLink(papersDay, "The day's papers"),
                                           navLink(next, "Next Day →")].joined() + "</nav>")
        b.append("<h1>Daily AI Hotspots \(HTML.escape(d.date))</h1>")
        if let summary = d.summary { b.append("<p>\(HTML.escape(summary))</p>") }
        b.append(ReportHTML.cards([("model", d.model ?? "-"), ("cost", Format.money(d.totalCost)),
                                   ("topics", String(d.featured.count + d.sections.reduce(0) { $0 + $1.topics.count })),
                                   ("papers", String(d.papers.count))]))
        if !d.featured.isEmpty { b.append("<h2>Featured</h2>" + topics(d.featured)) }
        for s in d.sections {
            b.append("<h2>\(HTML.escape(HotspotRenderer.sectionTitle(s.kind) + (s.category.map { ": " + $0 } ?? "")))</h2>" + topics(s.topics))
        }
        if !d.papers.isEmpty {
            b.append("<h2>Papers</h2><ul class=\"papers\">" + d.papers.map { p in
                "<li><span class=\"verdict\">\(HTML.escape(p.kind))</span> \(HTML.link(p.arxivID, p.title))"
                    + (p.comment.map { "<br><span class=\"muted\">\(HTML.escape($0))</span>" } ?? "") + "</li>"
            }.joined() + "</ul>")
        }
        return HTML.page(title: "Daily AI Hotspots \(d.date)", body: b.joined(separator: "\n"))
    }

    static func topics(_ list: [HotspotTopicView]) -> String {
        "<ol class=\"papers\">" + list.map { t in
            var item = "<li><strong>\(HTML.escape(t.title))</strong>"
            if let category = t.category { item += " <span class=\"muted\">\(HTML.escape(category))</span>" }
            if !t.headline.isEmpty, t.headline != t.title { item += "<br>\(HTML.escape(t.headline))" }
            if !t.whyItMatters.isEmpty { item += "<br><span class=\"muted\">\(HTML.escape(t.whyItMatters))</span>" }
            if !t.takeaways.isEmpty { item += "<ul>" + t.takeaways.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>" }
            if !t.sources.isEmpty {
                item += "<span class=\"verdict\">" + t.sources.map { s in
                    HTML.externalLink(s.url, s.name ?? s.title ?? "source")
                }.joined(separator: " · ") + "</span>"
            }
            return item + "</li>"
        }.joined() + "</ol>"
    }
}
