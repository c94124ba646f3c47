import Foundation

/// The files a generator's output folder holds today beside its daily
/// Markdown and JSON (see `../shared/samples`, "The generators as they are
/// today"): for each day of the HTML-table era, a topic bundle and a
/// spotlight file, and the files that hold no digest (hotspot
/// intermediates, web copies, navigation images), in about the share a
/// real folder has them. Written only when asked: the benchmark's history
/// is then laid out like a real `out/`.
extension History {
    /// The invented topics a day of the HTML-table era files its papers under.
    public static let topics: [(key: String, label: String)] = [
        ("sparse_experts", "Sparse Experts and Routing"), ("compression", "Pruning, Quantisation and Compression"),
        ("training_dynamics", "Training Dynamics and Theory"), ("agents_memory", "Agent Memory and Planning"),
    ]

    /// A paper's invented topic: the same for the paper on every day.
    public static func topic(of paper: Paper) -> (key: String, label: String) {
        topics[Int(paper.id.utf8.reduce(UInt32(7)) { $0 &* 31 &+ UInt32($1) } % UInt32(topics.count))]
    }

    /// Whether a run is one whose day today's generator writes in full.
    func hasTodaysFiles(_ run: Run) -> Bool { run.layout == .htmlTable && run.sources == .markdownAndJSON }

    /// Writes the day's topic bundle, spotlight file and skipped files; returns how many files that was.
    func writeTodaysFiles(_ run: Run, put: (String, String) throws -> Void) throws {
        let month = String(run.date.prefix(7))
        try put("daily/json/\(month)/\(run.date)-daily-papers.json", topicBundle(run))
        try put("daily/json/\(month)/\(run.date)-hotspot-papers.json", spotlightFile(run))
        // What the hotspot generator and the site leave beside a day (none of it a digest).
        for source in ["hn_discussion", "hf_papers", "reddit", "github_trending"] {
            try put("daily/hot/raw/\(run.date)/\(source).json", "[{\"title\": \"An invented \(source) item\", \"url\": \"https://example.org/\(source)\"}]\n")
        }
        try put("daily/hot/normalized/\(run.date).json", "[{\"id\": \"n1\", \"title\": \"An invented item\"}]\n")
        try put("daily/hot/clusters/\(run.date).json", "[{\"cluster\": 1, \"items\": [\"n1\"]}]\n")
        try put("daily/web_data/hot/\(run.date).json", "{\"schema_version\": 1, \"meta\": {\"date\": \"\(run.date)\"}, \"source_sections\": []}\n")
        for side in ["prev", "center", "next"] {
            try put(
                "daily/site/assets/nav/day/\(run.date)-\(side).svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"60\" height=\"20\"><text x=\"1\" y=\"15\">\(side)</text></svg>\n")
        }
    }

    /// The topic keys today's generator writes in every verdict record.
    func topicFields(_ p: Paper) -> [(String, Any)] {
        let topic = History.topic(of: p)
        return [
            ("PRIMARY_TOPIC_ID", topic.key), ("PRIMARY_TOPIC_LABEL", topic.label),
            ("MATCHED_TOPIC_IDS", [topic.key]), ("MATCHED_TOPIC_LABELS", [topic.label]),
            ("TOPIC_ASSIGNMENT_SOURCE", "llm_exact"),
        ]
    }

    func topicBundle(_ run: Run) -> String {
        let usage =
            "{\"model\": \(jsonString(run.model ?? "")), \"prompt_tokens\": \(run.promptTokens), \"completion_tokens\": \(run.completionTokens), "
            + "\"prompt_cost\": \(run.promptCost), \"completion_cost\": \(run.completionCost), \"total_arxiv_papers\": \(run.totalPapers), "
            + "\"total_scanned_papers\": \(run.scannedPapers), \"total_relevant_papers\": \(run.papers.count)}"
        let order = History.topics.map { jsonString($0.key) }.joined(separator: ", ")
        let sections = History.topics.map { t in
            let ids = run.papers.filter { History.topic(of: $0).key == t.key }.map { jsonString($0.id) }.joined(separator: ", ")
            return "{\"topic_id\": \(jsonString(t.key)), \"topic_label\": \(jsonString(t.label)), \"paper_ids\": [\(ids)]}"
        }.joined(separator: ", ")
        let papers = json(run, topics: true).dropLast()  // the same records as the day's JSON
        return "{\"schema_version\": 2, \"meta\": {\"date\": \"\(run.date)\", \"total_papers\": \(run.papers.count), \"usage\": \(usage)},\n"
            + "\"topic_order\": [\(order)],\n\"papers\": \(papers),\n\"topic_sections\": [\(sections)]}\n"
    }

    /// The day's two best papers spotlighted: the first as daily_hot, the second as new_frontier.
    func spotlightFile(_ run: Run) -> String {
        let chosen = Array(run.papers.filter { !$0.authorMatch }.prefix(2))
        let kinds = ["daily_hot", "new_frontier"]
        let records = chosen.enumerated().map { i, p in
            "\(jsonString(p.id)): {\"arxiv_id\": \(jsonString(p.id)), \"title\": \(jsonString(p.title)), "
                + "\"authors\": \(jsonValue(p.authors.map(\.tex))), \"abstract\": \(jsonString(p.abstract)), "
                + "\"RELEVANCE\": \(p.relevance ?? 0), \"NOVELTY\": \(p.novelty ?? 0), \"COMMENT\": \(jsonString(p.comment)), "
                + "\"HOTSPOT_PAPER_TAGS\": [\"\(kinds[i])\"], \"HOTSPOT_PAPER_COMMENT\": \"Invented spotlight reason.\"}"
        }.joined(separator: ",\n")
        let sections = chosen.enumerated().map { i, p in "{\"kind\": \"\(kinds[i])\", \"paper_ids\": [\(jsonString(p.id))]}" }.joined(separator: ", ")
        return "{\"schema_version\": 1, \"meta\": {\"date\": \"\(run.date)\", \"total_candidates\": \(run.scannedPapers), "
            + "\"thresholds\": {}, \"caps\": {}},\n\"papers\": {\(records)},\n\"sections\": [\(sections)]}\n"
    }
}
