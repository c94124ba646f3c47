import Foundation

/// `export --format obsidian -o DIR`: one Markdown note per paper, for an
/// Obsidian vault (or any folder of Markdown notes). Each note is YAML
/// front matter (Obsidian's properties), the abstract, the digests'
/// verdicts and your note, then a marker line: what the user writes below
/// it is theirs, and an export again keeps it. A note is rewritten only
/// when its text changed, so a vault's sync and history see only real changes.
public enum ObsidianNotes {
    /// What writing the notes did, by file name.
    public struct Outcome: Equatable, Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
        /// Files of a paper's name without the marker: not arxive's to rewrite, left as they are.
        public var leftAlone: [String] = []
    }

    /// Obsidian hides `%% ... %%` in its reading view.
    public static let marker = "%% arxive: write your own notes below this line; an export again keeps them. %%"

    /// `2512.22471.md`; an old-style id's slash becomes `_` (`hep-th_9901001.md`).
    /// Named by id, not title: a title changes between versions, an id does
    /// not, and Obsidian finds the title through the `aliases` property.
    public static func fileName(_ arxivID: String) -> String {
        arxivID.replacingOccurrences(of: "/", with: "_") + ".md"
    }

    /// Writes a note per paper into `folder` (made when missing).
    public static func write(_ records: [PaperRecord], to folder: URL) throws -> Outcome {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var outcome = Outcome()
        for record in records {
            let name = fileName(record.arxivID)
            let file = folder.appendingPathComponent(name)
            let exists = FileManager.default.fileExists(atPath: file.path)
            let existing = exists ? try? String(contentsOf: file, encoding: .utf8) : nil
            // A file that is not UTF-8 text is not arxive's either.
            guard !exists || existing != nil, let text = merged(note(record), into: existing) else {
                outcome.leftAlone.append(name)
                continue
            }
            if text == existing {
                outcome.unchanged.append(name)
                continue
            }
            try text.write(to: file, atomically: true, encoding: .utf8)
            if existing == nil { outcome.created.append(name) } else { outcome.updated.append(name) }
        }
        return outcome
    }

    /// The note's new text: `generated`, then what the user wrote below the
    /// marker of `existing`; nil when `existing` has no marker (not arxive's note).
    static func merged(_ generated: String, into existing: String?) -> String? {
        guard let existing else { return generated + "\n" }
        let lines = existing.split(separator: "\n", omittingEmptySubsequences: false)
        // A note synced through Windows may have CRLF line ends.
        guard let at = lines.firstIndex(where: { $0 == marker || $0 == marker + "\r" }) else { return nil }
        return generated + "\n" + lines[(at + 1)...].joined(separator: "\n")
    }

    /// The part arxive writes: front matter, the paper, the marker (no line break after it).
    public static func note(_ r: PaperRecord) -> String {
        let latest = r.latest
        var lines = ["---"]
        lines.append("arxiv_id: " + yaml(r.arxivID))
        lines.append("title: " + yaml(r.title))
        lines.append("aliases: " + yamlList([r.title]))
        lines.append("authors: " + yamlList(r.authors))
        lines.append("date: " + (r.firstSeen ?? "null"))
        lines.append("tags: " + yamlList(r.marks.tags.map(tag)))
        lines.append("starred: \(r.marks.starred)")
        lines.append("relevance: " + (latest?.relevance.map(String.init) ?? "null"))
        lines.append("novelty: " + (latest?.novelty.map(String.init) ?? "null"))
        lines.append("url: " + yaml("https://arxiv.org/abs/\(r.arxivID)"))
        let c = r.catalogue
        for (key, value) in [("doi", c.doi), ("journal_ref", c.journalRef), ("latest_version", c.latestVersion), ("license", c.license)] {
            lines.append("\(key): " + (value.map(yaml) ?? "null"))
        }
        lines.append("latest_version_date: " + (c.latestVersionDate ?? "null"))
        lines += ["---", "", "# " + text(r.title), ""]
        if !r.authors.isEmpty { lines += [text(r.authors.joined(separator: ", ")), ""] }
        lines += ["[arXiv:\(r.arxivID)](https://arxiv.org/abs/\(r.arxivID)) · [PDF](https://arxiv.org/pdf/\(r.arxivID))", ""]
        lines += ["## Abstract", "", r.abstract.isEmpty ? "(no abstract)" : text(r.abstract), ""]
        if !r.verdicts.isEmpty {
            lines += ["## Verdicts", ""]
            for v in r.verdicts {
                let verdict = Format.verdict(
                    VerdictFields(relevance: v.relevance, novelty: v.novelty, score: v.score, comment: nil, authorMatch: v.authorMatch))
                let comment = v.comment.flatMap { $0.isEmpty || v.authorMatch ? nil : ": " + text($0) } ?? ""
                let run = v.run.map { " (\(text($0)) run)" } ?? ""
                lines.append("- \(v.date) · \(text(v.digest))\(run) #\(v.position) · \(verdict)\(comment)")
            }
            lines.append("")
        }
        if let note = r.marks.note { lines += ["## Your note (arxive note)", "", text(note), ""] }
        lines.append(marker)
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar: `"` and `\` escaped, and every character
    /// YAML does not allow as it is (controls, DEL, C1, U+FFFE, U+FFFF) or
    /// would fold as a line break (U+0085, U+2028, U+2029 in YAML 1.1)
    /// written as an escape, so that any YAML parser reads the digest's text back exactly.
    static func yaml(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                let printable =
                    (0x20...0x7E).contains(v) || (0xA0...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                    || (0x10000...0x10FFFF).contains(v)
                // Not U+FEFF either: a parser may take it for a byte-order mark.
                if printable && ![0x2028, 0x2029, 0xFEFF].contains(v) { out.unicodeScalars.append(scalar) } else { out += String(format: "\\u%04X", v) }
            }
        }
        return out + "\""
    }

    /// A flow list of quoted scalars: `["a", "b"]`, `[]`.
    static func yamlList(_ items: [String]) -> String {
        "[" + items.map(yaml).joined(separator: ", ") + "]"
    }

    /// An arxive tag as an Obsidian tag: letters, digits, `_`, `-` and `/`
    /// (nested tags); anything else becomes `-`.
    static func tag(_ tag: String) -> String {
        String(tag.map { $0.isLetter || $0.isNumber || "_-/".contains($0) ? $0 : "-" })
    }

    /// Digest text in the note's Markdown: on one line, and without what
    /// Obsidian would read as structure: `#` (a tag), `[` `]` (links,
    /// wikilinks), `<` `>` (HTML), `%` (comments), `|` (tables) escaped.
    /// `$...$` stays, as math.
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            if "#[]<>%|".contains(c) { out.append("\\") }
            out.append(c.isNewline ? " " : c)
        }
        return out
    }
}
