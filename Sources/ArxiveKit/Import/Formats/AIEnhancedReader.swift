import Foundation

/// Reads daily-arXiv-ai-enhanced's data branch, a digest family of its own:
/// it keeps every paper of the configured categories and has an LLM write
/// a structured summary of each.
///
/// - `DATE.jsonl`: every paper the day's crawl found (`id`, `categories`,
///   `abs`, `authors`, `title`, `comment`, `summary` = the abstract): the
///   run's scanned papers.
/// - `DATE_AI_enhanced_LANG.jsonl`: the papers it published, each with `AI`
///   (`tldr`, or `task` in older days; `motivation`, `method`, `result`,
///   `conclusion`; newer papers add `code_url`, `code_stars`): the run's
///   verdicts, in the file's order. It gives no relevance or novelty: they are nil.
/// - `DATE.md`: the same day as published, read by `FamilyPageReader`
///   (its category headings become the day's topics).
///
/// An AI field that holds an error message instead of a summary (`Error: ...`)
/// is kept as missing.
public enum AIEnhancedReader {
    /// The digest these files belong to unless `--digest` says otherwise.
    public static let digestName = "daily-arxiv-ai"
    /// The AI fields, in the order the tool writes them; `task` is the older `tldr`.
    static let aiFields = ["tldr", "task", "motivation", "method", "result", "conclusion"]

    /// Whether a JSON line is one of this tool's records (crawled or enhanced).
    static func isRecord(_ fields: [String: Any]) -> Bool {
        fields["id"] is String && fields["summary"] != nil && (fields["abs"] != nil || fields["pdf"] != nil) && fields["title"] is String
    }

    /// A crawl file (`DATE.jsonl`) or a published listing (`..._AI_enhanced_LANG.jsonl`).
    public static func read(_ data: Data, listing: Bool) throws(DigestReadError) -> Digest {
        var papers: [DigestPaper] = []
        var seen = Set<String>()
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            guard let fields = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any], isRecord(fields) else {
                throw DigestReadError(line: index + 1, "not a daily-arXiv-ai-enhanced record")
            }
            let paper = try self.paper(fields, line: index + 1, listing: listing)
            // A paper the crawl met twice (a cross-list and its original) is listed once.
            if seen.insert(paper.arxivID).inserted { papers.append(paper) }
        }
        var header = RunHeader()
        if !listing { header.scannedPapers = papers.count }
        return Digest(format: listing ? .aiListing : .crawl, date: nil, header: header, papers: papers, ownDigestName: digestName)
    }

    static func paper(_ f: [String: Any], line: Int, listing: Bool) throws(DigestReadError) -> DigestPaper {
        let idText = f["id"] as? String ?? ""
        guard let id = ArxivID.parse(idText) else { throw DigestReadError(line: line, "'\(idText)' is not an arXiv id") }
        let authors = (f["authors"] as? [Any] ?? []).compactMap { $0 as? String }
        var extra: [String: Any] = [:]
        let categories = (f["categories"] as? [Any] ?? []).compactMap { $0 as? String }
        if !categories.isEmpty {
            extra["categories"] = categories
            // Its arXiv categories are its topics, the first its own: the page groups the day by them.
            extra["PRIMARY_TOPIC_ID"] = Topic.key(forLabel: categories[0])
            extra["PRIMARY_TOPIC_LABEL"] = categories[0]
            extra["MATCHED_TOPIC_IDS"] = categories.map(Topic.key(forLabel:))
            extra["MATCHED_TOPIC_LABELS"] = categories
        }
        // arXiv's own comment ("13 pages"), not a verdict's.
        if let comment = f["comment"] as? String, !comment.isEmpty { extra["arxiv_comment"] = comment }
        if listing, let ai = f["AI"] as? [String: Any] {
            for (key, value) in ai {
                if value is NSNull { continue }
                if let text = value as? String {
                    if text.trimmed.isEmpty || JSONDigestReader.isPlaceholder(text) { continue }
                    // `day` prints these: no control character a terminal would obey.
                    extra["AI_" + key] = collapseWhitespace(text)
                    continue
                }
                extra["AI_" + key] = value
            }
        }
        let abstract = (f["summary"] as? String) ?? ""
        return DigestPaper(
            arxivID: id.id, title: collapseWhitespace(f["title"] as? String ?? ""), authors: AuthorList.rejoin(authors),
            abstract: collapseWhitespace(abstract), arxivVersion: id.version, extra: extra.isEmpty ? nil : JSONText.write(extra),
            topics: TopicFields.assignment(in: extra))
    }

    /// The `AI_` keys of a verdict's `extra`, without the prefix, as text; nil when there are none.
    public static func aiFields(inExtra extra: String) -> [String: String]? {
        guard extra.containsBytes("\"AI_"), let fields = (try? JSONSerialization.jsonObject(with: Data(extra.utf8))) as? [String: Any] else { return nil }
        var ai: [String: String] = [:]
        for (key, value) in fields where key.hasPrefix("AI_") {
            ai[String(key.dropFirst(3))] = (value as? String) ?? (value as? NSNumber)?.stringValue ?? JSONText.write(value)
        }
        return ai.isEmpty ? nil : ai
    }

    /// The language a listing's name gives (`2026-07-01_AI_enhanced_Chinese.jsonl` -> `Chinese`).
    public static func language(inFileName name: String) -> String? {
        guard let range = name.range(of: "_AI_enhanced_") else { return nil }
        let rest = name[range.upperBound...]
        let language = rest.prefix(while: { $0 != "." })
        return language.isEmpty ? nil : String(language)
    }
}
