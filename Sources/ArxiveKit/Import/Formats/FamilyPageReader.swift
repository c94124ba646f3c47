import Foundation

/// The tolerant reader of the upstream family's pages: whatever a fork did
/// to the template, a paper is a heading or a list item whose section names
/// exactly one arXiv paper (an abs link, an `ArXiv ID:` label, an id opening
/// the line), and its verdict is the labelled fields in that section, in any
/// spelling (`**Relevance:** 9`, `Rel: 9/10`, `Relevance Score: 9/10`).
/// Numbering (0-based, 1-based, `1001\.`), order and decoration (emoji, bold,
/// HTML cards, `<details>`) do not matter: it reads the `Document`, which
/// Markdown and HTML both become.
///
/// A heading with papers in its section becomes a topic of the day; the
/// page's research summary is kept; the date comes from the title in any
/// common spelling. A field the layout lacks is nil, never zero.
public enum FamilyPageReader {
    /// What a page says beyond its papers.
    public struct Page: Sendable, Equatable {
        public var date: String?
        public var papers: [DigestPaper]
        public var topicOrder: [Topic]
        /// The LLM's research summary of the day, as the page gives it.
        public var summary: String?
        /// `Total relevant papers: N`.
        public var statedTotal: Int?
        /// The first heading that carries a date (else the first heading): the page's title.
        public var title: String?
        /// The token and cost table and the counts above the first paper, read
        /// as the upstream reader reads them (a table rendered to HTML comes back as one).
        public var header = RunHeader()
    }

    public static func read(_ text: String) throws(DigestReadError) -> Digest {
        let page = readPage(text)
        var header = page.header
        header.relevantPapers = header.relevantPapers ?? page.statedTotal
        header.summary = page.summary
        return Digest(format: .page, date: page.date, header: header, papers: page.papers, topicOrder: page.topicOrder)
    }

    /// A day's page in another language (`DATE_translated.md`): the same
    /// papers, each with its translated title (its heading) and abstract kept
    /// as `title_LANG` / `abstract_LANG` (`cn` for Chinese, as the family's
    /// JSON names it), so that they join the JSON's translations.
    public static func readTranslation(_ text: String) -> Digest {
        let page = readPage(text)
        let language = text.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) ? "cn" : "translated"
        let papers = page.papers.map { paper in
            var fields: [String: Any] = ["title_" + language: paper.title]
            if !paper.abstract.isEmpty { fields["abstract_" + language] = paper.abstract }
            return DigestPaper(arxivID: paper.arxivID, title: paper.title, authors: [], abstract: "", extra: JSONText.write(fields))
        }
        return Digest(format: .translation, date: page.date, header: nil, papers: papers)
    }

    public static func readPage(_ text: String) -> Page {
        let document = Document.parse(text)
        let blocks = document.blocks
        let headings = blocks.filter { if case .heading = $0.kind { return true } else { return false } }
        // A Pages site puts its own name in a heading above the day's title.
        let title = headings.first(where: { date(inTitle: $0.text) != nil })?.text ?? headings.first?.text ?? blocks.first?.text
        var page = Page(date: title.flatMap(date(inTitle:)), papers: [], topicOrder: [], title: title)
        let ids = blocks.map { LossGuard.namedPapers(in: Data(($0.source + " " + $0.links.map(\.url).joined(separator: " ")).utf8)) }

        // Each candidate's section: a heading's runs to the next heading of its level or above, an item's to the next item or heading.
        var paperAt: [Int: DigestPaper] = [:]
        var sectionEnd: [Int: Int] = [:]
        for (index, block) in blocks.enumerated() {
            let end: Int
            switch block.kind {
            case .heading(let level):
                end =
                    blocks[(index + 1)...].firstIndex(where: { if case .heading(let l) = $0.kind { return l <= level } else { return false } }) ?? blocks.count
            case .item:
                end = blocks[(index + 1)...].firstIndex(where: { if case .text = $0.kind { return false } else { return true } }) ?? blocks.count
            case .text: continue
            }
            sectionEnd[index] = end
            let named = Set(ids[index..<end].joined())
            guard named.count == 1, let id = named.first, let parsed = ArxivID.parse(id) else { continue }
            // A heading that names no paper itself, above a heading or item that does, is that one's
            // topic (`## Kernels (1)` over `### 1. [Title](abs link)`), not a paper.
            if case .heading = block.kind, ids[index].isEmpty,
                ((index + 1)..<end).contains(where: { blocks[$0].kind != .text && !ids[$0].isEmpty })
            {
                continue
            }
            paperAt[index] = paper(id: parsed, heading: block, fields: blocks[(index + 1)..<end])
        }
        // A paper inside another paper's section (its card's list of fields) is the same paper: the outermost counts.
        var taken = Set<Int>()
        for index in paperAt.keys.sorted() where !taken.contains(index) {
            for inner in (index + 1)..<(sectionEnd[index] ?? index + 1) where paperAt[inner] != nil { taken.insert(inner) }
        }
        var seen = Set<String>()
        for index in paperAt.keys.sorted() where !taken.contains(index) {
            let paper = paperAt[index]!
            guard seen.insert(paper.arxivID).inserted else { continue }
            page.papers.append(paper)
        }
        page.topicOrder = topics(blocks, sectionEnd: sectionEnd, papers: paperAt, taken: taken, into: &page.papers)
        page.summary = summary(blocks, sectionEnd: sectionEnd)
        page.statedTotal = blocks.lazy.compactMap { statedTotal($0.text) }.first
        let firstPaper = paperAt.keys.min() ?? blocks.count
        try? MarkdownDigestReader.readHeader(ArraySlice(blocks[..<firstPaper].map(\.source)), offset: 0, into: &page.header)
        return page
    }

    // MARK: Papers

    static func paper(id: (id: String, version: Int?), heading: Document.Block, fields blocks: ArraySlice<Document.Block>) -> DigestPaper {
        var fields = LabelledFields()
        fields.read(heading.text)
        for block in blocks { fields.read(block.text) }
        // A line in italics right under the heading, with no label, is the authors (daily-arXiv-ai-enhanced's `*A, B*`).
        if fields["authors"] == nil, let first = blocks.first, first.kind == .text, first.source.hasPrefix("*"), !first.source.hasPrefix("**"),
            first.source.hasSuffix("*"), !first.text.contains(":")
        {
            fields.set("authors", first.text)
        }
        let title =
            heading.links.first(where: { LossGuard.namedPapers(in: Data($0.url.utf8)).contains(id.id) })?.text
            ?? withoutNumbering(heading.text)
        let prefix = FeedPrefix.strip(fields["abstract"] ?? "")
        var extra: [String: Any] = [:]
        // A field that holds an error message instead of a text (`TL;DR: Error: ...`) is none.
        for (key, name) in LabelledFields.extraKeys {
            if let value = fields[key], !JSONDigestReader.isPlaceholder(value) { extra[name] = value }
        }
        var paper = DigestPaper(
            arxivID: id.id, title: collapseWhitespace(title), authors: AuthorList.split(fields["authors"] ?? ""), abstract: prefix.abstract,
            relevance: fields.score("relevance"), novelty: fields.score("novelty"),
            score: fields["score"].flatMap { Double(String($0.split(separator: "/")[0]).trimmed) },
            comment: fields["comment"] ?? fields["highlight"], arxivVersion: prefix.version ?? id.version, announceType: prefix.announceType,
            extra: extra.isEmpty ? nil : JSONObjects.text(extra))
        paper.completeVerdict()
        return paper
    }

    /// `1. Title`, `1001\. Title`, `[3] Title` -> `Title`; trailing anchors and scores go.
    static func withoutNumbering(_ text: String) -> String {
        var rest = Substring(text).drop(while: { !$0.isLetter && !$0.isNumber })
        let digits = rest.prefix(while: \.isNumber)
        if !digits.isEmpty, let after = rest.dropFirst(digits.count).first, ".):]".contains(after) {
            rest = rest.dropFirst(digits.count + 1)
        }
        return String(rest).trimmed
    }

    // MARK: The page

    /// Headings whose sections hold papers (not papers themselves, not the title), each a topic with its papers.
    static func topics(
        _ blocks: [Document.Block], sectionEnd: [Int: Int], papers: [Int: DigestPaper], taken: Set<Int>, into list: inout [DigestPaper]
    ) -> [Topic] {
        var topics: [Topic] = []
        var byPaper: [String: [Topic]] = [:]
        let firstHeading = blocks.firstIndex(where: { if case .heading = $0.kind { return true } else { return false } })
        for (index, block) in blocks.enumerated() {
            guard case .heading = block.kind, index != firstHeading, papers[index] == nil, let end = sectionEnd[index] else { continue }
            let inside = ((index + 1)..<end).compactMap { taken.contains($0) ? nil : papers[$0] }
            guard !inside.isEmpty else { continue }
            let label = topicLabel(block.text)
            guard !label.isEmpty else { continue }
            let topic = Topic(key: Topic.key(forLabel: label), label: label)
            guard !topics.contains(topic) else { continue }
            topics.append(topic)
            for paper in inside { byPaper[paper.arxivID, default: []].append(topic) }
        }
        guard !topics.isEmpty else { return [] }
        for index in list.indices {
            guard let filed = byPaper[list[index].arxivID]?.reversed(), let primary = filed.first else { continue }
            // The innermost heading is the paper's own topic. Written as the keys the
            // generators write, so that an archive file carries them like theirs.
            var extra = (list[index].extra.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]) ?? [:]
            extra["PRIMARY_TOPIC_ID"] = primary.key
            extra["PRIMARY_TOPIC_LABEL"] = primary.label
            extra["MATCHED_TOPIC_IDS"] = filed.map(\.key)
            extra["MATCHED_TOPIC_LABELS"] = filed.map(\.label)
            list[index].extra = JSONObjects.text(extra)
            list[index].topics = TopicFields.assignment(in: extra)
        }
        return topics
    }

    /// `📚 Agent Memory (3)` -> `Agent Memory`; `cs.CV [Back]` -> `cs.CV`.
    static func topicLabel(_ text: String) -> String {
        var label = Substring(text).drop(while: { !$0.isLetter && !$0.isNumber })
        if label.hasSuffix("[Back]") { label = label.dropLast(6) }
        label = Substring(String(label).trimmed)
        if label.hasSuffix(")"), let open = label.lastIndex(of: "("),
            label[label.index(after: open)..<label.index(before: label.endIndex)].allSatisfy(\.isNumber)
        {
            label = label[..<open]
        }
        return withoutNumbering(String(label))
    }

    /// The text under a heading that says "summary" (`💡 Daily Research Summary`), its subheadings kept as lines.
    static func summary(_ blocks: [Document.Block], sectionEnd: [Int: Int]) -> String? {
        for (index, block) in blocks.enumerated() {
            guard case .heading = block.kind, block.text.lowercased().contains("summary"), let end = sectionEnd[index], end > index + 1 else { continue }
            let text = blocks[(index + 1)..<end].map { block -> String in
                if case .heading = block.kind { return "## " + block.text }
                return block.text
            }.joined(separator: "\n")
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// `Total relevant papers: 60`.
    static func statedTotal(_ text: String) -> Int? {
        guard let range = text.range(of: "total relevant papers", options: .caseInsensitive) else { return nil }
        let digits = text[range.upperBound...].drop(while: { !$0.isNumber }).prefix(while: \.isNumber)
        return Int(digits)
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// A date in a page's title: `06/16/2026`, `2026-06-16`, `June 03, 2026`, `3 June 2026`.
    public static func date(inTitle title: String) -> String? {
        let words = title.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        for word in words {
            if let date = DigestDate.parse(word.trimmingCharacters(in: CharacterSet(charactersIn: "()[]*_`:"))) { return date }
        }
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            guard
                let month = months.firstIndex(where: { $0 == lower || (lower.count >= 3 && $0.hasPrefix(lower.trimmingCharacters(in: .punctuationCharacters))) }
                )
            else { continue }
            // Month day year, or day month year.
            if index + 2 < words.count, let day = Int(words[index + 1]), let year = Int(words[index + 2]) {
                return DigestDate.make(year: year, month: month + 1, day: day)
            }
            if index >= 1, index + 1 < words.count, let day = Int(words[index - 1]), let year = Int(words[index + 1]) {
                return DigestDate.make(year: year, month: month + 1, day: day)
            }
        }
        return nil
    }
}

/// `Label: value` pairs in a block's text, several per line when `|` separates them.
struct LabelledFields {
    private var values: [String: String] = [:]
    /// The label whose value is the next line (`View Abstract` above the abstract).
    private var pending: String?

    /// The fields the family writes, by every spelling seen: the key they are kept under.
    static let labels: [String: String] = [
        "arxiv id": "id", "arxiv": "id", "authors": "authors", "author": "authors", "abstract": "abstract", "view abstract": "abstract",
        "comment": "comment", "comments": "comment", "reason": "comment", "relevance": "relevance", "relevance score": "relevance",
        "rel": "relevance", "novelty": "novelty", "novelty score": "novelty", "nov": "novelty", "score": "score", "total score": "score",
        "highlight": "highlight", "affiliations": "affiliations", "affiliation": "affiliations", "primary topic": "primary topic",
        "tldr": "tldr", "tl;dr": "tldr", "motivation": "motivation", "method": "method", "result": "result", "conclusion": "conclusion",
        "main category": "main category",
        // A translated page's labels (Chinese).
        "摘要": "abstract", "作者": "authors", "机构": "affiliations",
    ]

    /// The fields kept in a verdict's `extra`, under the names the family's JSON gives them.
    static let extraKeys: [(String, String)] = [
        ("highlight", "HIGHLIGHT"), ("affiliations", "AFFILIATIONS"), ("primary topic", "PRIMARY_TOPIC"), ("main category", "primary_category"),
        ("tldr", "AI_tldr"), ("motivation", "AI_motivation"), ("method", "AI_method"), ("result", "AI_result"), ("conclusion", "AI_conclusion"),
    ]

    subscript(key: String) -> String? { values[key] }

    mutating func set(_ key: String, _ value: String) { values[key] = value }

    /// A 0-10 score from `9`, `9/10`, `9.0`; nil when the field is absent or no number (`True`).
    func score(_ key: String) -> Int? {
        guard let value = values[key] else { return nil }
        let number = value.split(separator: "/").first.map { String($0).trimmed } ?? ""
        return Int(number) ?? Double(number).map { Int($0.rounded()) }
    }

    mutating func read(_ text: String) {
        if let key = pending {
            pending = nil
            if values[key] == nil { values[key] = text }
            return
        }
        // A line that is only a label: its value is the next line.
        let bare = text.trimmingCharacters(in: CharacterSet(charactersIn: ": ").union(.symbols)).lowercased()
        if let key = LabelledFields.labels[bare], key == "abstract" {
            pending = key
            return
        }
        for part in text.components(separatedBy: " | ") {
            guard let (label, value) = LabelledFields.split(part), let key = LabelledFields.labels[label] else { continue }
            // `Rel: 8/10, Nov: 8/10` on one line.
            if key == "relevance", let comma = value.range(of: ", ") {
                if values[key] == nil { values[key] = String(value[..<comma.lowerBound]) }
                read(String(value[comma.upperBound...]))
                continue
            }
            if values[key] == nil, !value.isEmpty { values[key] = value }
        }
    }

    /// `👥 Authors: A, B` -> (`authors`, `A, B`): the label is a few words before the first colon.
    static func split(_ part: String) -> (String, String)? {
        guard let colon = part.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let label = String(part[..<colon].drop(while: { !$0.isLetter })).trimmed.lowercased()
        guard !label.isEmpty, label.count <= 24 else { return nil }
        return (label, String(part[part.index(after: colon)...]).trimmed)
    }
}
