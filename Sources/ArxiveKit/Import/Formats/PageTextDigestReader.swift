import Foundation

/// Reads a published day page saved from a browser as text.
///
/// The page holds the same facts as the Markdown without the markup:
/// `[gpt-5] Prompt Completion Total` / `Token ...` / `Cost ...`, the
/// `Total ... papers:` lines, then per paper a `N. Title` line followed by
/// `ArXiv ID:`, `Authors:`, `Abstract:`, `Comment:` and
/// `Relevance: R Novelty: N`, and finally `Paper Selection Prompt`.
public enum PageTextDigestReader {
    static let titlePattern = LinePattern(#"^Personalized Daily Ar[xX]iv Papers\s+(\S+)\s*$"#)
    static let navigation = ["Previous Day", "Monthly Overview", "Next Day"]
    static let labels = ["ArXiv ID:", "Authors:", "Abstract:", "Comment:", "Relevance:", "Novelty:", "Score:"]

    public static func read(_ text: String) throws(DigestReadError) -> Digest {
        let lines = TextLines.split(text).map(\.trimmed)
        guard let titleIndex = lines.firstIndex(where: { $0.hasPrefix("Personalized") && titlePattern.matches($0) })
        else {
            throw DigestReadError("no 'Personalized Daily ArXiv Papers DATE' line")
        }
        let dateText = String(lines[titleIndex].split(separator: " ").last ?? "")
        guard let date = DigestDate.parse(dateText) else {
            throw DigestReadError(line: titleIndex + 1, "'\(dateText)' is not a date (expected MM/DD/YYYY or YYYY-MM-DD)")
        }
        // The prompt and the papers follow the title: lines above it are not the page's.
        let promptIndex = lines[(titleIndex + 1)...].firstIndex(where: { $0 == "Paper Selection Prompt" }) ?? lines.count
        let firstID = lines[(titleIndex + 1)..<promptIndex].firstIndex(where: { $0.hasPrefix("ArXiv ID:") }) ?? promptIndex

        var header = RunHeader()
        let before = lines[..<titleIndex].filter { line in !line.isEmpty && !navigation.contains(where: { line.hasPrefix($0) }) }
        header.notes = before.isEmpty ? nil : before.joined(separator: " ")
        try readHeader(lines[(titleIndex + 1)..<firstID], into: &header)
        if promptIndex < lines.count {
            let prompt = lines[(promptIndex + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            header.selectionPrompt = prompt.isEmpty ? nil : prompt
        }
        var papers: [DigestPaper] = []
        var i = firstID
        while i < promptIndex {
            guard lines[i].hasPrefix("ArXiv ID:") else { i += 1; continue }
            var next = i + 1
            while next < promptIndex, !lines[next].hasPrefix("ArXiv ID:") { next += 1 }
            papers.append(try readPaper(lines, idLine: i, end: next))
            i = next
        }
        return Digest(format: .pageText, date: date, header: header, papers: papers)
    }

    static func readHeader(_ lines: ArraySlice<String>, into header: inout RunHeader) throws(DigestReadError) {
        for (i, line) in zip(lines.indices, lines) {
            let words = line.split(separator: " ")
            if line.hasSuffix("Prompt Completion Total") {
                if let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), open < close {
                    let model = line[line.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                    header.model = model.isEmpty ? nil : model
                }
            } else if words.first == "Token" || words.first == "Tokens" {
                let n = words.dropFirst().map { Number.count($0) }
                guard n.count >= 3, let p = n[0], let c = n[1], let t = n[2] else {
                    throw DigestReadError(line: i + 1, "token line does not hold three numbers: \(line)")
                }
                (header.promptTokens, header.completionTokens, header.totalTokens) = (p, c, t)
            } else if words.first == "Cost", words.count >= 4 {
                let n = words.dropFirst().map { Number.money($0) }
                guard let p = n[0], let c = n[1], let t = n[2] else {
                    throw DigestReadError(line: i + 1, "cost line does not hold three amounts: \(line)")
                }
                (header.promptCost, header.completionCost, header.totalCost) = (p, c, t)
            } else if let v = MarkdownDigestReader.labelled(line, "Total cost:") {
                header.totalCost = Number.money(v[...])
            } else if let v = MarkdownDigestReader.labelled(line, "Total arXiv papers:") {
                header.totalPapers = Number.count(v[...])
            } else if let v = MarkdownDigestReader.labelled(line, "Total scanned papers:") {
                header.scannedPapers = Number.count(v[...])
            } else if let v = MarkdownDigestReader.labelled(line, "Total relevant papers:") {
                header.relevantPapers = Number.count(v[...])
            }
        }
    }

    /// The paper whose `ArXiv ID:` is at `idLine`; its title is the last
    /// non-empty line before it, its fields run up to `end`.
    static func readPaper(_ lines: [String], idLine: Int, end: Int) throws(DigestReadError) -> DigestPaper {
        guard let titleLine = lines[..<idLine].lastIndex(where: { !$0.isEmpty }) else {
            throw DigestReadError(line: idLine + 1, "paper has no title line above 'ArXiv ID:'")
        }
        let numbered = lines[titleLine]
        let title = numbered.startsWithNumberDot ? String(numbered.drop(while: { $0 != "." }).dropFirst()) : numbered
        var fields: [String: (value: String, line: Int)] = [:]
        var current: String?
        // The next paper's title line sits just above its `ArXiv ID:`; keep it out of this paper.
        let nextTitle = end < lines.count && lines[end].hasPrefix("ArXiv ID:") ? lines[..<end].lastIndex(where: { !$0.isEmpty }) : nil
        for i in idLine..<end where i != nextTitle {
            let line = lines[i]
            if line.isEmpty { current = nil; continue }
            if line.hasPrefix("Relevance:") {
                // `Relevance: 10 Novelty: 9` on one line.
                let words = line.split(separator: " ")
                for (w, word) in words.enumerated() where word.hasSuffix(":") && w + 1 < words.count {
                    fields[String(word.dropLast())] = (String(words[w + 1]), i + 1)
                }
                current = nil
            } else if let label = labels.first(where: { line.hasPrefix($0) }) {
                let key = String(label.dropLast())
                fields[key] = (String(line.dropFirst(label.count)).trimmed, i + 1)
                current = key
            } else if let key = current, let f = fields[key] {
                fields[key] = (f.value + "\n" + line, f.line)
            }
        }
        let idText = fields["ArXiv ID"]?.value ?? ""
        guard let id = ArxivID.parse(idText) else {
            throw DigestReadError(line: idLine + 1, "'\(idText)' is not an arXiv id")
        }
        func number(_ key: String) throws(DigestReadError) -> Int? {
            guard let f = fields[key] else { return nil }
            guard let n = Int(f.value) else { throw DigestReadError(line: f.line, "\(key.lowercased()) '\(f.value)' is not a whole number") }
            return n
        }
        let prefix = FeedPrefix.strip(fields["Abstract"]?.value ?? "")
        var paper = DigestPaper(
            arxivID: id.id, title: collapseWhitespace(title),
            authors: AuthorList.split(fields["Authors"]?.value ?? ""),
            abstract: prefix.abstract,
            relevance: try number("Relevance"), novelty: try number("Novelty"),
            score: fields["Score"].flatMap { Double($0.value) },
            comment: fields["Comment"]?.value,
            arxivVersion: prefix.version ?? id.version, announceType: prefix.announceType
        )
        paper.completeVerdict()
        return paper
    }
}
