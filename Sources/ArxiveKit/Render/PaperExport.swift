import Foundation

/// The formats of `arxive export` and `--format`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case bibtex, csljson, ris, csv, jsonl, md
}

/// Paper lists in the formats other tools read: BibTeX (LaTeX, Zotero),
/// CSL-JSON (Zotero, pandoc, citeproc), RIS (every reference manager), CSV (spreadsheets), JSON lines (jq,
/// scripts), a Markdown reading list.
public enum PaperExport {
    public static func render(_ records: [PaperRecord], as format: ExportFormat) -> String {
        switch format {
        case .bibtex: bibtex(records)
        case .csljson: cslJSON(records)
        case .ris: ris(records)
        case .csv: csv(records)
        case .jsonl: jsonLines(records)
        case .md: markdown(records)
        }
    }

    // MARK: BibTeX

    /// `@misc` entries with `eprint`, `archivePrefix = {arXiv}` and, when the
    /// source named it, `primaryClass`; names as `Last, First` with TeX accents.
    /// From the catalogue: the published version's `doi`, the journal
    /// reference as the `note`, the latest `version` (biblatex has no licence field).
    public static func bibtex(_ records: [PaperRecord]) -> String {
        let keys = citationKeys(records)
        return records.map { r in
            var fields: [(String, String)] = [
                ("title", "{" + bibtexText(r.title) + "}"),
                ("author", r.authors.map(bibtexName).joined(separator: " and ")),
                ("year", year(of: r.arxivID)),
                ("eprint", r.arxivID),
                ("archivePrefix", "arXiv"),
            ]
            if let primary = r.primaryCategory { fields.append(("primaryClass", primary)) }
            fields.append(("url", "https://arxiv.org/abs/\(r.arxivID)"))
            if let doi = r.catalogue.doi { fields.append(("doi", bibtexText(doi))) }
            if let journal = r.catalogue.journalRef { fields.append(("note", bibtexText(journal))) }
            if let version = r.catalogue.latestVersion {
                fields.append(("version", bibtexText(version.hasPrefix("v") ? String(version.dropFirst()) : version)))
            }
            if !r.abstract.isEmpty { fields.append(("abstract", bibtexText(r.abstract))) }
            let body = fields.filter { !$0.1.isEmpty }
                .map { "  \($0.0.padding(toLength: 13, withPad: " ", startingAt: 0)) = {\($0.1)}" }
                .joined(separator: ",\n")
            return "@misc{\(keys[r.arxivID]!),\n\(body)\n}\n"
        }.joined(separator: "\n")
    }

    /// `surname2025firstword`, the same for the same paper in every export;
    /// papers that would share one get `b`, `c`, ... in arXiv id order.
    package static func citationKeys(_ records: [PaperRecord]) -> [String: String] {
        let stop: Set<String> = ["a", "an", "the", "on", "of", "for", "and", "in", "to", "with", "towards", "toward"]
        func letters(_ s: String) -> String {
            PersonName.key(for: s).filter { $0.isLetter || $0.isNumber }
        }
        var byBase: [String: [String]] = [:]
        for r in records {
            let surname = r.authors.first.map { letters(String($0.split(separator: " ").last ?? "")) } ?? ""
            let word = PersonName.key(for: r.title).split(separator: " ").map(String.init).first { !stop.contains($0) } ?? ""
            let base = (surname.isEmpty ? "arxiv" : surname) + year(of: r.arxivID) + word
            byBase[base, default: []].append(r.arxivID)
        }
        var keys: [String: String] = [:]
        for (base, ids) in byBase {
            for (i, id) in Set(ids).sorted().enumerated() {
                keys[id] = i == 0 ? base : base + String(UnicodeScalar(UInt8(ascii: "a") + UInt8(min(i, 25))))
            }
        }
        return keys
    }

    /// `2512.22471` -> 2025; `hep-th/9901001` -> 1999.
    static func year(of arxivID: String) -> String {
        let digits = arxivID.split(separator: "/").last.map { $0.prefix(2) } ?? ""
        guard let yy = Int(digits) else { return "" }
        return String(yy >= 91 ? 1900 + yy : 2000 + yy)
    }

    /// `Marcel Rød` -> `Rød, Marcel` in TeX: `R{\o}d, Marcel`; `&`, `%`, ...
    /// escaped as in titles (a collaboration may be `R&D Team`).
    package static func bibtexName(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 1, let last = words.last else { return "{" + bibtexText(name) + "}" }
        return bibtexText(String(last)) + ", " + bibtexText(words.dropLast().joined(separator: " "))
    }

    /// Text BibTeX reads as written: TeX accents, special characters escaped,
    /// math (`$...$`) kept, braces balanced.
    package static func bibtexText(_ text: String) -> String {
        let dollars = text.filter { $0 == "$" }.count
        var depth = 0, balanced = true
        for c in text {
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth < 0 { balanced = false } }
        }
        balanced = balanced && depth == 0
        // The text's own braces, when unbalanced, are spelled out before the
        // TeX accents bring balanced braces of their own (`B{\'e}thune`).
        // Not `\{`: BibTeX counts an escaped brace as a brace all the same.
        let source =
            balanced
            ? text
            : text.map { $0 == "{" ? "\\textbraceleft{}" : $0 == "}" ? "\\textbraceright{}" : String($0) }.joined()
        var out = ""
        var inMath = false
        var previous: Character = " "
        for c in TeXEncoder.encode(source) {
            switch c {
            case "$" where dollars % 2 == 0: inMath.toggle(); out.append(c)
            case "$": out += "\\$"
            case "&", "%", "#": out += previous == "\\" ? String(c) : "\\\(c)"
            case "_" where !inMath: out += previous == "\\" ? "_" : "\\_"
            default: out.append(c)
            }
            previous = c
        }
        return out
    }

    // MARK: CSV

    package static let csvHeader = [
        "arxiv_id", "title", "authors", "first_seen", "last_seen", "digest", "date", "relevance", "novelty",
        "score", "author_match", "comment", "starred", "read", "tags", "note", "url",
    ]

    /// A header, then a row per paper with its latest verdict (RFC 4180 quoting).
    public static func csv(_ records: [PaperRecord]) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let rows = records.map { r -> [String] in
            let v = r.latest
            return [
                r.arxivID, r.title, r.authors.joined(separator: "; "), r.firstSeen ?? "", r.lastSeen ?? "",
                v?.digest ?? "", v?.date ?? "", v?.relevance.map(String.init) ?? "", v?.novelty.map(String.init) ?? "",
                v?.score.map(Format.score) ?? "", v.map { $0.authorMatch ? "1" : "0" } ?? "", v?.comment ?? "",
                r.marks.starred ? "1" : "0", r.marks.readAt == nil ? "0" : "1", r.marks.tags.joined(separator: " "),
                r.marks.note ?? "", "https://arxiv.org/abs/\(r.arxivID)",
            ]
        }
        return ([csvHeader] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: CSL-JSON

    /// One CSL item of a paper: an arXiv preprint as Zotero writes one
    /// (`type: article`, `publisher: arXiv`, `number: arXiv:ID`, the DOI arXiv
    /// registers for every paper), authors split into family and given
    /// names (a one-word name is a `literal`), issued in the year and month
    /// its id carries. Keyed like the BibTeX export. From the catalogue
    /// (CSL 1.0.2 variables): the latest `version`, the `license`, and the
    /// journal reference and published DOI as the `note`.
    struct CSLItem: Encodable {
        struct Name: Encodable {
            var family: String?
            var given: String?
            var literal: String?
        }
        struct DateParts: Encodable {
            var dateParts: [[Int]]
            enum CodingKeys: String, CodingKey { case dateParts = "date-parts" }
        }
        var id: String
        var type = "article"
        var title: String
        var author: [Name]
        var issued: DateParts?
        var publisher = "arXiv"
        var number: String
        var doi: String
        var url: String
        var abstract: String?
        var version: String?
        var license: String?
        var note: String?
        enum CodingKeys: String, CodingKey {
            case id, type, title, author, issued, publisher, number, doi = "DOI", url = "URL", abstract, version, license, note
        }
    }

    /// A JSON array of CSL items, one per paper.
    public static func cslJSON(_ records: [PaperRecord]) -> String {
        let keys = citationKeys(records)
        let items = records.map { r in
            CSLItem(
                id: keys[r.arxivID]!, title: r.title, author: r.authors.map(cslName),
                issued: yearAndMonth(of: r.arxivID).map { CSLItem.DateParts(dateParts: [[$0.year, $0.month]]) },
                number: "arXiv:\(r.arxivID)", doi: "10.48550/arXiv.\(r.arxivID)", url: "https://arxiv.org/abs/\(r.arxivID)",
                abstract: r.abstract.isEmpty ? nil : r.abstract, version: r.catalogue.latestVersion, license: r.catalogue.license,
                note: publishedNote(r.catalogue))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(items)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    /// Where the paper was published, for the formats whose one DOI is
    /// arXiv's (the item is the preprint): `Journal reference: ...; DOI: ...`.
    static func publishedNote(_ c: CatalogueFields) -> String? {
        let parts = [c.journalRef.map { "Journal reference: " + $0 }, c.doi.map { "DOI: " + $0 }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `Marcel Rød` -> family `Rød`, given `Marcel`, as `bibtexName` splits them.
    static func cslName(_ name: String) -> CSLItem.Name {
        let words = name.split(separator: " ")
        guard words.count > 1, let last = words.last else { return CSLItem.Name(literal: name) }
        return CSLItem.Name(family: String(last), given: words.dropLast().joined(separator: " "))
    }

    /// `2512.22471` -> 2025-12; `hep-th/9901001` -> 1999-01.
    package static func yearAndMonth(of arxivID: String) -> (year: Int, month: Int)? {
        let digits = arxivID.split(separator: "/").last.map { Array($0.prefix(4)) } ?? []
        guard digits.count == 4, let yy = Int(String(digits[0...1])), let mm = Int(String(digits[2...3])), (1...12).contains(mm) else {
            return nil
        }
        return (yy >= 91 ? 1900 + yy : 2000 + yy, mm)
    }

    // MARK: JSON lines

    /// One JSON object per line: every stored field, the verdict history, the marks.
    public static func jsonLines(_ records: [PaperRecord]) -> String {
        let encoder = JSONOutput.encoder(pretty: false)
        return records.map { String(decoding: (try? encoder.encode($0)) ?? Data(), as: UTF8.self) + "\n" }.joined()
    }

    // MARK: Markdown

    /// A reading list: a checkbox per paper (ticked when read), its link,
    /// authors, latest verdict and comment, your note.
    public static func markdown(_ records: [PaperRecord]) -> String {
        var lines = ["# Reading list (\(records.count) paper\(records.count == 1 ? "" : "s"))", ""]
        for r in records {
            let star = r.marks.starred ? "★ " : ""
            var meta = [r.lastSeen ?? ""]
            if let v = r.latest {
                meta.append(
                    Format.verdict(
                        VerdictFields(
                            relevance: v.relevance, novelty: v.novelty, score: v.score,
                            comment: v.comment, authorMatch: v.authorMatch)))
            }
            lines.append(
                "- [\(r.marks.readAt == nil ? " " : "x")] \(star)**[\(ReportMarkdown.text(r.title))](https://arxiv.org/abs/\(r.arxivID))** — "
                    + ReportMarkdown.text(Format.authors(r.authors)) + " (" + meta.filter { !$0.isEmpty }.joined(separator: " · ") + ")")
            if let comment = r.latest?.comment, !comment.isEmpty, !(r.latest?.authorMatch ?? false) { lines.append("  > " + ReportMarkdown.text(comment)) }
            if let note = r.marks.note { lines.append("  Note: " + ReportMarkdown.text(note)) }
            if !r.marks.tags.isEmpty { lines.append("  Tags: " + r.marks.tags.map { "`\($0)`" }.joined(separator: " ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

}
