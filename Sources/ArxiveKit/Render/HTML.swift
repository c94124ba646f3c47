import Foundation

/// A piece of HTML, built the way GRDB's `SQL` binds its arguments: a
/// `String` interpolated into it is text and comes out escaped, a `Markup`
/// interpolated stays markup, and a literal is the renderer's own markup.
/// A `String` cannot become markup by accident: there is no conversion but
/// `Markup(trusted:)`, which only the renderer's own helpers may call
/// (`HTMLEscapingTests` fails if it appears anywhere else).
struct Markup: ExpressibleByStringInterpolation, Equatable, Sendable {
    private(set) var html: String

    /// A literal: markup as the renderer wrote it.
    init(stringLiteral literal: StaticString) {
        html = literal.description
    }

    init(stringInterpolation: StringInterpolation) {
        html = stringInterpolation.html
    }

    /// Markup as it is: for the renderer's own helpers only.
    fileprivate init(trusted html: String) {
        self.html = html
    }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var html = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: StaticString) { html += literal.description }
        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) { html += HTML.escape(text) }
        mutating func appendInterpolation(_ text: Substring) { html += HTML.escape(String(text)) }
        mutating func appendInterpolation(_ markup: Markup) { html += markup.html }
        mutating func appendInterpolation(_ number: Int) { html += String(number) }
        mutating func appendInterpolation(_ day: Day) { html += HTML.escape(day.text) }
        mutating func appendInterpolation(_ month: Month) { html += HTML.escape(month.text) }
    }

    static func + (a: Markup, b: Markup) -> Markup { Markup(trusted: a.html + b.html) }
    static func += (a: inout Markup, b: Markup) { a.html += b.html }
}

extension Sequence where Element == Markup {
    func joined(separator: Markup = "") -> Markup {
        Markup(trusted: map(\.html).joined(separator: separator.html))
    }
}

/// The pieces every arxive HTML page shares: escaping, the page frame with
/// its inline style, and inline SVG bar charts. No script, nothing fetched.
enum HTML {
    /// Text for HTML: `& < > " '` as entities. Every string interpolated into a `Markup` goes through here.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// `feeds`: Atom feeds the page announces (`<link rel="alternate">`), for a browser or a reader to find.
    static func page(title: String, body: Markup, feeds: [(title: String, href: String)] = []) -> String {
        let alternates = feeds.map { feed -> Markup in
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"\(feed.title)\" href=\"\(feed.href)\">\n"
        }.joined()
        let page: Markup = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            \(alternates)<style>\(style)</style>
            </head>
            <body>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
        return page.html
    }

    static let style: Markup = """
        :root{color-scheme:light dark;--fg:#1b1f24;--muted:#5b6470;--bg:#fff;--card:#f4f6f8;--accent:#2f6fb1;--bar:#4a86c5;--bar2:#d08a2e}\
        @media (prefers-color-scheme:dark){:root{--fg:#e6e9ee;--muted:#9aa4b1;--bg:#14171b;--card:#1e2329;--accent:#7db3ea;--bar:#5f9bd8;--bar2:#e0a24f}}\
        *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}\
        main{max-width:980px;margin:0 auto;padding:1rem}h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--card)}\
        a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}.muted{color:var(--muted)}\
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:.6rem}.card{background:var(--card);border-radius:8px;padding:.6rem .8rem}\
        .card b{display:block;font-size:1.3rem}.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92rem}\
        th,td{padding:.3rem .5rem;text-align:left;border-bottom:1px solid var(--card);vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\
        .cal th,.cal td{width:14.28%;text-align:center}.cal td{height:3.2rem}.cal td.run{background:var(--card);font-weight:600}.cal small{display:block;font-weight:400;color:var(--muted)}\
        ol.papers{padding-left:1.4rem}ol.papers li{margin:.5rem 0}.verdict{font-size:.85rem;color:var(--muted)}\
        .chart{width:100%;height:auto;display:block;margin:.4rem 0}.chart text{fill:var(--muted);font-size:16px}.chart .b{fill:var(--bar)}.chart .c{fill:var(--bar2)}\
        nav.days{display:flex;justify-content:space-between;gap:1rem;margin:.5rem 0 1rem;flex-wrap:wrap}\
        details{margin:.3rem 0}summary{cursor:pointer}\
        @media (max-width:600px){main{padding:.6rem}table{font-size:.85rem}th,td{padding:.25rem .3rem}.cal td{height:2.6rem;padding:.15rem 0}.wide{display:none}}
        """

    /// A bar chart of `values` labelled below by `labels`, as inline SVG.
    static func barChart(title: String, labels: [String], values: [Double], barClass: String = "b", format: (Double) -> String) -> Markup {
        // In viewBox units: the labels stay readable when a phone scales the chart down.
        let width = 960.0, height = 200.0, top = 26.0, bottom = 30.0
        let slot = width / Double(max(values.count, 1))
        let maximum = values.max() ?? 0
        var parts: [Markup] = [
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(title)\">",
            "<title>\(title)</title>",
        ]
        for (i, value) in values.enumerated() {
            let h = maximum > 0 ? (height - top - bottom) * value / maximum : 0
            let x = Double(i) * slot + slot * 0.15
            let y = height - bottom - h
            parts.append(
                "<rect class=\"\(barClass)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(slot * 0.7))\" height=\"\(n(h))\">"
                    + "<title>\(labels[i]): \(format(value))</title></rect>")
            // Every label when they fit, else every fifth.
            if values.count <= 16 || i % 5 == 0 {
                parts.append("<text x=\"\(n(x + slot * 0.35))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">\(labels[i])</text>")
            }
        }
        if maximum > 0 {
            parts.append("<text x=\"2\" y=\"20\">max \(format(maximum))</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// A coordinate with one decimal.
    static func n(_ x: Double) -> String { String(format: "%.1f", x) }

    /// A link to a URL a digest gave, when it is http(s); its text, escaped, otherwise
    /// (a `javascript:` URL from a report is never a link).
    static func externalLink(_ url: String?, _ text: String) -> Markup {
        guard let url, let scheme = url.split(separator: ":", maxSplits: 1).first?.lowercased(), scheme == "http" || scheme == "https" else {
            return "\(text)"
        }
        return "<a href=\"\(url)\">\(text)</a>"
    }

    static func link(_ arxivID: String, _ title: String) -> Markup {
        "<a href=\"https://arxiv.org/abs/\(arxivID)\">\(title)</a>"
    }

    /// A link to one of the site's own pages; the text alone without one.
    static func pageLink(_ href: String?, _ text: Markup) -> Markup {
        guard let href else { return text }
        return "<a href=\"\(href)\">\(text)</a>"
    }
}
