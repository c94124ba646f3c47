/// Which of the user's marks a learned ranker takes as its positives.
public enum MarkedPapers: Codable, Equatable, Sendable, CustomStringConvertible {
    case starred
    case tag(String)

    /// `starred`, or a tag's name (`tag:NAME` is read as the tag too).
    public init(_ text: String) {
        if text == "starred" { self = .starred } else if text.hasPrefix("tag:") { self = .tag(String(text.dropFirst(4))) } else { self = .tag(text) }
    }

    public var description: String {
        switch self {
        case .starred: "starred"
        case .tag(let name): "tag:\(name)"
        }
    }

    /// Stored in rank profiles as its description.
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// One feature's part in a recommendation: a term of the index (stemmed, as
/// the index holds it) or an author, and its points (weight × value).
public struct RecommendReason: Encodable, Equatable, Sendable {
    public var kind: String
    public var value: String
    public var points: Double
}

/// A paper `recommend` found, with the model's probability that it belongs
/// with the marked papers, and (with `--explain`) its strongest features.
public struct Recommendation: Encodable, Equatable, Sendable {
    public var paper: PaperHit
    public var score: Double
    public var reasons: [RecommendReason]

    enum CodingKeys: String, CodingKey { case score = "recommend_score", reasons }

    public func encode(to encoder: any Encoder) throws {
        try paper.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(score, forKey: .score)
        try c.encode(reasons, forKey: .reasons)
    }
}

/// What `recommend` learned from, and what it returns.
public struct Recommendations: Equatable, Sendable {
    public struct Training: Encodable, Equatable, Sendable {
        public var positives: Int
        /// Dismissed papers (all of them) and unmarked papers (a sample).
        public var dismissed: Int
        public var unmarked: Int
        public var features: Int
        public var iterations: Int
        /// Papers in scope that were scored (the marked ones left out).
        public var candidates: Int
    }

    public var training: Training
    public var papers: [Recommendation]
}
