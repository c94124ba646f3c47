import Foundation

/// Writes a synthetic "Daily AI Hotspots" history: a report a day in the
/// generator's layout (`hot/reports/YYYY-MM-DD.json`), with featured topics,
/// category sections, long tail, watchlist, buzz and spotlighted papers, of
/// invented text and sources, at about the real reports' size (35 topics).
public struct HotspotHistory {
    public static let categories = ["Product Release", "Industry Update", "Tooling", "Research"]
    public static let sources: [(id: String, name: String, role: String)] = [
        ("official_blogs", "Invented Labs Blog", "official_news"), ("hn_discussion", "Hacker News", "community_discussion"),
        ("github_trend", "GitHub Trending Repos", "developer_trend"), ("reddit", "Reddit r/Invented", "community_discussion"),
        ("hf_papers", "Hugging Face Papers", "paper_trending"), ("roundup_sites", "The Invented Rundown", "roundup"),
        ("x_ainews_twitter", "AINews X", "social"), ("analysis_feeds", "Invented Analysis", "analysis"),
    ]

    var random: SeededRandom
    let vocabulary: Vocabulary

    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
        vocabulary = Vocabulary(seed: seed, wordCount: 4_000, peopleCount: 600)
    }

    /// Writes `days` reports, one a day from 2025-06-01; returns the files written.
    public mutating func write(days: Int, to directory: URL) throws -> Int {
        let start = Date(timeIntervalSince1970: 1_748_736_000)  // 2025-06-01
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate]
        for day in 0..<days {
            let date = format.string(from: start.addingTimeInterval(Double(day) * 86_400))
            let url = directory.appendingPathComponent("hot/reports/\(date).json")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = try JSONSerialization.data(withJSONObject: report(date: date, index: day), options: [.sortedKeys])
            try data.write(to: url)
        }
        return days
    }

    public mutating func report(date: String, index: Int) -> [String: Any] {
        func topics(_ n: Int) -> [[String: Any]] { (0..<n).map { _ in topic(date: date) } }
        let papers: [[String: Any]] = (0..<4).map { i in
            let id = String(format: "%02d%02d.%05d", 25 + index / 365, 1 + (index / 30) % 12, 90_000 + index * 4 + i)
            return [
                "arxiv_id": id, "title": vocabulary.sentence(&random, words: 8).capitalized, "summary": vocabulary.sentence(&random, words: 20),
                "url": "https://arxiv.org/abs/\(id)", "authors": (0..<3).map { _ in random.pick(vocabulary.people).tex },
            ]
        }
        return [
            "date": date, "generated_at": date + "T07:00:00+00:00", "mode": "openai", "summary": vocabulary.sentence(&random, words: 60),
            "source_stats": Dictionary(uniqueKeysWithValues: HotspotHistory.sources.map { ($0.id, random.int(0...40)) }),
            "totals": ["featured": 5, "category_topics": 16, "long_tail_topics": 8, "watchlist": 1],
            "costs": ["prompt": 0.005, "completion": 0.019, "total": 0.024],
            "usage": ["llm": ["summary_model": "gpt-5.4", "prompt_tokens": 2270, "completion_tokens": 1259]],
            "featured_topics": topics(5),
            "category_sections": HotspotHistory.categories.map { ["category": $0, "total_candidates": 10, "topics": topics(4)] as [String: Any] },
            "long_tail_sections": [["category": "Industry Update", "total_candidates": 20, "topics": topics(8)] as [String: Any]],
            "watchlist": topics(1),
            "x_buzz": (0..<5).map { _ in
                [
                    "title": vocabulary.sentence(&random, words: 8), "summary": vocabulary.sentence(&random, words: 16),
                    "url": "https://x.example/post/\(random.int(1...999_999))", "source_id": "x_ainews_twitter",
                    "source_name": "AINews X", "source_role": "social",
                ]
            },
            "paper_spotlight": [["kind": "daily_hot", "items": Array(papers.prefix(2))], ["kind": "new_frontier", "items": Array(papers.suffix(2))]],
        ]
    }

    mutating func topic(date: String) -> [String: Any] {
        let items: [[String: Any]] = (0..<random.int(1...4)).map { _ in
            let source = random.pick(HotspotHistory.sources)
            return [
                "source_id": source.id, "source_name": source.name, "source_role": source.role, "source_type": "feed",
                "title": vocabulary.sentence(&random, words: 9), "url": "https://\(source.id).example/\(random.int(1...999_999))",
                "published_at": date + "T06:00:00+00:00", "summary": vocabulary.sentence(&random, words: 25),
            ]
        }
        let score = Double(random.int(10...100)) / 10
        return [
            "TOPIC_ID": String(random.next(), radix: 16), "title": vocabulary.sentence(&random, words: 7).capitalized,
            "summary": vocabulary.sentence(&random, words: 30), "items": items, "tags": (0..<random.int(0...2)).map { _ in random.pick(vocabulary.words) },
            "PRIMARY_CATEGORY": random.pick(HotspotHistory.categories), "KEEP_IN_DAILY_HOTSPOTS": true,
            "QUALITY": random.int(1...10), "HEAT": random.int(1...10), "IMPORTANCE": random.int(1...10), "FINAL_SCORE": score,
            "HEADLINE": vocabulary.sentence(&random, words: 12), "WHY_IT_MATTERS": vocabulary.sentence(&random, words: 25),
            "KEY_TAKEAWAYS": (0..<3).map { _ in vocabulary.sentence(&random, words: 20) }, "event_type": "release",
        ]
    }
}
