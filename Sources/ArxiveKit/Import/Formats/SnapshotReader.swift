import Foundation

/// Reads the arXiv metadata snapshot: JSON lines (plain or gzip), one paper
/// per line, with `id`, `title`, `abstract`, `authors`, `authors_parsed`
/// (`[[last, first, suffix]]`), `categories`, `versions` and `update_date`.
enum SnapshotReader {
    /// True when the file's first line is a snapshot record. Reads (and
    /// inflates) only the start of the file: every file an import is given
    /// is asked this.
    ///
    /// The first key decides most files first: a report written on one line
    /// (a hotspot report is 60 KB) was read and parsed whole here, a third
    /// of importing a year of hotspot reports.
    static func isSnapshot(path: String) -> Bool {
        guard let stream = try? LineStream(path: path, readSize: 16 << 10),
            let head = try? stream.peek(1024), let key = JSONKeyOrder.firstKey(in: Data(head)), recordKeys.contains(key),
            let first = try? stream.next(),
            first.first == UInt8(ascii: "{"),
            let line = try? first.withUnsafeBufferPointer({ bytes throws(DigestReadError) in try SnapshotLine(bytes) })
        else { return false }
        return line.id != nil && line.abstract != nil && (line.authorsParsed != nil || line.hasVersions || line.updateDate != nil)
    }

    /// The keys of a snapshot record (arXiv's OAI metadata, as Kaggle writes it), in any order.
    static let recordKeys: Set<String> = [
        "id", "submitter", "authors", "title", "comments", "journal-ref", "doi", "report-no",
        "categories", "license", "abstract", "versions", "update_date", "authors_parsed",
    ]

    /// One line as a record; the error says what is wrong with it. `names`
    /// remembers the names of earlier lines.
    static func record(_ line: ArraySlice<UInt8>, names: inout SnapshotNames) throws -> CatalogueRecord {
        let parsed = try line.withUnsafeBufferPointer { bytes throws(DigestReadError) in try SnapshotLine(bytes) }
        guard let rawID = parsed.id, let id = ArxivID.parse(rawID)?.id else {
            throw DigestReadError("no arXiv id (\"id\")")
        }
        guard let rawTitle = parsed.title, case let title = collapseWhitespace(rawTitle), !title.isEmpty else {
            throw DigestReadError("\(id) has no title")
        }
        let created = parsed.created
        let published = created.first.flatMap(SnapshotReader.day(ofCreated:))
        let updated =
            parsed.updateDate.flatMap(SnapshotReader.day(ofISO:))
            ?? created.last.flatMap(SnapshotReader.day(ofCreated:)) ?? published ?? "0000-00-00"
        let authors = authors(parsed).map { names.name($0) }
        return CatalogueRecord(
            arxivID: id,
            title: title,
            abstract: collapseWhitespace(parsed.abstract ?? ""),
            authors: authors.map(\.display),
            authorKeys: authors.map(\.key),
            categories: parsed.categories.map(collapseWhitespace)?.split(separator: " ").map(String.init) ?? [],
            published: published,
            updated: updated,
            extra: parsed.extra
        )
    }

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

    /// `2007-04-07` as it is (checked without a regular expression: it is on every line).
    static func day(ofISO text: String) -> String? {
        let b = Array(text.utf8)
        let isDay =
            b.count == 10 && b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-")
            && b.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
        return isDay ? text : DigestDate.parse(text)
    }

    /// `2007-04-02` from `Mon, 2 Apr 2007 19:18:42 GMT`.
    static func day(ofCreated text: String) -> String? {
        // Bytes: a split into `Character`s was 7% of the reader thread.
        let parts = text.utf8.split(separator: UInt8(ascii: " "))
        guard parts.count >= 4, let day = Int(Substring(parts[1])), let year = Int(Substring(parts[3])),
            let month = months.firstIndex(where: { $0.utf8.elementsEqual(parts[2]) })
        else { return nil }
        return DigestDate.make(year: year, month: month + 1, day: day)
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// Display names and match keys of the names met so far, by the name as
/// the snapshot writes it. Authors come back paper after paper, and a name's
/// TeX decoding and key (an ICU transform when it is not ASCII) took a
/// quarter of the reader thread's instructions.
struct SnapshotNames {
    /// At most this many names are kept, so that memory stays bounded.
    static let limit = 200_000
    private var known: [String: (display: String, key: String)] = [:]

    mutating func name(_ written: String) -> (display: String, key: String) {
        if let hit = known[written] { return hit }
        if known.count >= SnapshotNames.limit { known.removeAll(keepingCapacity: true) }
        let display = TeXDecoder.decode(written)
        let entry = (display, PersonName.key(ofDecoded: display))
        known[written] = entry
        return entry
    }
}

/// One snapshot line: the keys arxive stores in columns, and every other
/// key (nulls left out) for the `catalogue` column.
struct SnapshotLine {
    var id: String?
    var title: String?
    var abstract: String?
    var authors: String?
    var authorsParsed: [[String]]?
    var categories: String?
    var updateDate: String?
    /// Whether the line has `versions`, and each version's `created`, in order.
    var hasVersions = false
    var created: [String] = []
    /// The other keys as one JSON object: keys sorted, each value as the
    /// line wrote it (nil when there is none).
    var extra: String?

    /// Reads a line; the error says what is wrong with it. Bytes that are
    /// not UTF-8 are read as U+FFFD, as `String(decoding:)` does.
    init(_ line: UnsafeBufferPointer<UInt8>) throws(DigestReadError) {
        var cursor = JSONCursor(line)
        var others: [(key: String, value: String)] = []
        var badKey: String?
        /// A value of the type `read` reads, or nil when it is `null` or
        /// another type (then noted in `badKey`; the line must still be JSON).
        func typed<T>(
            _ key: String, _ cursor: inout JSONCursor,
            _ read: (inout JSONCursor) throws(JSONCursor.Failure) -> T
        ) throws(JSONCursor.Failure) -> T? {
            let mark = cursor
            do {
                return try cursor.skipNull() ? nil : read(&cursor)
            } catch {
                cursor = mark
                try cursor.skipValue()
                badKey = badKey ?? key
                return nil
            }
        }
        func string(_ cursor: inout JSONCursor) throws(JSONCursor.Failure) -> String { try cursor.string() }
        do {
            try cursor.object { key, cursor throws(JSONCursor.Failure) in
                switch key {
                case "id": id = try typed(key, &cursor, string)
                case "title": title = try typed(key, &cursor, string)
                case "abstract": abstract = try typed(key, &cursor, string)
                case "authors": authors = try typed(key, &cursor, string)
                case "categories": categories = try typed(key, &cursor, string)
                case "update_date": updateDate = try typed(key, &cursor, string)
                case "authors_parsed":
                    authorsParsed = try typed(key, &cursor) { cursor throws(JSONCursor.Failure) in
                        var names: [[String]] = []
                        try cursor.array { cursor throws(JSONCursor.Failure) in
                            var parts: [String] = []
                            try cursor.array { cursor throws(JSONCursor.Failure) in parts.append(try cursor.string()) }
                            names.append(parts)
                        }
                        return names
                    }
                default:
                    // Kept as written; `versions` is also read for its days.
                    let mark = cursor
                    let value = cursor.text(try cursor.skipValue())
                    if key == "versions" { created = SnapshotLine.created(in: mark); hasVersions = true }
                    if value != "null" { others.append((key, value)) }
                }
            }
            try cursor.end()
        } catch {
            throw DigestReadError("not a snapshot record (not JSON)")
        }
        if let badKey { throw DigestReadError("not a snapshot record (bad \(badKey))") }
        extra = SnapshotLine.object(others)
    }

    /// The `created` strings of a `versions` array (`[{"version": "v1",
    /// "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]`); none when it is shaped otherwise.
    private static func created(in versions: JSONCursor) -> [String] {
        var cursor = versions, days: [String] = []
        do {
            try cursor.array { cursor throws(JSONCursor.Failure) in
                try cursor.object { key, cursor throws(JSONCursor.Failure) in
                    guard key == "created" else { try cursor.skipValue(); return }
                    if try !cursor.skipNull() { days.append(try cursor.string()) }
                }
            }
        } catch {
            return []
        }
        return days
    }

    /// `{"key":value,...}` with the keys sorted (the last of a repeated key wins).
    private static func object(_ members: [(key: String, value: String)]) -> String? {
        guard !members.isEmpty else { return nil }
        // A handful of members: kept sorted as they come, without a dictionary.
        var sorted: [(key: String, value: String)] = []
        for member in members {
            if let i = sorted.firstIndex(where: { $0.key >= member.key }) {
                if sorted[i].key == member.key { sorted[i] = member } else { sorted.insert(member, at: i) }
            } else {
                sorted.append(member)
            }
        }
        var text = "{"
        for (n, member) in sorted.enumerated() {
            text += (n == 0 ? "" : ",") + quoted(member.key) + ":" + member.value
        }
        return text + "}"
    }

    /// A key as a JSON string.
    private static func quoted(_ key: String) -> String {
        if key.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) { return "\"" + key + "\"" }
        var out = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "\u{0}"..<" ": out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
