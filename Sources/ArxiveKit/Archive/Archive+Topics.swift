import GRDB

/// The digests' topics, written as verdicts and runs are.
extension Archive {
    /// A verdict's topics: its primary and every matched one.
    func storeTopics(_ topics: TopicAssignment, verdictID: Int64, digestName: String, group: inout GroupState, _ db: Database) throws {
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO verdict_topics (verdict_id, topic_id, is_primary, position) VALUES (?, ?, ?, ?)")
        for (index, topic) in topics.all.enumerated() {
            try insert.run(verdictID, try topicID(topic, digestName: digestName, group: &group, db), topic.key == topics.primary?.key, index + 1)
        }
    }

    /// The day's topic order, replacing the run's.
    func storeTopicOrder(_ topics: [Topic], runID: Int64, digestName: String, group: inout GroupState, _ db: Database) throws {
        try db.cachedExecute(sql: "DELETE FROM run_topics WHERE run_id = ?", arguments: [runID])
        let insert = try db.cachedStatement(sql: "INSERT INTO run_topics (run_id, position, topic_id) VALUES (?, ?, ?)")
        for (index, topic) in topics.enumerated() {
            try insert.run(runID, index + 1, try topicID(topic, digestName: digestName, group: &group, db))
        }
    }

    /// The topic's id, added when the digest has none of that key; a
    /// changed label replaces the stored one (the latest file names it),
    /// unless the file gave none (its label is the key: a day with no
    /// paper lists its topic order without labels).
    func topicID(_ topic: Topic, digestName: String, group: inout GroupState, _ db: Database) throws -> Int64 {
        let cacheKey = digestName + "\u{0}" + topic.key
        if let known = group.topicIDs[cacheKey], known.label == topic.label || topic.label == topic.key { return known.id }
        try db.cachedExecute(
            sql: """
                INSERT INTO topics (digest, key, label) VALUES (?, ?, ?)
                ON CONFLICT (digest, key) DO UPDATE SET label = excluded.label
                WHERE label != excluded.label AND excluded.label != excluded.key
                """, arguments: [digestName, topic.key, topic.label])
        let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM topics WHERE digest = ? AND key = ?"),
            arguments: [digestName, topic.key])!
        group.topicIDs[cacheKey] = (id, topic.label)
        return id
    }

    /// The run's topics in the day's order.
    static func topicOrder(runID: Int64, _ db: Database) throws -> [Topic] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT t.key, t.label FROM run_topics rt JOIN topics t ON t.id = rt.topic_id WHERE rt.run_id = ? ORDER BY rt.position
                    """), arguments: [runID]
        ).map { Topic(key: $0["key"], label: $0["label"]) }
    }
}
