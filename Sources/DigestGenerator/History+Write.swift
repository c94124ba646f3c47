import Foundation

extension History {
    /// Writes every run's files under `directory` (`daily/...`, `upstream/...`)
    /// and `flat.jsonl` (one line per distinct paper, for the sqlite-utils
    /// comparison). Returns the files written, in order.
    @discardableResult
    /// With `todaysFolder`, the days of the HTML-table era come with the
    /// files today's generator writes beside them (`History+TodaysFolder`).
    public func write(to directory: URL, todaysFolder: Bool = false) throws -> [URL] {
        var written: [URL] = []
        func put(_ relative: String, _ text: String) throws {
            let url = directory.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            written.append(url)
        }
        let lastUpstream = runs.last(where: { $0.sources == .upstream })?.date
        for run in runs {
            let month = String(run.date.prefix(7))
            switch run.sources {
            case .markdownAndJSON, .markdownOnly, .jsonOnly:
                let suffix = run.layout == .htmlTable ? "latest" : "output"
                if run.sources != .jsonOnly { try put("daily/md/\(month)/\(run.date)-\(suffix).md", markdown(run)) }
                if run.sources != .markdownOnly {
                    try put("daily/json/\(month)/\(run.date)-output.json", json(run, topics: todaysFolder && hasTodaysFiles(run)))
                }
                if todaysFolder && hasTodaysFiles(run) { try writeTodaysFiles(run, put: put) }
            case .pageText:
                try put("daily/page-text/\(run.date).txt", pageText(run))
            case .sitePage:
                try put("daily/site/archive/\(month)/\(run.date.suffix(2))/index.md", sitePage(run))
                try put("daily/json/\(month)/\(run.date)-output.json", json(run))
            case .upstream:
                let compact = run.date.replacingOccurrences(of: "-", with: "")
                try put("upstream/output_\(compact.prefix(4))_\(compact.suffix(4)).md", upstreamMarkdown(run))
                // The upstream tool overwrites one output.json daily: only the last survives.
                if run.date == lastUpstream { try put("upstream/output.json", json(run, upstream: true)) }
            }
        }
        try put("flat.jsonl", flatJSONLines())
        return written
    }

    // MARK: Markdown

    func markdown(_ run: Run) -> String {
        var out = ""
        if run.remedial {
            out +=
                "> This is a remedial run for missed papers from \(slashDate(run.date)) to \(slashDate(run.date)).\n> \n> Results generated on \(slashDate(run.date)).\n\n"
        }
        let zeroBased = run.layout == .totalCostLine
        switch run.layout {
        case .totalCostLine:
            out += "# Personalized Daily Arxiv Papers \(paddedSlashDate(run.date))\nTotal cost: $\(run.totalCost)\n\n"
            out += "Total relevant papers: \(run.papers.count)\n\nPaper selection prompt and criteria at the bottom\n\nTable of contents with paper titles:\n\n"
        case .pipeTableNoModel:
            out += "# Personalized Daily Arxiv Papers \(paddedSlashDate(run.date))\n\n"
            out += "|           | Prompt   | Completion   | Total   |\n|-----------|----------|--------------|---------|\n"
            out += "| **Token** | \(run.promptTokens)   | \(run.completionTokens)        | \(run.totalTokens)  |\n"
            out += "| **Cost**  | $\(run.promptCost)    | $\(run.completionCost)        | $\(run.totalCost)   |\n\n"
            out += "Total scanned papers: \(run.scannedPapers)\n\nTotal relevant papers: \(run.papers.count)\n\n**Table of contents with paper titles:**\n\n"
        case .pipeTableSlashDate, .pipeTableISODate:
            let date = run.layout == .pipeTableSlashDate ? slashDate(run.date) : run.date
            out += "# Personalized Daily \(run.layout == .pipeTableISODate ? "ArXiv" : "Arxiv") Papers \(date)\n\n"
            out += "|  *[\(run.model ?? "")]*  |  Prompt  |  Completion  |  Total  |\n|:------------:|:--------:|:------------:|:-------:|\n"
            out += "|  **Token**   |  \(run.promptTokens)  |  \(run.completionTokens)  |  \(run.totalTokens)  |\n"
            out += "|   **Cost**   |  $\(run.promptCost)  |  $\(run.completionCost)  |  $\(run.totalCost)  |\n\n"
            out += counts(run) + "**Table of contents with paper titles:**\n\n"
        case .htmlTable:
            out += "# Personalized Daily ArXiv Papers \(run.date)\n\n" + htmlTable(run) + "\n\n**Table of contents with paper titles:**\n\n"
        }
        for (i, p) in run.papers.enumerated() {
            let n = zeroBased ? i : i + 1
            out += "\(n). [\(p.title)](#user-content-link\(n))\n**Authors:** \(authorLine(p, affiliations: zeroBased))\n\n"
        }
        out += "---\n"
        for (i, p) in run.papers.enumerated() {
            let n = zeroBased ? i : i + 1
            let gap = zeroBased ? "" : "\n"
            out += "\(zeroBased ? "" : "\n")## \(n). [\(p.title)](https://arxiv.org/abs/\(p.id)) <a id=\"link\(n)\"></a>\n\(gap)"
            out += "**ArXiv ID:** \(p.id)\n\(gap)**Authors:** \(authorLine(p, affiliations: zeroBased))\n\n"
            out += "**Abstract:** \(zeroBased ? "arXiv:\(p.id)v1 Announce Type: new  Abstract: " : "")\(p.abstract)\n\n"
            out += "**Comment:** \(p.comment)\n\(gap)"
            if let r = p.relevance, let n = p.novelty { out += "**Relevance:** \(r)\n**Novelty:** \(n)\n" } else { out += "\n\n" }
            out += "\n---\n"
        }
        out += "\n\n---\n\n# Paper \(zeroBased ? "selection" : "Selection") Prompt\n\(run.prompt)\n"
        return out
    }

    func counts(_ run: Run) -> String {
        "Total arXiv papers: \(run.totalPapers)\n\nTotal scanned papers: \(run.scannedPapers)\n\nTotal relevant papers: \(run.papers.count)\n\n"
    }

    func htmlTable(_ run: Run) -> String {
        """
        <table>
            <thead>
                <tr>
                    <th rowspan="2">Model</th>
                    <th rowspan="2">Metric</th>
                    <th colspan="3">Usage</th>
                    <th colspan="3">Papers</th>
                </tr>
                <tr>
                    <th>Prompt</th><th>Completion</th><th>Total</th><th>Total arXiv</th><th>Scanned</th><th>Relevant</th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <td rowspan="2" align="center"><code>\(run.model ?? "")</code></td>
                    <td align="center"><strong>Tokens</strong></td>
                    <td align="center">\(run.promptTokens)</td>
                    <td align="center">\(run.completionTokens)</td>
                    <td align="center">\(run.totalTokens)</td>
                    <td rowspan="2" align="center">\(run.totalPapers)</td>
                    <td rowspan="2" align="center">\(run.scannedPapers)</td>
                    <td rowspan="2" align="center">\(run.papers.count)</td>
                </tr>
                <tr>
                    <td align="center"><strong>Cost</strong></td>
                    <td align="center">$\(run.promptCost)</td>
                    <td align="center">$\(run.completionCost)</td>
                    <td align="center">$\(run.totalCost)</td>
                </tr>
            </tbody>
        </table>
        """
    }

    func sitePage(_ run: Run) -> String {
        let nav =
            "<div style=\"display: flex;\"><div><a href=\"../prev\"><img src=\"../../../assets/nav/day/\(run.date)-prev.svg\" alt=\"Previous Day\"></a></div><div><a href=\"..\"><img alt=\"Monthly Overview \(run.date.prefix(7))\"></a></div></div>\n\n"
        var iso = run
        iso.layout = .pipeTableISODate
        iso.remedial = false
        return nav + markdown(iso)
    }

    func upstreamMarkdown(_ run: Run) -> String {
        var out = "# Personalized Daily ArXiv Papers \(paddedSlashDate(run.date))\nTotal relevant papers: \(run.papers.count)\n\n"
        out += "Paper selection prompt and criteria at the bottom\n\nTable of contents with paper titles:\n\n"
        for (i, p) in run.papers.enumerated() {
            out += "\(i). [\(p.title)](#link\(i))\n**Authors:** \(authorLine(p, affiliations: false))\n\n"
        }
        out += "---\n"
        for (i, p) in run.papers.enumerated() {
            out += "## \(i). [\(p.title)](https://arxiv.org/abs/\(p.id)) <a id=\"link\(i)\"></a>\n**ArXiv ID:** \(p.id)\n"
            out += "**Authors:** \(authorLine(p, affiliations: false))\n\n**Abstract:** \(p.abstract)\n\n"
            out += "**Comment:** \(p.comment)\n**Relevance:** \(p.relevance ?? 0)\n**Novelty:** \(p.novelty ?? 0)\n\n---\n\n"
        }
        return out + "\n---\n\n## Paper selection prompt\n \(run.prompt)\n"
    }

    // MARK: Page text

    func pageText(_ run: Run) -> String {
        var out = "Previous Day \(run.date)\nMonthly Overview \(run.date.prefix(7))\nNext Day \(run.date)\n\n"
        out += "Personalized Daily ArXiv Papers \(run.date)\n\n"
        out += "[\(run.model ?? "")] Prompt Completion Total\nToken \(run.promptTokens) \(run.completionTokens) \(run.totalTokens)\n"
        out += "Cost $\(run.promptCost) $\(run.completionCost) $\(run.totalCost)\n\n"
        out += counts(run) + "Table of contents with paper titles:\n\n"
        for (i, p) in run.papers.enumerated() {
            out += "  \(i + 1). \(p.title) Authors: \(authorLine(p, affiliations: false))\n\n"
        }
        out += "\n"
        for (i, p) in run.papers.enumerated() {
            out += "\(i + 1). \(p.title)\n\nArXiv ID: \(p.id)\n\nAuthors: \(authorLine(p, affiliations: false))\n\n"
            out += "Abstract: \(p.abstract)\n\nComment: \(p.comment)\n\n"
            if let r = p.relevance, let n = p.novelty { out += "Relevance: \(r) Novelty: \(n)\n\n" }
            out += "\n"
        }
        return out + "Paper Selection Prompt\n\n\(run.prompt)\n"
    }

    // MARK: JSON

    /// With `topics`, each record carries today's topic keys (as the topic bundle's do).
    func json(_ run: Run, upstream: Bool = false, topics: Bool = false) -> String {
        let stringNumbers = run.layout == .totalCostLine
        let entries = run.papers.map { p -> String in
            var fields: [(String, Any)] = [
                ("authors", p.authors.map(\.tex)), ("title", p.title),
                ("abstract", upstream || run.layout == .totalCostLine ? "arXiv:\(p.id)v1 Announce Type: new  Abstract: \(p.abstract)" : p.abstract),
                ("arxiv_id", p.id), ("COMMENT", p.comment),
            ]
            if p.authorMatch {
                fields.append(("SCORE", 20.0))
            } else {
                fields.append(("ARXIVID", p.id))
                fields.append(("RELEVANCE", stringNumbers ? "\(p.relevance!)" : p.relevance!))
                fields.append(("NOVELTY", stringNumbers ? "\(p.novelty!)" : p.novelty!))
                if run.layout != .totalCostLine { fields.append(("SCORE", stringNumbers ? "\(Int(p.score))" : Int(p.score))) }
            }
            if upstream {
                fields.append(("primary_category", "cs.LG"))
                fields.append(("TAGS", ["synthetic", "generated"]))
            } else if topics {
                fields += topicFields(p)
            } else if run.layout == .htmlTable {
                fields.append(("PRIMARY_TOPIC_ID", 2))
            }
            let body = fields.map { "        \(jsonString($0.0)): \(jsonValue($0.1))" }.joined(separator: ",\n")
            return "    \(jsonString(p.id)): {\n\(body)\n    }"
        }
        return entries.isEmpty ? "{}\n" : "{\n" + entries.joined(separator: ",\n") + "\n}\n"
    }

    func jsonValue(_ v: Any) -> String {
        switch v {
        case let s as String: jsonString(s)
        case let list as [String]: "[" + list.map(jsonString).joined(separator: ", ") + "]"
        case let b as Bool: b ? "true" : "false"
        case let d as Double: String(d)
        case let i as Int: String(i)
        default: "null"
        }
    }

    func jsonString(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    /// Distinct papers with their latest text, as sqlite-utils would load them.
    func flatJSONLines() -> String {
        latestPapers.values.sorted { $0.id < $1.id }.map { p in
            let fields: [(String, Any)] = [
                ("arxiv_id", p.id), ("title", p.title), ("authors", p.authors.map(\.display).joined(separator: ", ")),
                ("abstract", p.abstract), ("comment", p.comment), ("topic", "topic-\(p.topic)"),
            ]
            return "{" + fields.map { "\(jsonString($0.0)): \(jsonValue($0.1))" }.joined(separator: ", ") + "}"
        }.joined(separator: "\n") + "\n"
    }

    // MARK: Helpers

    /// Authors, sometimes with an affiliation whose comma must not split the name.
    func authorLine(_ p: Paper, affiliations: Bool) -> String {
        p.authors.enumerated().map { i, a in
            affiliations && i == 0 ? "\(a.tex) (Institute of Invented Studies, Dept of Examples)" : a.tex
        }.joined(separator: ", ")
    }

    /// `3/14/2025`.
    func slashDate(_ iso: String) -> String {
        let p = iso.split(separator: "-").map { Int($0)! }
        return "\(p[1])/\(p[2])/\(p[0])"
    }

    /// `03/14/2025`.
    func paddedSlashDate(_ iso: String) -> String {
        let p = iso.split(separator: "-")
        return "\(p[1])/\(p[2])/\(p[0])"
    }
}
