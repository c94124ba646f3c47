import Crypto
import Foundation

/// An Atom 1.0 feed (RFC 4287) of papers, newest first: what `arxive feed`
/// and the site's `feeds/` write, for a feed reader to follow a search.
///
/// An entry's id is the paper's arXiv abs URL, so a reader sees the same
/// paper as the same entry in every feed and every run; its `updated` is the
/// last day a digest listed it (midnight UTC), `published` the first. Its
/// content is HTML (escaped into the XML): the latest verdict, the digest's
/// comment, the user's note, the abstract. Everything from a digest is
/// escaped twice over: as HTML inside, as XML outside.
public enum AtomFeed {
    /// What a feed follows: a query (a saved search is `q:NAME`), or the
    /// papers of followed authors (what `arxive matches` lists).
    public enum Source: Equatable, Sendable {
        case query(String)
        /// A saved search by its name (which `q:NAME` cannot always spell: it may hold spaces).
        case saved(name: String, query: String)
        case following

        public var title: String {
            switch self {
            case .query(let query): "arxive: \(query)"
            case .saved(let name, _): "arxive: saved search \(name)"
            case .following: "arxive: papers by followed authors"
            }
        }

        /// What the feed's id is made from: the same source, the same id.
        var key: String {
            switch self {
            case .query(let query): "query \(query)"
            case .saved(let name, _): "saved \(name)"
            case .following: "following"
            }
        }

        /// The newest `limit` papers it finds, newest first (as `records(matching:)` orders them),
        /// less what a mute hides unless `showMuted`: a feed is a listing like `search`.
        public func records(_ archive: Archive, limit: Int, showMuted: Bool = false) throws -> [PaperRecord] {
            switch self {
            case .query(let query), .saved(_, let query):
                let parsed = try QueryParser.parse(query)
                let hiding = showMuted || MuteRules.mentionsMuted(parsed) ? parsed : .and([parsed, .not(.filter(.muted))])
                return try archive.records(matching: hiding, limit: limit)
            case .following: return try archive.records(arxivIDs: archive.matches(limit: limit, showMuted: showMuted).map(\.arxivID))
            }
        }
    }

    /// How many papers a feed holds unless told otherwise: a reader polls
    /// often, and a month of a busy search is about this many.
    public static let defaultLength = 50

    /// The feed of `records` (newest first). Its `updated` is the newest
    /// entry's day (1970-01-01 for an empty feed): the same archive writes
    /// the same feed, byte for byte.
    public static func render(_ source: Source, records: [PaperRecord]) -> String {
        let entries = records.map(entry)
        let updated = timestamp(records.compactMap(\.lastSeen).max() ?? "1970-01-01")
        let digest = SHA256.hash(data: Data(source.key.utf8)).map { String(format: "%02x", $0) }.joined()
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(xml(source.title))</title>
              <id>urn:arxive:feed:\(digest.prefix(32))</id>
              <updated>\(updated)</updated>
              <author><name>arxive</name></author>
              <generator version="0.1.0">arxive</generator>
            \(entries.joined())</feed>

            """
    }

    static func entry(_ record: PaperRecord) -> String {
        let url = "https://arxiv.org/abs/\(record.arxivID)"
        let authors = record.authors.map { "    <author><name>\(xml($0))</name></author>\n" }.joined()
        let published = record.firstSeen.map { "    <published>\(timestamp($0))</published>\n" } ?? ""
        return """
              <entry>
                <id>\(xml(url))</id>
                <title>\(xml(record.title))</title>
                <link rel="alternate" type="text/html" href="\(xml(url))"/>
                <updated>\(timestamp(record.lastSeen ?? record.firstSeen ?? "1970-01-01"))</updated>
            \(published)\(authors)    <content type="html">\(xml(content(record).html))</content>
              </entry>

            """
    }

    /// The entry's HTML: verdict and comment, the user's note, the abstract.
    static func content(_ record: PaperRecord) -> Markup {
        var parts: [Markup] = []
        if let latest = record.latest {
            parts.append(
                "<p><b>\(Format.verdict(VerdictFields(relevance: latest.relevance, novelty: latest.novelty, score: latest.score, comment: nil, authorMatch: latest.authorMatch)))</b> · \(latest.digest), \(latest.date)</p>"
            )
            if let comment = latest.comment, !comment.isEmpty { parts.append("<p>\(comment)</p>") }
        }
        if let note = record.marks.note { parts.append("<p><i>Your note:</i> \(note)</p>") }
        if !record.abstract.isEmpty { parts.append("<p>\(record.abstract)</p>") }
        return parts.joined()
    }

    /// A listing day as an Atom date-time: midnight UTC.
    static func timestamp(_ day: String) -> String { "\(day.prefix(10))T00:00:00Z" }

    /// Text for XML: `& < > "` as entities, and without the characters XML
    /// 1.0 forbids (control characters but tab and newlines, lone surrogates
    /// cannot occur in a Swift string, U+FFFE and U+FFFF): a feed reader
    /// refuses the whole feed for one of them.
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
