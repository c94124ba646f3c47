/// Parses the query language into a `Query`.
///
/// Plain words are ANDed; `"a phrase"`; `prefix*`; `OR` (binds tighter than
/// the implicit AND: `moe sparse OR pruning` is moe AND (sparse OR pruning));
/// `-word` or `NOT word`; parentheses; field scopes `ti:` `abs:` `comment:`
/// `au:`; filters `id:` `date:` `rel:` `nov:` `score:` `match:author`
/// `digest:`; the catalogue's `cat:` and `in:digest|catalogue`; the user's
/// marks `is:starred|dismissed|muted|read|unread` `tag:` `note:`; saved searches `q:NAME`;
/// the generators' `topic:` `spotlight:` `is:spotlight` `is:monthly-pick`.
/// Anything else is a `QueryError` that points at the bad part.
public struct QueryParser {
    /// Bounds that keep every query's cost bounded.
    public static let maxLength = 2_000
    public static let maxTerms = 64
    static let maxDepth = 16

    public static let fields = [
        "ti", "abs", "au", "comment", "id", "date", "rel", "nov", "score", "match", "digest",
        "is", "tag", "note", "q", "cat", "in", "topic", "spotlight",
    ]

    /// The fields of a hotspot search (`arxive hot search`); the scores take any score the reports give.
    public static let hotspotFields = ["ti", "date", "category", "source", "section"]
    public static let hotspotScores = [
        "quality", "heat", "importance", "final_score", "frontierness", "technical_depth",
        "cross_source_resonance", "actionability", "evidence_strength", "confidence",
        "display_priority", "occurrence_score", "hype_penalty", "engineering_penalty",
        "substance_penalty", "artifact_boost",
    ]

    /// Parses a hotspot search: words, phrases, prefixes, OR and NOT, and the hotspot fields.
    public static func parseHotspotQuery(_ input: String) throws(QueryError) -> Query {
        try parse(input, hotspots: true)
    }

    public static func parse(_ input: String) throws(QueryError) -> Query {
        try parse(input, hotspots: false)
    }

    static func parse(_ input: String, hotspots: Bool) throws(QueryError) -> Query {
        guard input.count <= maxLength else {
            throw QueryError(column: maxLength + 1, message: "the query is longer than \(maxLength) characters")
        }
        var parser = QueryParser(tokens: try Lexer.tokens(of: input), hotspots: hotspots)
        guard !parser.tokens.isEmpty else { throw QueryError(column: 1, message: "the query is empty") }
        let query = try parser.parseAnd(depth: 0)
        if let extra = parser.peek {
            throw QueryError(column: extra.column, message: "unexpected '\(extra.text)' (a ')' without its '(')")
        }
        guard parser.termCount <= maxTerms else {
            throw QueryError(column: 1, message: "the query has \(parser.termCount) terms; at most \(maxTerms)")
        }
        return query
    }

    var tokens: [Lexer.Token]
    /// Parsing a hotspot search: its fields, not the papers'.
    var hotspots = false
    var index = 0
    var termCount = 0

    var peek: Lexer.Token? { index < tokens.count ? tokens[index] : nil }

    mutating func parseAnd(depth: Int) throws(QueryError) -> Query {
        guard depth <= QueryParser.maxDepth else {
            throw QueryError(column: peek?.column ?? 1, message: "parentheses nest deeper than \(QueryParser.maxDepth)")
        }
        var parts: [Query] = []
        while let token = peek, token.kind != .close {
            if token.kind == .and { index += 1; continue }
            parts.append(try parseOr(depth: depth))
        }
        guard !parts.isEmpty else {
            throw QueryError(column: peek?.column ?? 1, message: "'()' holds nothing to search for")
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func parseOr(depth: Int) throws(QueryError) -> Query {
        var parts = [try parseUnary(depth: depth)]
        while let token = peek, token.kind == .or {
            index += 1
            guard let next = peek, next.kind != .close, next.kind != .or, next.kind != .and else {
                throw QueryError(column: token.column, message: "OR needs a term on both sides")
            }
            parts.append(try parseUnary(depth: depth))
        }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    mutating func parseUnary(depth: Int) throws(QueryError) -> Query {
        guard let token = peek else { throw QueryError(column: 1, message: "the query ends too early") }
        switch token.kind {
        case .not:
            index += 1
            guard let next = peek, next.kind != .close, next.kind != .or, next.kind != .and else {
                throw QueryError(column: token.column, message: "'\(token.text)' needs a term after it")
            }
            return .not(try parseUnary(depth: depth))
        case .open:
            index += 1
            let inner = try parseAnd(depth: depth + 1)
            guard peek?.kind == .close else {
                throw QueryError(column: token.column, message: "'(' is never closed")
            }
            index += 1
            return inner
        case .close:
            throw QueryError(column: token.column, message: "unexpected ')'")
        case .or, .and:
            throw QueryError(column: token.column, message: "\(token.text) needs a term on both sides")
        case .word, .phrase:
            index += 1
            termCount += 1
            return hotspots ? try QueryParser.hotspotTerm(token) : try QueryParser.term(token)
        }
    }

    /// A word or phrase, with its field scope or filter if it has one.
    static func term(_ token: Lexer.Token) throws(QueryError) -> Query {
        if let field = token.field {
            return try fieldTerm(field, token)
        }
        return .text(try textTerm(.any, token.value, isPhrase: token.kind == .phrase, column: token.column))
    }

    /// A word or phrase of a hotspot search.
    static func hotspotTerm(_ token: Lexer.Token) throws(QueryError) -> Query {
        guard let field = token.field else {
            return .text(try textTerm(.any, token.value, isPhrase: token.kind == .phrase, column: token.column))
        }
        let (value, column) = (token.value, token.column)
        guard !value.isEmpty else { throw QueryError(column: column, message: "'\(field):' needs a value") }
        switch field {
        case "ti": return .text(try textTerm(.title, value, isPhrase: token.kind == .phrase, column: column))
        case "date": return .filter(try dateRange(value, column: column))
        case "category": return .filter(.hotCategory(value))
        case "source": return .filter(.hotSource(value))
        case "section":
            let sections = HotspotReport.SectionKind.allCases.map(\.rawValue)
            let name = value.lowercased().replacingOccurrences(of: "-", with: "_")
            guard sections.contains(name) else {
                throw QueryError(column: column, message: "'section:' takes \(sections.joined(separator: ", ")), not '\(value)'")
            }
            return .filter(.hotSection(name))
        case _ where hotspotScores.contains(field):
            return .filter(.hotScore(field.uppercased(), try numberRange(value, field: field, column: column)))
        default:
            throw QueryError(
                column: column,
                message: "'\(field):' is not a hotspot field (fields: \((hotspotFields + hotspotScores).joined(separator: " "))); "
                    + "quote it to search the text: \"\(field):\(value)\"")
        }
    }

    static func textTerm(_ field: TextTerm.Field, _ value: String, isPhrase: Bool, column: Int) throws(QueryError) -> TextTerm {
        var text = value
        var isPrefix = false
        if !isPhrase, text.hasSuffix("*") {
            while text.hasSuffix("*") { text.removeLast() }
            isPrefix = true
        }
        // FTS5's tokenizer keeps letters and digits only: a term without any would match nothing, silently.
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw QueryError(column: column, message: "'\(value)' has no letters or digits to search for")
        }
        return TextTerm(field: field, text: text, isPrefix: isPrefix)
    }

    static func fieldTerm(_ field: String, _ token: Lexer.Token) throws(QueryError) -> Query {
        let value = token.value
        let column = token.column
        let isPhrase = token.kind == .phrase
        guard !value.isEmpty else {
            throw QueryError(column: column, message: "'\(field):' needs a value")
        }
        switch field {
        case "ti": return .text(try textTerm(.title, value, isPhrase: isPhrase, column: column))
        case "abs": return .text(try textTerm(.abstract, value, isPhrase: isPhrase, column: column))
        case "comment": return .text(try textTerm(.comments, value, isPhrase: isPhrase, column: column))
        case "au":
            let prefix = !isPhrase && value.hasSuffix("*")
            let name = prefix ? String(value.dropLast()) : value
            guard !PersonName.key(for: name).isEmpty else {
                throw QueryError(column: column, message: "'au:\(value)' has no letters to match a name")
            }
            return .filter(.author(name, isPrefix: prefix))
        case "id":
            guard let id = ArxivID.parse(value) else {
                throw QueryError(column: column, message: "'\(value)' is not an arXiv id (like 2512.22471 or hep-th/9901001)")
            }
            return .filter(.arxivID(id.id))
        case "date": return .filter(try dateRange(value, column: column))
        case "rel": return .filter(.relevance(try numberRange(value, field: field, column: column)))
        case "nov": return .filter(.novelty(try numberRange(value, field: field, column: column)))
        case "score": return .filter(.score(try numberRange(value, field: field, column: column)))
        case "match":
            guard value.lowercased() == "author" else {
                throw QueryError(column: column, message: "'match:' takes 'author' (match:author), not '\(value)'")
            }
            return .filter(.authorMatch)
        case "digest": return .filter(.digest(value))
        case "is": return .filter(try isFilter(value, column: column))
        case "tag": return .filter(.tag(value))
        case "note": return .filter(.note(try textTerm(.any, value, isPhrase: isPhrase, column: column)))
        case "q": return .filter(.saved(value))
        case "cat": return .filter(.category(value))
        case "topic": return .filter(.topic(value))
        case "spotlight": return .filter(.spotlight(value))
        case "in":
            switch value.lowercased() {
            case "digest": return .filter(.inDigest)
            case "catalogue", "catalog": return .filter(.inCatalogue)
            case "hotspots", "hotspot": return .filter(.inHotspots)
            default: throw QueryError(column: column, message: "'in:' takes digest, catalogue or hotspots, not '\(value)'")
            }
        default:
            throw QueryError(
                column: column,
                message: "unknown field '\(field):' (fields: \(fields.joined(separator: " ")); quote it to search the text: \"\(field):\(value)\")")
        }
    }

    /// `is:starred`, `is:dismissed`, `is:muted`, `is:read`, `is:unread`, `is:spotlight`, `is:monthly-pick`.
    static func isFilter(_ value: String, column: Int) throws(QueryError) -> Filter {
        switch value.lowercased() {
        case "starred": .starred
        case "dismissed": .dismissed
        case "muted": .muted
        case "read": .read(true)
        case "unread": .read(false)
        case "spotlight": .spotlight(nil)
        case "monthly-pick": .monthlyPick
        default: throw QueryError(column: column, message: "'is:' takes starred, dismissed, muted, read, unread, spotlight or monthly-pick, not '\(value)'")
        }
    }

    /// `2025`, `2025-12`, `2025-12-30`, and ranges `A..B`, `A..`, `..B`.
    static func dateRange(_ value: String, column: Int) throws(QueryError) -> Filter {
        func bound(_ text: Substring, upper: Bool) throws(QueryError) -> String? {
            if text.isEmpty { return nil }
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            let numbers = parts.map { Int($0) }
            let bad = QueryError(column: column, message: "'\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            guard (1...3).contains(parts.count), !numbers.contains(nil), parts[0].count == 4,
                parts.dropFirst().allSatisfy({ $0.count == 2 })
            else { throw bad }
            let y = numbers[0]!
            switch parts.count {
            case 1:
                return upper ? "\(text)-12-31" : "\(text)-01-01"
            case 2:
                guard DigestDate.make(year: y, month: numbers[1]!, day: 1) != nil else { throw bad }
                return upper ? "\(text)-31" : "\(text)-01"  // string order: any day of the month is <= "-31"
            default:
                guard let d = DigestDate.make(year: y, month: numbers[1]!, day: numbers[2]!) else { throw bad }
                return d
            }
        }
        if let r = value.range(of: "..") {
            let from = try bound(value[..<r.lowerBound], upper: false)
            let to = try bound(value[r.upperBound...], upper: true)
            guard from != nil || to != nil else {
                throw QueryError(column: column, message: "'date:..' needs at least one end")
            }
            if let from, let to, from > to {
                throw QueryError(column: column, message: "'date:\(value)' ends before it starts")
            }
            return .date(from: from, to: to)
        }
        return .date(from: try bound(value[...], upper: false), to: try bound(value[...], upper: true))
    }

    /// `8`, `>=8`, `>7`, `<=3`, `<4`, `=8`, `5..8`.
    static func numberRange(_ value: String, field: String, column: Int) throws(QueryError) -> NumberRange {
        let bad = QueryError(column: column, message: "'\(field):\(value)' is not a number condition (like \(field):>=8, \(field):5..8 or \(field):9)")
        func number(_ s: Substring) throws(QueryError) -> Double {
            guard let n = Double(s), n.isFinite else { throw bad }
            return n
        }
        if let r = value.range(of: "..") {
            let lo = value[..<r.lowerBound], hi = value[r.upperBound...]
            guard !(lo.isEmpty && hi.isEmpty) else { throw bad }
            return NumberRange(lower: lo.isEmpty ? nil : try number(lo), upper: hi.isEmpty ? nil : try number(hi))
        }
        for (op, make) in [
            (">=", { (n: Double) in NumberRange(lower: n) }),
            ("<=", { NumberRange(upper: $0) }),
            (">", { NumberRange(lower: $0, lowerInclusive: false) }),
            ("<", { NumberRange(upper: $0, upperInclusive: false) }),
            ("=", { NumberRange(lower: $0, upper: $0) }),
        ] where value.hasPrefix(op) {
            return make(try number(value.dropFirst(op.count)))
        }
        let n = try number(value[...])
        return NumberRange(lower: n, upper: n)
    }
}
