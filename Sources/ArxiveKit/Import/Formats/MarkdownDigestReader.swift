import Foundation

/// Reads the daily Markdown of every era, the site's day page (its navigation
/// block is skipped) and the upstream `output_YYYY_MMDD.md`.
///
/// The eras differ only in the header (a `Total cost:` line, a pipe table with
/// or without the model cell, an HTML table) and in numbering (0- or 1-based);
/// the paper sections (`## N. [Title](https://arxiv.org/abs/ID)` followed by
/// `**Key:** value` lines) and the closing selection prompt are shared.
public enum MarkdownDigestReader {
    static let titlePattern = LinePattern(#"^#\s+Personalized Daily Ar[xX]iv Papers\s+(\S+)\s*$"#)

    /// Reads a page. A page of one of `skippingPapersOn` is read for its
    /// header only (its `papers` left empty, and a fault in its paper
    /// sections goes unnoticed): the caller takes that day's verdicts from
    /// the day's JSON, which wins over the page anyway.
    public static func read(_ text: String, skippingPapersOn days: Set<String> = []) throws(DigestReadError) -> Digest {
        let lines = TextLines.split(text)
        guard let titleIndex = lines.firstIndex(where: { $0.hasPrefix("#") && titlePattern.matches($0) }) else {
            throw DigestReadError("no '# Personalized Daily ArXiv Papers DATE' heading")
        }
        let dateText = String(lines[titleIndex].split(separator: " ").last ?? "")
        guard let date = DigestDate.parse(dateText) else {
            throw DigestReadError(line: titleIndex + 1, "'\(dateText)' is not a date (expected MM/DD/YYYY or YYYY-MM-DD)")
        }
        // The page's prompt follows its title: a prompt heading above the title is not the page's.
        let promptIndex = lines[(titleIndex + 1)...].firstIndex(where: isPromptHeading) ?? lines.count
        let firstPaper = lines[titleIndex..<promptIndex].firstIndex(where: isPaperHeading) ?? promptIndex

        var header = RunHeader()
        header.notes = notes(in: lines[..<titleIndex])
        try readHeader(lines[(titleIndex + 1)..<firstPaper], offset: titleIndex + 1, into: &header)
        if promptIndex < lines.count {
            let prompt = lines[(promptIndex + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            header.selectionPrompt = prompt.isEmpty ? nil : prompt
        }
        let papers = days.contains(date) ? [] : try readPapers(lines, from: firstPaper, to: promptIndex)
        return Digest(format: .markdown, date: date, header: header, papers: papers)
    }

    /// `# Paper selection prompt`, `## Paper Selection Prompt`.
    static func isPromptHeading(_ line: String) -> Bool {
        guard line.hasPrefix("#") else { return false }
        let text = String(line.drop(while: { $0 == "#" })).trimmed
        return text.count == 22 && text.lowercased() == "paper selection prompt"
    }

    // MARK: Header

    /// `> This is a remedial run ...` lines before the title.
    static func notes(in lines: ArraySlice<String>) -> String? {
        let quoted = lines.filter { $0.hasPrefix(">") }
            .map { $0.dropFirst().trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return quoted.isEmpty ? nil : quoted.joined(separator: " ")
    }

    static func readHeader(_ lines: ArraySlice<String>, offset: Int, into header: inout RunHeader) throws(DigestReadError) {
        if lines.contains(where: { $0.containsBytes("<table") }) {
            readHTMLTable(lines.joined(separator: "\n"), into: &header)
        }
        for (i, line) in zip(lines.indices, lines) {
            let trimmed = line.trimmed
            if trimmed.hasPrefix("|") {
                try readPipeRow(trimmed, line: i + 1, into: &header)
            } else if let v = labelled(trimmed, "Total cost:") {
                header.totalCost = Number.money(v[...])
            } else if let v = labelled(trimmed, "Total arXiv papers:") {
                header.totalPapers = Number.count(v[...])
            } else if let v = labelled(trimmed, "Total scanned papers:") {
                header.scannedPapers = Number.count(v[...])
            } else if let v = labelled(trimmed, "Total relevant papers:") {
                header.relevantPapers = Number.count(v[...])
            }
        }
    }

    /// `|  *[gpt-4o]*  |  Prompt  | ...`, `| **Token** | 41757 | 6534 | 48291 |`, `| **Cost** | $0.1 | ...`.
    static func readPipeRow(_ row: String, line: Int, into header: inout RunHeader) throws(DigestReadError) {
        let cells = row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let label = cells.first else { return }
        let values = cells.dropFirst()
        if cells.contains(where: { $0.contains("Prompt") }) {
            if let open = label.firstIndex(of: "["), let close = label.lastIndex(of: "]"), open < close {
                let model = label[label.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                header.model = model.isEmpty ? nil : model
            }
        } else if label.contains("Token") {
            let n = values.map { Number.count($0[...]) }
            guard n.count >= 3, let p = n[0], let c = n[1], let t = n[2] else {
                throw DigestReadError(line: line, "token row does not hold three numbers: \(row)")
            }
            (header.promptTokens, header.completionTokens, header.totalTokens) = (p, c, t)
        } else if label.contains("Cost") {
            let n = values.map { Number.money($0[...]) }
            guard n.count >= 3, let p = n[0], let c = n[1], let t = n[2] else {
                throw DigestReadError(line: line, "cost row does not hold three amounts: \(row)")
            }
            (header.promptCost, header.completionCost, header.totalCost) = (p, c, t)
        }
    }

    /// The 2026 header: `<table>` with Model / Metric / Usage / Papers columns.
    /// The Tokens row holds prompt, completion, total and then the three paper
    /// counts (they span both rows); the Cost row holds the three amounts.
    static func readHTMLTable(_ html: String, into header: inout RunHeader) {
        if let r = html.range(of: #"<code>[^<]*</code>"#, options: .regularExpression) {
            let model = html[r].dropFirst(6).dropLast(7).trimmingCharacters(in: .whitespaces)
            header.model = model.isEmpty ? nil : model
        }
        for row in html.components(separatedByBytes: "<tr").dropFirst() {
            let cells = tableCells(row)
            if let i = cells.firstIndex(where: { $0 == "Tokens" || $0 == "Token" }) {
                let n = cells[(i + 1)...].map { Number.count($0[...]) }
                if n.count >= 3 { (header.promptTokens, header.completionTokens, header.totalTokens) = (n[0], n[1], n[2]) }
                if n.count >= 6 { (header.totalPapers, header.scannedPapers, header.relevantPapers) = (n[3], n[4], n[5]) }
            } else if let i = cells.firstIndex(of: "Cost") {
                let n = cells[(i + 1)...].map { Number.money($0[...]) }
                if n.count >= 3 { (header.promptCost, header.completionCost, header.totalCost) = (n[0], n[1], n[2]) }
            }
        }
    }

    static func tableCells(_ row: String) -> [String] {
        row.components(separatedByBytes: "<td").dropFirst().map { cell in
            let inner = cell.split(separator: ">", maxSplits: 1).last.map(String.init) ?? ""
            let content = inner.components(separatedByBytes: "</td>").first ?? inner
            return withoutTags(content).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// `<b>41,757</b>` -> `41,757` (a regular expression per cell cost more than the rest of the page).
    static func withoutTags(_ html: String) -> String {
        var out: [UInt8] = []
        var inTag = false
        for b in html.utf8 {
            if b == UInt8(ascii: "<") { inTag = true } else if b == UInt8(ascii: ">") && inTag { inTag = false } else if !inTag { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Papers

    /// `## 12. [Title](...)`.
    /// `## 3. [Title](link)`, at any heading level below the title: today's
    /// pages put papers at `###` under a `##` per topic.
    static func isPaperHeading(_ line: String) -> Bool {
        guard line.hasPrefix("##") else { return false }
        let rest = String(line.drop(while: { $0 == "#" })).trimmed
        return rest.startsWithNumberDot && String(rest.drop(while: { $0 != "." }).dropFirst()).trimmed.hasPrefix("[")
    }

    /// `**Key:** value` -> (Key, value).
    static func fieldLine(_ line: String) -> (key: String, value: String)? {
        // Byte-wise: this runs on every line of every paper section.
        let u = Array(line.utf8)
        let star = UInt8(ascii: "*"), colon = UInt8(ascii: ":")
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard u.count >= 6, u[0] == star, u[1] == star, isLetter(u[2]) else { return nil }
        var i = 2
        while i < u.count, isLetter(u[i]) || u[i] == 0x20 { i += 1 }
        guard i + 3 <= u.count, u[i] == colon, u[i + 1] == star, u[i + 2] == star else { return nil }
        let key = String(decoding: u[2..<i], as: UTF8.self)
        let value = String(decoding: u[(i + 3)...], as: UTF8.self)
        return (key, value.trimmed)
    }

    static func readPapers(_ lines: [String], from start: Int, to end: Int) throws(DigestReadError) -> [DigestPaper] {
        var papers: [DigestPaper] = []
        var i = start
        while i < end {
            guard isPaperHeading(lines[i]) else { i += 1; continue }
            let headingLine = i
            var next = i + 1
            while next < end, !isPaperHeading(lines[next]) { next += 1 }
            papers.append(try readPaper(lines, heading: headingLine, end: next))
            i = next
        }
        return papers
    }

    /// One `## N. [Title](https://arxiv.org/abs/ID)` section up to `end`.
    static func readPaper(_ lines: [String], heading: Int, end: Int) throws(DigestReadError) -> DigestPaper {
        let line = lines[heading]
        // The title runs from the first "[" to the last "](" (titles may hold brackets).
        let closeBracket = line.indices.reversed().first { line[$0] == "]" && line.index(after: $0) < line.endIndex && line[line.index(after: $0)] == "(" }
        guard let open = line.firstIndex(of: "["), let close = closeBracket, open < close
        else { throw DigestReadError(line: heading + 1, "paper heading has no [title](link)") }
        let title = String(line[line.index(after: open)..<close])
        let link = line[line.index(close, offsetBy: 2)...].prefix(while: { $0 != ")" })
        var fields: [(key: String, value: String, line: Int)] = []
        for i in (heading + 1)..<end {
            let text = lines[i]
            if let f = fieldLine(text) {
                fields.append((f.key, f.value, i + 1))
            } else if text.trimmed == "---" || text.hasPrefix("#") {
                break
            } else if !text.trimmed.isEmpty, !fields.isEmpty {
                // A value that wraps onto the next line.
                fields[fields.count - 1].value += "\n" + text
            }
        }
        // Keys compare case-insensitively; the first occurrence wins.
        var byKey: [String: (value: String, line: Int)] = [:]
        for f in fields where byKey[f.key.lowercased()] == nil { byKey[f.key.lowercased()] = (f.value.trimmed, f.line) }
        func field(_ name: String) -> (value: String, line: Int)? { byKey[name.lowercased()] }
        let idSource = field("ArXiv ID")?.value ?? String(link.split(separator: "/").suffix(1).first ?? "")
        let idLine = field("ArXiv ID")?.line ?? heading + 1
        guard let id = ArxivID.parse(idSource) else {
            throw DigestReadError(line: idLine, "'\(idSource)' is not an arXiv id")
        }
        var relevance: Int?, novelty: Int?
        if let r = field("Relevance") {
            guard let n = Int(r.value) else { throw DigestReadError(line: r.line, "relevance '\(r.value)' is not a whole number") }
            relevance = n
        }
        if let n = field("Novelty") {
            guard let v = Int(n.value) else { throw DigestReadError(line: n.line, "novelty '\(n.value)' is not a whole number") }
            novelty = v
        }
        let prefix = FeedPrefix.strip(field("Abstract")?.value ?? "")
        var paper = DigestPaper(
            arxivID: id.id, title: collapseWhitespace(title),
            authors: AuthorList.split(field("Authors")?.value ?? ""),
            abstract: prefix.abstract,
            relevance: relevance, novelty: novelty,
            score: field("Score").flatMap { Double($0.value) },
            comment: field("Comment")?.value,
            arxivVersion: prefix.version ?? id.version, announceType: prefix.announceType
        )
        paper.completeVerdict()
        return paper
    }

    static func labelled(_ line: String, _ label: String) -> String? {
        guard line.hasPrefix(label) else { return nil }
        return String(line.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
    }
}
