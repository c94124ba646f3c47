import Foundation

/// Everything the archive holds about one paper: what an export writes.
public struct PaperRecord: Encodable, Equatable, Sendable {
    public var arxivID: String
    public var title: String
    public var authors: [String]
    public var abstract: String
    public var firstSeen: String?
    public var lastSeen: String?
    /// Every listing, oldest first.
    public var verdicts: [Verdict]
    public var marks: PaperMarks
    /// DOI, journal reference, latest version, licence: what the arXiv catalogue says.
    public var catalogue = CatalogueFields()

    /// One listing with every stored field.
    public struct Verdict: Encodable, Equatable, Sendable {
        public var digest: String
        public var date: String
        public var position: Int
        public var relevance: Int?
        public var novelty: Int?
        public var score: Double?
        public var comment: String?
        public var authorMatch: Bool
        public var arxivVersion: Int?
        public var announceType: String?
        /// Every other key the source had.
        public var extra: JSONValue?

        enum CodingKeys: String, CodingKey {
            case digest, date, position, relevance, novelty, score, comment, authorMatch = "author_match",
                 arxivVersion = "arxiv_version", announceType = "announce_type", extra
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(digest, forKey: .digest)
            try c.encode(date, forKey: .date)
            try c.encode(position, forKey: .position)
            try c.encode(relevance, forKey: .relevance)
            try c.encode(novelty, forKey: .novelty)
            try c.encode(score, forKey: .score)
            try c.encode(comment, forKey: .comment)
            try c.encode(authorMatch, forKey: .authorMatch)
            try c.encode(arxivVersion, forKey: .arxivVersion)
            try c.encode(announceType, forKey: .announceType)
            try c.encode(extra, forKey: .extra)
        }
    }

    enum CodingKeys: String, CodingKey {
        case arxivID = "arxiv_id", title, authors, abstract, firstSeen = "first_seen", lastSeen = "last_seen", verdicts, marks, catalogue
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(arxivID, forKey: .arxivID)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try c.encode(abstract, forKey: .abstract)
        try c.encode(firstSeen, forKey: .firstSeen)
        try c.encode(lastSeen, forKey: .lastSeen)
        try c.encode(verdicts, forKey: .verdicts)
        try c.encode(marks, forKey: .marks)
        try c.encode(catalogue, forKey: .catalogue)
    }

    /// The latest listing (the last day, then digest name).
    public var latest: Verdict? { verdicts.last }

    /// The arXiv category the source gave as primary (`primary_category`, else the first of `categories`).
    public var primaryCategory: String? {
        for v in verdicts.reversed() {
            guard case .object(let extra)? = v.extra else { continue }
            if case .string(let c)? = extra["primary_category"] { return c }
            if case .array(let list)? = extra["categories"], case .string(let c)? = list.first { return c }
        }
        return nil
    }
}

/// Any JSON value: how a verdict's `extra` keys are kept and written back.
public enum JSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// Parses JSON text; nil when it is not JSON.
    public static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
