import Foundation

/// Reads the daily JSON: an object keyed by arXiv id, in published order, each
/// value an object with `title`, `authors`, `abstract` and the verdict
/// (`RELEVANCE`, `NOVELTY`, `SCORE`, `COMMENT` as numbers or numeric strings).
/// Every other key (topic labels, tags, categories) is kept in `extra`.
///
/// Forks write the same papers under `papers`, beside day-level texts
/// (`summary_en`, `summary_cn`: kept with the run), with their scores as
/// strings under `RELEVANCE_SCORE` and `NOVELTY_SCORE` (their `RELEVANCE` is
/// `"True"`, a yes, not a score), and translated fields (`title_cn`,
/// `abstract_cn`) kept in `extra`; a placeholder such as `[Translation
/// Failed]` counts as no text.
public enum JSONDigestReader {
    /// Keys arxive reads itself; everything else goes to `extra`.
    static let known: Set<String> = [
        "title", "authors", "abstract", "arxiv_id", "ARXIVID", "COMMENT", "RELEVANCE", "NOVELTY", "SCORE", "RELEVANCE_SCORE", "NOVELTY_SCORE",
    ]

    public static func read(_ data: Data) throws(DigestReadError) -> Digest {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw DigestReadError(line: JSONKeyOrder.lineOfFirstError(in: data), "not valid JSON")
        }
        guard let root = object as? [String: Any] else {
            throw DigestReadError(line: 1, "expected an object keyed by arXiv id")
        }
        // JSONSerialization loses key order; the file's order is the published order.
        var entries = root
        var order = JSONKeyOrder.topLevelKeys(in: data)
        var header: RunHeader?
        if let nested = root["papers"] as? [String: Any] {
            entries = nested
            order = JSONKeyOrder.keys(ofObject: "papers", in: data).map(\.key)
            header = dayTexts(root)
        }
        var papers: [DigestPaper] = []
        for key in order where entries[key] != nil {
            guard let fields = entries[key] as? [String: Any] else {
                throw DigestReadError(line: JSONKeyOrder.line(ofKey: key, in: data), "'\(key)' is not an object")
            }
            do {
                papers.append(try paper(key: key, fields))
            } catch {
                throw DigestReadError(line: JSONKeyOrder.line(ofKey: key, in: data), error.message)
            }
        }
        return Digest(format: .json, date: nil, header: header, papers: papers)
    }

    /// The day-level texts beside `papers`: `summary_en` (else `summary`) is the
    /// run's summary; every day-level text is kept in the run's `extra`.
    static func dayTexts(_ root: [String: Any]) -> RunHeader? {
        let texts = root.filter { $0.key != "papers" }.compactMapValues { value -> String? in
            guard let text = value as? String, !text.trimmed.isEmpty else { return nil }
            return isPlaceholder(text) ? nil : text
        }
        guard !texts.isEmpty else { return nil }
        var header = RunHeader()
        header.summary = texts["summary_en"] ?? texts["summary"] ?? texts.sorted(by: { $0.key < $1.key }).first { $0.key.hasPrefix("summary") }?.value
        header.extra = JSONText.write(texts)
        return header
    }

    /// `[Translation Failed]`, `Error: ...`: a text that stands for none.
    /// Its first byte decides for almost every text: this runs on every string of every verdict.
    static func isPlaceholder(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }),
            first == UInt8(ascii: "[") || first == UInt8(ascii: "E")
        else { return false }
        let t = text.trimmed
        return (t.hasPrefix("[") && t.hasSuffix("]") && t.lowercased().contains("fail")) || t.hasPrefix("Error:")
    }

    static func paper(key: String, _ f: [String: Any]) throws(DigestReadError) -> DigestPaper {
        let idText = (f["arxiv_id"] as? String) ?? (f["ARXIVID"] as? String) ?? key
        guard let id = ArxivID.parse(idText) else { throw DigestReadError("'\(idText)' is not an arXiv id") }
        guard let title = f["title"] as? String else { throw DigestReadError("\(key): no title") }
        let authors: [String]
        switch f["authors"] {
        case let list as [Any]: authors = AuthorList.rejoin(list.compactMap { $0 as? String })
        case let text as String: authors = AuthorList.split(text)
        default: authors = []
        }
        func score(_ name: String, or alternative: String) throws(DigestReadError) -> Int? {
            // `"RELEVANCE": "True"` is a yes, not a score: the score is then under the alternative key.
            if let raw = f[name], !(raw is NSNull), !isYesOrNo(raw) {
                guard let n = Number.int(raw) else { throw DigestReadError("\(key): \(name) '\(raw)' is not a whole number") }
                return n
            }
            guard let raw = f[alternative], !(raw is NSNull) else { return nil }
            guard let n = Number.int(raw) else { throw DigestReadError("\(key): \(alternative) '\(raw)' is not a whole number") }
            return n
        }
        let prefix = FeedPrefix.strip((f["abstract"] as? String) ?? "")
        // JSONText, not JSONSerialization.data: that writer was a sixth of
        // the reader thread on today's output folders (their papers carry
        // topic fields), as it was for the hotspot reports.
        var extraFields = f.filter { !known.contains($0.key) && !isTranslationPlaceholder(key: $0.key, $0.value) }
        if let yes = f["RELEVANCE"], isYesOrNo(yes) { extraFields["RELEVANCE"] = yes }
        let extra = extraFields.isEmpty ? nil : JSONText.write(extraFields)
        var paper = DigestPaper(
            arxivID: id.id, title: collapseWhitespace(title),
            authors: authors, abstract: prefix.abstract,
            relevance: try score("RELEVANCE", or: "RELEVANCE_SCORE"), novelty: try score("NOVELTY", or: "NOVELTY_SCORE"),
            score: Number.double(f["SCORE"]),
            comment: f["COMMENT"] as? String,
            arxivVersion: prefix.version ?? id.version, announceType: prefix.announceType,
            extra: extra, topics: TopicFields.assignment(in: f)
        )
        paper.completeVerdict()
        return paper
    }

    /// A translated field (`title_cn`, `abstract_cn`) whose text is a placeholder: kept as no text.
    static func isTranslationPlaceholder(key: String, _ value: Any) -> Bool {
        guard key.hasPrefix("title_") || key.hasPrefix("abstract_"), let text = value as? String else { return false }
        return isPlaceholder(text)
    }

    /// `true`, `"True"`, `"no"`: a yes or no where a score may stand.
    static func isYesOrNo(_ value: Any) -> Bool {
        // JSON's true (a Bool to JSONSerialization, a number 9 is not), or a short string.
        if value is Bool { return true }
        guard let text = value as? String, text.utf8.count <= 7 else { return false }
        switch text.trimmed.lowercased() {
        case "true", "false", "yes", "no": return true
        default: return false
        }
    }
}

/// What JSONSerialization does not tell: the order and lines of keys.
enum JSONKeyOrder {
    /// The first key of the top-level object; nil for `{}` or anything else.
    static func firstKey(in data: Data) -> String? {
        var i = data.startIndex
        func skipSpace() { while i < data.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(data[i]) { i += 1 } }
        skipSpace()
        guard i < data.endIndex, data[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        skipSpace()
        guard i < data.endIndex, data[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        i = start
        while i < data.endIndex, data[i] != UInt8(ascii: "\"") {
            if data[i] == UInt8(ascii: "\\") { return topLevelKeys(in: data).first }  // an escape: decode properly
            i += 1
        }
        return String(decoding: data[start..<i], as: UTF8.self)
    }

    /// The keys of the top-level object, in file order.
    static func topLevelKeys(in data: Data) -> [String] {
        var keys: [String] = []
        scan(data) { depth, string, isKey, _ in if depth == 1 && isKey { keys.append(string) } }
        return keys
    }

    /// The keys of the object under the top-level key `name` (a topic
    /// bundle's `papers`), in file order, with their lines.
    static func keys(ofObject name: String, in data: Data) -> [(key: String, line: Int)] {
        var keys: [(key: String, line: Int)] = []
        var top: String?
        scan(data, depth: 2) { depth, string, isKey, line in
            guard isKey else { return }
            if depth == 1 { top = string } else if top == name { keys.append((string, line)) }
        }
        return keys
    }

    /// 1-based line of a top-level key.
    static func line(ofKey key: String, in data: Data) -> Int? {
        var found: Int?
        scan(data) { depth, string, isKey, line in
            if found == nil, depth == 1, isKey, string == key { found = line }
        }
        return found
    }

    /// The line where the text stops being valid JSON, roughly: the line of
    /// the last byte scanned before the structure broke. Good enough to point at.
    static func lineOfFirstError(in data: Data) -> Int? {
        var depth = 0, line = 1, lastGood = 1
        var inString = false, escaped = false
        for byte in data {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth < 0 { return line }
            default: break
            }
            if depth > 0, byte != 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09 { lastGood = line }
        }
        return depth == 0 ? line : lastGood
    }

    /// Walks the keys down to `depth` with their nesting depth; `isKey` when a `:` follows.
    private static func scan(_ data: Data, depth keyDepth: Int = 1, _ visit: (Int, String, Bool, Int) -> Void) {
        let bytes = [UInt8](data)
        var i = 0, depth = 0, line = 1
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\n"): line += 1; i += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; i += 1
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                let end = min(i, bytes.count)
                i += 1
                var j = i
                while j < bytes.count,
                    bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: "\t") || bytes[j] == UInt8(ascii: "\r")
                { j += 1 }
                let isKey = j < bytes.count && bytes[j] == UInt8(ascii: ":")
                // Only keys are wanted: decode nothing else (abstracts are long).
                guard depth >= 1, depth <= keyDepth, isKey else { continue }
                let inner = bytes[(start + 1)..<end]
                // A key without escapes (an arXiv id) is its bytes; one with escapes is decoded as JSON.
                let string =
                    !inner.contains(UInt8(ascii: "\\"))
                    ? String(decoding: inner, as: UTF8.self)
                    : (try? JSONSerialization.jsonObject(with: Data(bytes[start...min(end, bytes.count - 1)]), options: [.fragmentsAllowed])) as? String
                        ?? String(decoding: inner, as: UTF8.self)
                visit(depth, string, isKey, line)
            default: i += 1
            }
        }
    }
}
