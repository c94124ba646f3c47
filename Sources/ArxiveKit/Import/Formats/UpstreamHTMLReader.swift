import Foundation

/// Reads the upstream generator's styled HTML day page (`output.md` and
/// `index.html` since August 2026, `past_arxiv/YYYY-MM-DD.html`): inside
/// `<main class="daily-arxiv">`, papers grouped by category and topic, each a
/// `<details class="paper-row">` with its position, title, authors, topic
/// tags, category tags, score, relevance, novelty, the selection comment and
/// the abstract; the selection prompt closes the page.
///
/// The page is the generator's own template, not arbitrary HTML: a small
/// scanner over its class names reads it (an HTML parser would bring a
/// dependency for one fixed layout). A paper's tags are kept in `extra` with
/// the keys the same generator's `output.json` uses (`TAGS`, `categories`,
/// `primary_category`), so that its verdicts are the same whichever file is
/// stored.
public enum UpstreamHTMLReader {
    static let marker = #"<main class="daily-arxiv""#

    public static func read(_ text: String) throws(DigestReadError) -> Digest {
        guard let main = text.range(of: marker) else { throw DigestReadError("no <main class=\"daily-arxiv\"> element") }
        let page = text[main.lowerBound...]
        guard let eyebrow = HTMLText.element(in: page, openingWith: #"<p class="eyebrow">"#, closingWith: "</p>"),
            let dateText = eyebrow.split(separator: "/").last, let date = longDate(String(dateText))
        else {
            throw DigestReadError(line: lineNumber(of: main.lowerBound, in: text), "no date in the page's eyebrow line ('Daily ArXiv / Month D, YYYY')")
        }
        var header = RunHeader()
        if let pre = HTMLText.element(
            in: page[(page.range(of: #"<section class="prompt-block">"#)?.upperBound ?? page.endIndex)...],
            openingWith: "<pre>", closingWith: "</pre>", keepingLines: true)
        {
            header.selectionPrompt = pre.isEmpty ? nil : pre
        }
        var papers: [DigestPaper] = []
        var topicOrder: [Topic] = []
        var seen = Set<String>()
        let rows = page.ranges(of: #"<details class="paper-row""#)
        for (index, start) in rows.enumerated() {
            // Topic headings between the previous row and this one give the day's topic order.
            let before = page[(index == 0 ? page.startIndex : rows[index - 1].upperBound)..<start.lowerBound]
            for heading in HTMLText.elements(in: before, openingWith: #"<summary class="topic-heading">"#, closingWith: "</summary>") {
                let topic = Topic(key: Topic.key(forLabel: heading), label: heading)
                if !topicOrder.contains(topic) { topicOrder.append(topic) }
            }
            let end = index + 1 < rows.count ? rows[index + 1].lowerBound : page.endIndex
            let line = lineNumber(of: start.lowerBound, in: text)
            let paper = try self.paper(page[start.lowerBound..<end], line: line)
            // A paper filed under two categories appears twice: it keeps its first place.
            if seen.insert(paper.arxivID).inserted { papers.append(paper) }
        }
        header.relevantPapers = metric("Relevant papers", in: page).flatMap { Int($0) }
        return Digest(format: .html, date: date, header: header, papers: papers, topicOrder: topicOrder)
    }

    static func paper(_ row: Substring, line: Int) throws(DigestReadError) -> DigestPaper {
        guard let meta = HTMLText.element(in: row, openingWith: #"<div class="paper-row-meta">"#, closingWith: "</div>"),
            let idText = meta.components(separatedBy: "arXiv:").last?.split(whereSeparator: \.isWhitespace).first,
            let id = ArxivID.parse(String(idText))
        else {
            throw DigestReadError(line: line, "a paper row without its 'arXiv:ID'")
        }
        guard let copy = row.range(of: #"<span class="paper-row-copy">"#),
            let title = HTMLText.element(in: row[copy.upperBound...], openingWith: "<strong>", closingWith: "</strong>"), !title.isEmpty
        else {
            throw DigestReadError(line: line, "paper \(id.id) has no title")
        }
        let authors = HTMLText.element(in: row[copy.upperBound...], openingWith: "<small>", closingWith: "</small>").map(AuthorList.split) ?? []
        let tags = HTMLText.elements(in: row, openingWith: #"<span class="topic-tag">"#, closingWith: "</span>")
        let categories = HTMLText.elements(in: row, openingWith: #"<span class="category-tag">"#, closingWith: "</span>")
        func number(after label: String) -> Int? {
            guard let at = row.range(of: label) else { return nil }
            return HTMLText.element(in: row[at.upperBound...], openingWith: "<strong>", closingWith: "</strong>").flatMap { Int($0) }
        }
        var comment = HTMLText.element(in: row, openingWith: #"<p class="comment">"#, closingWith: "</p>")
        if let c = comment, c.hasPrefix("Why selected:") { comment = String(c.dropFirst("Why selected:".count)).trimmed }
        let score = row.range(of: #"class="score-pill"#).flatMap { pill in
            HTMLText.element(in: row[pill.upperBound...], openingWith: ">", closingWith: "</span>").flatMap(Double.init)
        }
        var extra: [String: Any] = [:]
        if !tags.isEmpty { extra["TAGS"] = tags }
        if !categories.isEmpty { extra["categories"] = categories; extra["primary_category"] = categories[0] }
        var paper = DigestPaper(
            arxivID: id.id, title: title, authors: authors,
            abstract: HTMLText.element(in: row, openingWith: #"<p class="abstract">"#, closingWith: "</p>") ?? "",
            relevance: number(after: "Relevance "), novelty: number(after: "Novelty "), score: score,
            comment: comment.flatMap { $0.isEmpty ? nil : $0 }, arxivVersion: id.version,
            extra: JSONObjects.text(extra.isEmpty ? nil : extra),
            topics: TopicFields.assignment(in: extra))
        paper.completeVerdict()
        return paper
    }

    /// The `<strong>` value of the metric labelled `label` in the page's hero.
    static func metric(_ label: String, in page: Substring) -> String? {
        guard let at = page.range(of: "<span>\(label)</span>") else { return nil }
        return HTMLText.element(in: page[at.upperBound...], openingWith: "<strong>", closingWith: "</strong>")
    }

    /// `August 21, 2026` -> `2026-08-21`.
    static func longDate(_ text: String) -> String? {
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace)
        guard words.count == 3, let month = months.firstIndex(of: words[0].lowercased()), let day = Int(words[1]), let year = Int(words[2]) else {
            return DigestDate.parse(text)
        }
        return DigestDate.make(year: year, month: month + 1, day: day)
    }

    static func lineNumber(of index: String.Index, in text: String) -> Int {
        text.utf8[..<index].count(where: { $0 == UInt8(ascii: "\n") }) + 1
    }
}

/// Text out of the HTML the generators write: elements found by their exact
/// opening text, tags removed, entities decoded, whitespace collapsed.
enum HTMLText {
    /// The text of the first element that opens with `open` and closes with `close`.
    static func element(in html: Substring, openingWith open: String, closingWith close: String, keepingLines: Bool = false) -> String? {
        guard let start = html.range(of: open), let end = html[start.upperBound...].range(of: close) else { return nil }
        return text(html[start.upperBound..<end.lowerBound], keepingLines: keepingLines)
    }

    /// The texts of every such element, in order.
    static func elements(in html: Substring, openingWith open: String, closingWith close: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            found.append(text(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// Tags dropped, entities decoded; whitespace collapsed unless the text keeps its lines (a `<pre>`).
    static func text(_ html: Substring, keepingLines: Bool = false) -> String {
        var plain = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { plain.append(c) }
        }
        let decoded = decodeEntities(plain)
        return keepingLines ? decoded.trimmingCharacters(in: .whitespacesAndNewlines) : collapseWhitespace(decoded)
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&#x27;` `&nbsp;` and every numeric reference.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
            "larr": "←", "rarr": "→", "mdash": "—", "ndash": "–", "hellip": "…",
        ]
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else { out.append("&"); rest = after; continue }
            let name = after[..<semicolon]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = named[String(name)]
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                out.append("&")
                rest = after
            }
        }
        return out + rest
    }
}
