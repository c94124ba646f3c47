import Foundation

/// Reads a "Daily AI Hotspots" report (`hot/reports/YYYY-MM-DD.json`):
/// `date`, `summary`, `source_stats`, `totals`, `costs`, `usage`, then the
/// topic lists `featured_topics`, `category_sections` and
/// `long_tail_sections` (each `{category, topics}`), `watchlist`, `x_buzz`
/// (items, each kept as a topic of its own), and `paper_spotlight` (kinds
/// with their arXiv papers). Every key it does not read is kept as JSON.
public enum HotspotReportReader {
    /// The top-level keys read here; the rest go to the day's `extra`.
    static let readKeys: Set<String> = [
        "date", "generated_at", "mode", "summary", "source_stats", "totals", "costs", "usage",
        "featured_topics", "category_sections", "long_tail_sections", "watchlist", "x_buzz",
        "paper_spotlight",
    ]
    /// A topic's keys read into columns.
    static let topicKeys: Set<String> = [
        "TOPIC_ID", "title", "HEADLINE", "summary", "WHY_IT_MATTERS", "KEY_TAKEAWAYS",
        "PRIMARY_CATEGORY", "tags", "event_type", "items",
    ]
    static let itemKeys: Set<String> = ["source_id", "source_name", "source_role", "source_type", "title", "url", "published_at"]

    public static func read(_ data: Data) throws(DigestReadError) -> HotspotReport {
        let root = try JSONObjects.root(data)
        guard let dateText = root["date"] as? String, let date = DigestDate.parse(dateText) else {
            throw DigestReadError(line: JSONKeyOrder.line(ofKey: "date", in: data), "a hotspot report without a 'date' (YYYY-MM-DD)")
        }
        func topics(_ value: Any?, key: String) throws(DigestReadError) -> [HotspotReport.Topic] {
            guard let value, !(value is NSNull) else { return [] }
            guard let list = value as? [Any] else { throw DigestReadError(line: JSONKeyOrder.line(ofKey: key, in: data), "'\(key)' is not a list") }
            var out: [HotspotReport.Topic] = []
            for (index, entry) in list.enumerated() {
                guard let fields = entry as? [String: Any] else {
                    throw DigestReadError(line: JSONKeyOrder.line(ofKey: key, in: data), "item \(index + 1) of '\(key)' is not an object")
                }
                guard let topic = topic(fields) else {
                    throw DigestReadError(line: JSONKeyOrder.line(ofKey: key, in: data), "item \(index + 1) of '\(key)' has no title")
                }
                out.append(topic)
            }
            return out
        }
        var sections = [HotspotReport.Section(kind: .featured, topics: try topics(root["featured_topics"], key: "featured_topics"))]
        for (key, kind) in [("category_sections", HotspotReport.SectionKind.category), ("long_tail_sections", .longTail)] {
            for case let section as [String: Any] in root[key] as? [Any] ?? [] {
                sections.append(.init(kind: kind, category: text(section["category"]), topics: try topics(section["topics"], key: key)))
            }
        }
        sections.append(.init(kind: .watchlist, topics: try topics(root["watchlist"], key: "watchlist")))
        let buzz = (root["x_buzz"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        sections.append(.init(kind: .xBuzz, topics: zip(try topics(root["x_buzz"], key: "x_buzz"), buzz).map(asBuzz)))
        var papers: [HotspotReport.Paper] = []
        for case let section as [String: Any] in root["paper_spotlight"] as? [Any] ?? [] {
            let kind = text(section["kind"]) ?? "spotlight"
            for case let item as [String: Any] in section["items"] as? [Any] ?? [] {
                guard let idText = (item["arxiv_id"] as? String) ?? (item["url"] as? String).flatMap(arxivID(inURL:)),
                    let id = ArxivID.parse(idText), let title = text(item["title"])
                else {
                    throw DigestReadError(line: JSONKeyOrder.line(ofKey: "paper_spotlight", in: data), "a spotlighted paper without its arXiv id or title")
                }
                let authors = (item["authors"] as? [Any] ?? []).compactMap { $0 as? String }
                papers.append(
                    .init(
                        kind: kind, paper: .init(arxivID: id.id, title: title, authors: AuthorList.rejoin(authors)),
                        comment: text(item["summary"]),
                        extra: hotspotJSON(item.filter { !["arxiv_id", "title", "authors", "summary"].contains($0.key) })))
            }
        }
        let usage = root["usage"] as? [String: Any]
        let llm = usage?["llm"] as? [String: Any]
        let costs = root["costs"] as? [String: Any]
        return HotspotReport(
            date: date, generatedAt: text(root["generated_at"]), mode: text(root["mode"]), summary: text(root["summary"]),
            model: text(llm?["summary_model"]) ?? text(llm?["screen_model"]) ?? text(llm?["model"]),
            promptTokens: Number.int(llm?["prompt_tokens"]), completionTokens: Number.int(llm?["completion_tokens"]),
            totalCost: Number.double(costs?["total"]) ?? Number.double(llm?["total_cost"]),
            sourceStats: hotspotJSON(root["source_stats"]), totals: hotspotJSON(root["totals"]),
            costs: hotspotJSON(root["costs"]), usage: hotspotJSON(root["usage"]),
            extra: hotspotJSON(root.filter { !readKeys.contains($0.key) }.nilIfEmpty),
            sections: sections.filter { !$0.topics.isEmpty }, papers: papers)
    }

    static func topic(_ f: [String: Any]) -> HotspotReport.Topic? {
        guard let title = text(f["title"]) else { return nil }
        var scores: [String: Double] = [:]
        // The upper-case keys with numbers are the scores (`KEEP_IN_DAILY_HOTSPOTS` is a flag, not a score).
        // Foundation gives JSON's true and false as numbers whose type code is a char ("c").
        for (key, value) in f where key == key.uppercased() && !(value is String) {
            if let n = value as? NSNumber, String(cString: n.objCType) != "c" { scores[key] = n.doubleValue }
        }
        let items = (f["items"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.map(item)
        let rest = f.filter { !topicKeys.contains($0.key) && scores[$0.key] == nil }
        return HotspotReport.Topic(
            key: text(f["TOPIC_ID"]), title: title, headline: text(f["HEADLINE"]) ?? "", summary: text(f["summary"]) ?? "",
            whyItMatters: text(f["WHY_IT_MATTERS"]) ?? "", takeaways: (f["KEY_TAKEAWAYS"] as? [Any] ?? []).compactMap(text),
            category: text(f["PRIMARY_CATEGORY"]), tags: (f["tags"] as? [Any] ?? []).compactMap(text), eventType: text(f["event_type"]),
            scores: scores, items: items, extra: hotspotJSON(rest.nilIfEmpty))
    }

    /// A buzz entry is one source's post: a topic whose only item is itself.
    static func asBuzz(_ topic: HotspotReport.Topic, _ fields: [String: Any]) -> HotspotReport.Topic {
        guard topic.items.isEmpty else { return topic }
        var buzz = topic
        buzz.items = [item(fields)]
        return buzz
    }

    static func item(_ i: [String: Any]) -> HotspotReport.Item {
        HotspotReport.Item(
            sourceID: text(i["source_id"]), sourceName: text(i["source_name"]), role: text(i["source_role"]),
            type: text(i["source_type"]), title: text(i["title"]), url: text(i["url"]), publishedAt: text(i["published_at"]),
            extra: hotspotJSON(i.filter { !itemKeys.contains($0.key) }.nilIfEmpty))
    }

    static func arxivID(inURL url: String) -> String? {
        guard let r = url.range(of: "arxiv.org/abs/") else { return nil }
        return String(url[r.upperBound...])
    }

    /// A value as JSON text (see `JSONText`: Foundation's writer was half the import's time); nil for none.
    static func hotspotJSON(_ value: Any?) -> String? {
        guard let value, !(value is NSNull) else { return nil }
        return JSONText.write(value)
    }

    private static func text(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let t = collapseWhitespace(s)
        return t.isEmpty ? nil : t
    }
}
