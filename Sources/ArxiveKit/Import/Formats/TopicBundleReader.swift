import Foundation

/// Reads a day's topic bundle (`YYYY-MM-DD-daily-papers.json`,
/// `schema_version` 2): `meta` (the date and `usage`: model, tokens, costs,
/// arXiv/scanned/relevant totals), `topic_order`, `diagnostics` (topic labels
/// and counts), `papers` keyed by arXiv id in published order (the same
/// records as the day's `-output.json`), and `topic_sections`.
///
/// It is the day's run like the JSON: its verdicts are the same, its usage
/// fills what the page's header lacks, and it brings the day's topic order.
public enum TopicBundleReader {
    /// A bundle of one of `skippingPapersOn` is read without its papers: the
    /// day's JSON holds the same records, and reading both was the bundle's cost.
    public static func read(_ data: Data, skippingPapersOn days: Set<String> = []) throws(DigestReadError) -> Digest {
        let root = try JSONObjects.root(data)
        let meta = root["meta"] as? [String: Any] ?? [:]
        guard let dateText = meta["date"] as? String, let date = DigestDate.parse(dateText) else {
            throw DigestReadError(line: JSONKeyOrder.line(ofKey: "meta", in: data), "a topic bundle without 'meta.date' (YYYY-MM-DD)")
        }
        let leavesPapersOut = days.contains(date)
        let papers =
            leavesPapersOut
            ? []
            : try JSONObjects.papers(root["papers"], keys: JSONKeyOrder.keys(ofObject: "papers", in: data), data: data)
        var digest = Digest(
            format: .topicBundle, date: date, header: (meta["usage"] as? [String: Any]).map(header),
            papers: papers, topicOrder: topicOrder(root, papers: papers))
        if leavesPapersOut { digest.leftOutIDs = listedIDs(root["papers"]) }
        return digest
    }

    /// The arXiv ids of `papers` (keyed by id) as the full read would give
    /// them, without reading the papers: an id field wins over the key, as there.
    static func listedIDs(_ papers: Any?) -> Set<String> {
        guard let entries = papers as? [String: Any] else { return [] }
        return Set(
            entries.compactMap { key, value in
                let fields = value as? [String: Any]
                let idText = (fields?["arxiv_id"] as? String) ?? (fields?["ARXIVID"] as? String) ?? key
                return ArxivID.parse(idText)?.id
            })
    }

    /// `meta.usage` as a run header.
    static func header(_ usage: [String: Any]) -> RunHeader {
        var h = RunHeader()
        h.model = (usage["model"] as? String).map(collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        func count(_ key: String) -> Int? { Number.int(usage[key]).flatMap { (0...Number.largestCount).contains($0) ? $0 : nil } }
        func amount(_ key: String) -> Double? { Number.double(usage[key]).flatMap { (0...Number.largestAmount).contains($0) ? $0 : nil } }
        h.promptTokens = count("prompt_tokens")
        h.completionTokens = count("completion_tokens")
        h.totalTokens = count("total_tokens") ?? h.promptTokens.flatMap { p in h.completionTokens.map { p + $0 } }
        h.promptCost = amount("prompt_cost")
        h.completionCost = amount("completion_cost")
        h.totalCost = amount("total_cost") ?? h.promptCost.flatMap { p in h.completionCost.map { p + $0 } }
        h.totalPapers = count("total_arxiv_papers")
        h.scannedPapers = count("total_scanned_papers")
        h.relevantPapers = count("total_relevant_papers")
        return h
    }

    /// `topic_order` with the labels `diagnostics.topic_counts` and
    /// `topic_sections` give (else those the papers carry, else the id).
    static func topicOrder(_ root: [String: Any], papers: [DigestPaper]) -> [Topic] {
        var labels: [String: String] = [:]
        for paper in papers { for topic in paper.topics?.all ?? [] { labels[topic.key] = topic.label } }
        let listed =
            ((root["diagnostics"] as? [String: Any])?["topic_counts"] as? [[String: Any]] ?? [])
            + (root["topic_sections"] as? [[String: Any]] ?? [])
        for entry in listed {
            if let key = entry["topic_id"] as? String, let label = entry["topic_label"] as? String { labels[key] = collapseWhitespace(label) }
        }
        let order =
            (root["topic_order"] as? [Any] ?? []).compactMap { $0 as? String }
            + listed.compactMap { $0["topic_id"] as? String }
        var seen = Set<String>()
        return order.filter { seen.insert($0).inserted }.map { Topic(key: $0, label: labels[$0] ?? $0) }
    }
}

/// What the generators' newer JSON files (topic bundles, spotlight files,
/// monthly overviews) share: a root object, and papers as the daily JSON
/// writes them.
enum JSONObjects {
    static func root(_ data: Data) throws(DigestReadError) -> [String: Any] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw DigestReadError(line: JSONKeyOrder.lineOfFirstError(in: data), "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw DigestReadError(line: 1, "expected a JSON object") }
        return root
    }

    /// The papers of an object keyed by arXiv id, in `keys` order (the file's).
    static func papers(_ value: Any?, keys: [(key: String, line: Int)], data: Data) throws(DigestReadError) -> [DigestPaper] {
        guard let value, !(value is NSNull) else { return [] }
        guard let entries = value as? [String: Any] else {
            throw DigestReadError(line: JSONKeyOrder.line(ofKey: "papers", in: data), "'papers' is not an object keyed by arXiv id")
        }
        var papers: [DigestPaper] = []
        var seen = Set<String>()
        for (key, line) in keys where seen.insert(key).inserted {
            guard let fields = entries[key] as? [String: Any] else { throw DigestReadError(line: line, "'\(key)' is not an object") }
            do {
                papers.append(try JSONDigestReader.paper(key: key, fields))
            } catch {
                throw DigestReadError(line: line, error.message)
            }
        }
        return papers
    }
}
