import Foundation

/// Reads a day's spotlight file (`YYYY-MM-DD-hotspot-papers.json`,
/// `schema_version` 1): `meta` (date, candidates, thresholds, caps),
/// `papers` keyed by arXiv id (verdict records with `HOTSPOT_PAPER_TAGS` and
/// `HOTSPOT_PAPER_COMMENT`), and `sections` (each kind's papers in order).
public enum SpotlightReader {
    public static func read(_ data: Data) throws(DigestReadError) -> SpotlightDay {
        let root = try JSONObjects.root(data)
        let meta = root["meta"] as? [String: Any] ?? [:]
        guard let dateText = meta["date"] as? String, let date = DigestDate.parse(dateText) else {
            throw DigestReadError(line: JSONKeyOrder.line(ofKey: "meta", in: data), "a spotlight file without 'meta.date' (YYYY-MM-DD)")
        }
        let records = root["papers"] as? [String: Any] ?? [:]
        let papers = try JSONObjects.papers(root["papers"], keys: JSONKeyOrder.keys(ofObject: "papers", in: data), data: data).map { paper in
            let fields = records[paper.arxivID] as? [String: Any] ?? [:]
            let comment = (fields["HOTSPOT_PAPER_COMMENT"] as? String).map(collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 }
            let kinds = (fields["HOTSPOT_PAPER_TAGS"] as? [Any] ?? []).compactMap { $0 as? String }
            return SpotlightDay.Paper(paper: paper, comment: comment, kinds: kinds)
        }
        let known = Set(papers.map(\.paper.arxivID))
        var sections: [SpotlightDay.Section] = []
        for case let entry as [String: Any] in root["sections"] as? [Any] ?? [] {
            guard let kind = entry["kind"] as? String, !kind.isEmpty else {
                throw DigestReadError(line: JSONKeyOrder.line(ofKey: "sections", in: data), "a spotlight section without a 'kind'")
            }
            let ids = (entry["paper_ids"] as? [Any] ?? []).compactMap { ($0 as? String).flatMap(ArxivID.parse)?.id }
            if let missing = ids.first(where: { !known.contains($0) }) {
                throw DigestReadError(
                    line: JSONKeyOrder.line(ofKey: "sections", in: data),
                    "section '\(kind)' lists \(missing), which 'papers' does not hold")
            }
            sections.append(
                SpotlightDay.Section(
                    kind: kind, label: entry["label"] as? String, description: entry["description"] as? String,
                    arxivIDs: ids))
        }
        return SpotlightDay(
            date: date, totalCandidates: Number.int(meta["total_candidates"]),
            thresholds: JSONObjects.text(meta["thresholds"]), caps: JSONObjects.text(meta["caps"]),
            sections: sections, papers: papers)
    }
}

extension JSONObjects {
    /// A JSON object or list as compact text with sorted keys (`JSONText`); nil for none.
    static func text(_ value: Any?) -> String? {
        guard let value, value is [Any] || value is [String: Any] else { return nil }
        return JSONText.write(value)
    }
}
