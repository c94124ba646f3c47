import Foundation

/// Reads the arXiv metadata snapshot: JSON lines (plain or gzip), one paper
/// per line, with `id`, `title`, `abstract`, `authors`, `authors_parsed`
/// (`[[last, first, suffix]]`), `categories`, `versions` and `update_date`.
enum SnapshotReader {
    /// True when the file's first line is a snapshot record. Reads (and
    /// inflates) only the start of the file: every file an import is given
    /// is asked this.
    static func isSnapshot(path: String) -> Bool {
        guard let stream = try? LineStream(path: path, readSize: 16 << 10), let first = try? stream.next(),
              first.first == UInt8(ascii: "{"),
              let line = try? decoder.decode(SnapshotLine.self, from: Data(first)) else { return false }
        return line.id != nil && line.abstract != nil
            && (line.authorsParsed != nil || line.extra.versions != nil || line.updateDate != nil)
    }

    /// One line as a record; the error says what is wrong with it.
    static func record(_ line: ArraySlice<UInt8>) throws -> CatalogueRecord {
        let parsed: SnapshotLine
        do {
            parsed = try decoder.decode(SnapshotLine.self, from: Data(line))
        } catch {
            throw DigestReadError("not a snapshot record (\(SnapshotReader.reason(error)))")
        }
        guard let rawID = parsed.id, let id = ArxivID.parse(rawID)?.id else {
            throw DigestReadError("no arXiv id (\"id\")")
        }
        guard let rawTitle = parsed.title, case let title = collapseWhitespace(rawTitle), !title.isEmpty else {
            throw DigestReadError("\(id) has no title")
        }
        let created = (parsed.extra.versions ?? []).compactMap(\.created)
        let published = created.first.flatMap(SnapshotReader.day(ofCreated:))
        let updated = parsed.updateDate.flatMap(SnapshotReader.day(ofISO:))
            ?? created.last.flatMap(SnapshotReader.day(ofCreated:)) ?? published ?? "0000-00-00"
        let extra = parsed.extra.isEmpty ? nil : String(decoding: try encoder.encode(parsed.extra), as: UTF8.self)
        let names = authors(parsed).map(TeXDecoder.decode)
        return CatalogueRecord(
            arxivID: id,
            title: title,
            abstract: collapseWhitespace(parsed.abstract ?? ""),
            authors: names,
            authorKeys: names.map(PersonName.key(ofDecoded:)),
            categories: parsed.categories?.split(separator: " ").map(String.init) ?? [],
            published: published,
            updated: updated,
            extra: extra
        )
    }

    nonisolated(unsafe) static let decoder = JSONDecoder()
    nonisolated(unsafe) static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Names as written (TeX escapes kept): from `authors_parsed` when the
    /// line has it (`[last, first, suffix]`), else split from `authors`.
    static func authors(_ line: SnapshotLine) -> [String] {
        if let parsed = line.authorsParsed {
            return parsed.map { parts in
                let last = parts.first ?? "", first = parts.count > 1 ? parts[1] : "", suffix = parts.count > 2 ? parts[2] : ""
                return collapseWhitespace([first, last, suffix].filter { !$0.isEmpty }.joined(separator: " "))
            }.filter { !$0.isEmpty }
        }
        return AuthorList.split(line.authors ?? "")
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.keyNotFound(_, let context), DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not JSON" : "bad \(path)"
        default:
            return "not JSON"
        }
    }

    /// `2007-04-07` as it is (checked without a regular expression: it is on every line).
    static func day(ofISO text: String) -> String? {
        let b = Array(text.utf8)
        let isDay = b.count == 10 && b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-")
            && b.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
        return isDay ? text : DigestDate.parse(text)
    }

    /// `2007-04-02` from `Mon, 2 Apr 2007 19:18:42 GMT`.
    static func day(ofCreated text: String) -> String? {
        let parts = text.split(separator: " ")
        guard parts.count >= 4, let day = Int(parts[1]), let year = Int(parts[3]),
              let month = months.firstIndex(of: String(parts[2])) else { return nil }
        return DigestDate.make(year: year, month: month + 1, day: day)
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// One snapshot line: the keys arxive stores in columns, typed, and every
/// other key (nulls left out) for the `catalogue` column.
struct SnapshotLine: Decodable {
    var id: String?
    var title: String?
    var abstract: String?
    var authors: String?
    var authorsParsed: [[String]]?
    var categories: String?
    var updateDate: String?
    var extra = Extra()

    struct Version: Codable {
        var version: String?
        var created: String?
    }

    /// The snapshot's other keys: the known ones typed (fast to decode),
    /// any key a later snapshot adds kept as it came.
    struct Extra: Encodable {
        var submitter: String?
        var comments: String?
        var journalRef: String?
        var doi: String?
        var reportNo: String?
        var license: String?
        var versions: [Version]?
        var other: [String: JSONValue] = [:]

        var isEmpty: Bool {
            submitter == nil && comments == nil && journalRef == nil && doi == nil && reportNo == nil
                && license == nil && versions == nil && other.isEmpty
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encodeIfPresent(submitter, forKey: AnyKey("submitter"))
            try c.encodeIfPresent(comments, forKey: AnyKey("comments"))
            try c.encodeIfPresent(journalRef, forKey: AnyKey("journal-ref"))
            try c.encodeIfPresent(doi, forKey: AnyKey("doi"))
            try c.encodeIfPresent(reportNo, forKey: AnyKey("report-no"))
            try c.encodeIfPresent(license, forKey: AnyKey("license"))
            try c.encodeIfPresent(versions, forKey: AnyKey("versions"))
            for (key, value) in other { try c.encode(value, forKey: AnyKey(key)) }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        for key in c.allKeys {
            switch key.stringValue {
            case "id": id = try c.decodeIfPresent(String.self, forKey: key)
            case "title": title = try c.decodeIfPresent(String.self, forKey: key)
            case "abstract": abstract = try c.decodeIfPresent(String.self, forKey: key)
            case "authors": authors = try c.decodeIfPresent(String.self, forKey: key)
            case "authors_parsed": authorsParsed = try c.decodeIfPresent([[String]].self, forKey: key)
            case "categories": categories = try c.decodeIfPresent(String.self, forKey: key)
            case "update_date": updateDate = try c.decodeIfPresent(String.self, forKey: key)
            case "versions": extra.versions = try c.decodeIfPresent([Version].self, forKey: key)
            case "submitter": extra.submitter = try? c.decodeIfPresent(String.self, forKey: key)
            case "comments": extra.comments = try? c.decodeIfPresent(String.self, forKey: key)
            case "journal-ref": extra.journalRef = try? c.decodeIfPresent(String.self, forKey: key)
            case "doi": extra.doi = try? c.decodeIfPresent(String.self, forKey: key)
            case "report-no": extra.reportNo = try? c.decodeIfPresent(String.self, forKey: key)
            case "license": extra.license = try? c.decodeIfPresent(String.self, forKey: key)
            default:
                let value = try c.decode(JSONValue.self, forKey: key)
                if value != .null { extra.other[key.stringValue] = value }
            }
        }
    }
}
