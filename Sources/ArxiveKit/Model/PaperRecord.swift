import Foundation

/// Everything the archive holds about one paper: what an export writes.
public struct PaperRecord: Encodable, Equatable, Sendable {
    public var arxivID: String
    public var title: String
    public var authors: [String]
    public var abstract: String
    @OrNull public var firstSeen: String?
    @OrNull public var lastSeen: String?
    /// Every listing, oldest first.
    public var verdicts: [Verdict]
    public var marks: PaperMarks
    /// DOI, journal reference, latest version, licence: what the arXiv catalogue says.
    public var catalogue = CatalogueFields()

    /// One listing with every stored field.
    public struct Verdict: Encodable, Equatable, Sendable {
        public var digest: String
        public var date: String
        /// `bundle` for a verdict of the day's other run (`RunVariant`); absent for the published run.
        public var run: String?
        public var position: Int
        @OrNull public var relevance: Int?
        @OrNull public var novelty: Int?
        @OrNull public var score: Double?
        @OrNull public var comment: String?
        public var authorMatch: Bool
        @OrNull public var arxivVersion: Int?
        @OrNull public var announceType: String?
        /// Every other key the source had.
        @OrNull public var extra: JSONValue?
    }

    /// The latest listing (the last day, then digest name, then the published run).
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
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
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
