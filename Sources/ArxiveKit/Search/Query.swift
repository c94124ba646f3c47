/// A parsed query: the one grammar every command that takes a query uses.
public indirect enum Query: Equatable, Sendable {
    /// Words or a phrase to find with FTS5.
    case text(TextTerm)
    /// A condition on stored fields, checked in SQL.
    case filter(Filter)
    case and([Query])
    case or([Query])
    case not(Query)

    /// True when FTS5 alone can answer it: text only, and every NOT has a
    /// positive term beside it (FTS5's NOT is binary: `a NOT b`).
    var isFTSExpressible: Bool {
        switch self {
        case .text: true
        case .filter, .not: false
        case .or(let parts): parts.allSatisfy(\.isFTSExpressible)
        case .and(let parts):
            parts.contains(where: \.isFTSExpressible)
                && parts.allSatisfy { if case .not(let inner) = $0 { inner.isFTSExpressible } else { $0.isFTSExpressible } }
        }
    }

    /// Its positive words and phrases, in order, without fields, filters,
    /// `*` or excluded words: the text a search by meaning embeds. Empty for
    /// a query of filters only.
    public var meaningText: String {
        switch self {
        case .text(let term): term.text
        case .filter, .not: ""
        case .and(let parts), .or(let parts): parts.map(\.meaningText).filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// True when some word of it is a `prefix*`.
    var hasPrefixTerm: Bool {
        switch self {
        case .text(let term): term.isPrefix
        case .filter: false
        case .not(let inner): inner.hasPrefixTerm
        case .and(let parts), .or(let parts): parts.contains(where: \.hasPrefixTerm)
        }
    }
}

/// A word, `prefix*` or `"a phrase"`, optionally scoped to one field.
public struct TextTerm: Equatable, Sendable {
    public enum Field: String, Sendable {
        case any, title, abstract, comments
    }

    public var field: Field
    public var text: String
    public var isPrefix: Bool

    public init(field: Field = .any, text: String, isPrefix: Bool = false) {
        self.field = field
        self.text = text
        self.isPrefix = isPrefix
    }
}

/// A numeric condition: `>=8`, `<3`, `7`, `5..8`.
public struct NumberRange: Equatable, Sendable {
    public var lower: Double?
    public var lowerInclusive = true
    public var upper: Double?
    public var upperInclusive = true

    public init(lower: Double? = nil, lowerInclusive: Bool = true, upper: Double? = nil, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }
}

public enum Filter: Equatable, Sendable {
    /// `id:2512.22471`: the paper itself.
    case arxivID(String)
    /// `au:NAME`: a word of an author's name, or a whole name matched as `arxive author` does.
    case author(String, isPrefix: Bool)
    /// `date:2025-12`, `date:2025-12-01..2025-12-15`: listed in a run in this
    /// range (inclusive); a catalogue paper no digest listed, first published in it.
    case date(from: String?, to: String?)
    case relevance(NumberRange)
    case novelty(NumberRange)
    case score(NumberRange)
    /// `match:author`: the digest flagged it as an author match.
    case authorMatch
    /// `digest:NAME`: listed by that digest.
    case digest(String)
    /// `is:starred`.
    case starred
    /// `is:dismissed`: marked "not for me" with `arxive dismiss`.
    case dismissed
    /// `is:muted`: hidden by a mute (`arxive mute`), followed authors' papers
    /// kept as the mute says.
    case muted
    /// `is:read` (true), `is:unread` (false).
    case read(Bool)
    /// `tag:NAME`.
    case tag(String)
    /// `note:WORD`, `note:"a phrase"`: in the user's note on the paper.
    case note(TextTerm)
    /// `q:NAME`: the saved search of that name, as if written here.
    case saved(String)
    /// `cat:cs.LG`, `cat:astro-ph` (every astro-ph.* category too): an arXiv category of a catalogue paper.
    case category(String)
    /// `in:digest`: listed by a digest; `in:catalogue`: from the arXiv snapshot.
    case inDigest
    case inCatalogue
    /// `topic:memory_systems`, `topic:"Memory Structures ..."`: listed under
    /// the digest's topic of that id or label (case-insensitive), primary or matched.
    case topic(String)
    /// `spotlight:new_frontier`: spotlighted as that kind; `is:spotlight` (nil): as any.
    case spotlight(String?)
    /// `is:monthly-pick`: kept by the generator for its month's overview.
    case monthlyPick
    /// `in:hotspots`: spotlighted by a "Daily AI Hotspots" report.
    case inHotspots
    /// Hotspot searches only (`arxive hot search`): `category:"Product Release"`,
    /// `source:NAME` (a source's id or name), `section:featured`, and a score
    /// (`heat:>=7`, `quality:9`, `final_score:>8`).
    case hotCategory(String)
    case hotSource(String)
    case hotSection(String)
    case hotScore(String, NumberRange)

    /// Conditions on one verdict (a paper's listing in one run).
    var isVerdictCondition: Bool {
        switch self {
        case .date, .relevance, .novelty, .score, .authorMatch, .digest, .topic: true
        case .arxivID, .author, .starred, .dismissed, .muted, .read, .tag, .note, .saved, .category, .inDigest, .inCatalogue, .spotlight, .monthlyPick,
            .inHotspots, .hotCategory, .hotSource, .hotSection, .hotScore:
            false
        }
    }
}

/// A query that cannot run, with the place in it that is wrong.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based column in the query text.
    public var column: Int
    public var message: String

    public var description: String { "query error at column \(column): \(message)" }
}
