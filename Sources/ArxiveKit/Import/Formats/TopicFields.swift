import Foundation

/// Reads a verdict's topics from the keys the generators write:
/// `PRIMARY_TOPIC_ID` / `PRIMARY_TOPIC_LABEL`, `MATCHED_TOPIC_IDS` /
/// `MATCHED_TOPIC_LABELS`, `TOPIC_MATCH_COMMENT`, `TOPIC_ASSIGNMENT_SOURCE`
/// (the assistant generator), or `TAGS` (the upstream one: its first tag is
/// the topic its page files the paper under).
///
/// The keys stay in the verdict's `extra` as the source wrote them; this
/// only reads them, so that every path that has a verdict's keys (a JSON
/// file, a topic bundle, a spotlight file, an archive file) gets the same
/// topics from them.
enum TopicFields {
    static func assignment(in fields: [String: Any]) -> TopicAssignment? {
        let primaryKey = text(fields["PRIMARY_TOPIC_ID"])
        let matchedKeys = list(fields["MATCHED_TOPIC_IDS"])
        if primaryKey != nil || !matchedKeys.isEmpty {
            let matchedLabels = list(fields["MATCHED_TOPIC_LABELS"])
            let matched = matchedKeys.enumerated().map { index, key in
                Topic(key: key, label: index < matchedLabels.count ? matchedLabels[index] : key)
            }
            let primary = primaryKey.map { key in
                Topic(key: key, label: text(fields["PRIMARY_TOPIC_LABEL"]) ?? matched.first(where: { $0.key == key })?.label ?? key)
            }
            return TopicAssignment(
                primary: primary, matched: matched, comment: text(fields["TOPIC_MATCH_COMMENT"]),
                source: text(fields["TOPIC_ASSIGNMENT_SOURCE"]))
        }
        let tags = list(fields["TAGS"])
        guard !tags.isEmpty else { return nil }
        let topics = tags.map { Topic(key: Topic.key(forLabel: $0), label: $0) }
        return TopicAssignment(primary: topics[0], matched: topics)
    }

    /// The topics in a verdict's `extra` text (an archive file's verdicts carry only that).
    static func assignment(inExtra extra: String?) -> TopicAssignment? {
        guard let extra, extra.contains("TOPIC") || extra.contains("TAGS"),
            let fields = (try? JSONSerialization.jsonObject(with: Data(extra.utf8))) as? [String: Any]
        else { return nil }
        return assignment(in: fields)
    }

    private static func text(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let t = collapseWhitespace(s)
        return t.isEmpty ? nil : t
    }

    /// A list of strings, or one string of comma-separated items (older upstream files).
    private static func list(_ value: Any?) -> [String] {
        switch value {
        case let items as [Any]: return items.compactMap(text)
        case let s as String: return s.split(separator: ",").compactMap { text(String($0)) }
        default: return []
        }
    }
}
