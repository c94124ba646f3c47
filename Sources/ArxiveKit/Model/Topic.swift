/// A digest's topic: its own id (`memory_systems`) and label ("Memory
/// Structures and Agent Memory Systems"). A digest that only writes tags
/// (the upstream generator's `TAGS`) has the tag as label and a key made
/// from it (`Topic.key(forLabel:)`).
public struct Topic: Sendable, Hashable, Codable {
    public var key: String
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }

    /// As JSON `{"id": ..., "label": ...}`: the digest's own word for its key.
    enum CodingKeys: String, CodingKey { case key = "id", label }

    /// `Embodied/Agent Learning` -> `embodied_agent_learning`: lowercase
    /// letters and digits, anything else one underscore.
    public static func key(forLabel label: String) -> String {
        var key = ""
        for scalar in label.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
            } else if !key.isEmpty, key.last != "_" {
                key.append("_")
            }
        }
        while key.last == "_" { key.removeLast() }
        return key.isEmpty ? "topic" : key
    }
}

/// The topics a digest gave one verdict.
public struct TopicAssignment: Sendable, Equatable {
    public var primary: Topic?
    /// Every topic it matched, the primary among them, in the source's order.
    public var matched: [Topic]
    /// Why (`TOPIC_MATCH_COMMENT`).
    public var comment: String?
    /// How it was assigned (`TOPIC_ASSIGNMENT_SOURCE`: llm_exact, heuristic, default).
    public var source: String?

    public init(primary: Topic?, matched: [Topic], comment: String? = nil, source: String? = nil) {
        self.primary = primary
        self.matched = matched
        self.comment = comment
        self.source = source
    }

    /// The primary first, then the others, each once.
    public var all: [Topic] {
        var seen = Set<String>()
        return ([primary].compactMap { $0 } + matched).filter { seen.insert($0.key).inserted }
    }
}
