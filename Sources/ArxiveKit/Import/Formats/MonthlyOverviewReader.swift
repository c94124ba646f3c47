import Foundation

/// Reads the generator's own monthly overview (`monthly/YYYY-MM-summary.json`):
/// `month`, `generated_at`, `model`, `source_hash`, the costs, and `papers`,
/// a list of verdict records with `KEEP_IN_MONTHLY`, `MONTHLY_COMMENT`,
/// `MONTHLY_PRIORITY`, `PRIMARY_CATEGORY`, `SECONDARY_CATEGORIES`,
/// `SOURCE_DATE` (`[2026, 3, 31]`) and `SOURCE_DAY_PAGE`. A month made
/// without a model says `heuristic`; a month may hold no paper.
public enum MonthlyOverviewReader {
    /// The keys a pick's record has beyond a verdict's: read here, not kept in the verdict's `extra`.
    static let pickKeys: Set<String> = [
        "KEEP_IN_MONTHLY", "MONTHLY_COMMENT", "MONTHLY_PRIORITY", "PRIMARY_CATEGORY",
        "SECONDARY_CATEGORIES", "SOURCE_DATE", "SOURCE_DAY_PAGE",
    ]

    public static func read(_ data: Data) throws(DigestReadError) -> MonthlyOverview {
        let root = try JSONObjects.root(data)
        guard let monthText = root["month"] as? String, let month = DigestDate.month(monthText) else {
            throw DigestReadError(line: JSONKeyOrder.line(ofKey: "month", in: data), "a monthly overview without a 'month' (YYYY-MM)")
        }
        let entries = root["papers"] as? [Any] ?? []
        let lines = JSONKeyOrder.line(ofKey: "papers", in: data)
        var picks: [MonthlyOverview.Pick] = []
        for (index, entry) in entries.enumerated() {
            guard var fields = entry as? [String: Any] else {
                throw DigestReadError(line: lines, "paper \(index + 1) of 'papers' is not an object")
            }
            let pick = fields.filter { pickKeys.contains($0.key) }
            fields = fields.filter { !pickKeys.contains($0.key) }
            let key = (fields["arxiv_id"] as? String) ?? (fields["ARXIVID"] as? String) ?? ""
            let paper: DigestPaper
            do {
                paper = try JSONDigestReader.paper(key: key, fields)
            } catch {
                throw DigestReadError(line: lines, "paper \(index + 1) of 'papers': \(error.message)")
            }
            picks.append(
                MonthlyOverview.Pick(
                    paper: paper,
                    kept: (pick["KEEP_IN_MONTHLY"] as? Bool) ?? false,
                    priority: Number.double(pick["MONTHLY_PRIORITY"]),
                    comment: (pick["MONTHLY_COMMENT"] as? String).map(collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 },
                    primaryCategory: pick["PRIMARY_CATEGORY"] as? String,
                    secondaryCategories: (pick["SECONDARY_CATEGORIES"] as? [Any] ?? []).compactMap { $0 as? String },
                    sourceDate: sourceDate(pick["SOURCE_DATE"]),
                    sourceDayPage: pick["SOURCE_DAY_PAGE"] as? String))
        }
        let model = (root["model"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        let mode = (root["mode"] as? String) ?? (model?.lowercased() == "heuristic" ? "heuristic" : nil)
        return MonthlyOverview(
            month: month, generatedAt: root["generated_at"] as? String, model: model, mode: mode,
            promptCost: Number.double(root["prompt_cost"]), completionCost: Number.double(root["completion_cost"]),
            sourceHash: root["source_hash"] as? String, picks: picks)
    }

    /// `[2026, 3, 31]` or `"2026-03-31"`.
    static func sourceDate(_ value: Any?) -> String? {
        if let parts = value as? [Any], parts.count == 3, let y = Number.int(parts[0]), let m = Number.int(parts[1]), let d = Number.int(parts[2]) {
            return DigestDate.make(year: y, month: m, day: d)
        }
        return (value as? String).flatMap(DigestDate.parse)
    }
}
