/// Aligns rows of cells into columns: text left, numbers right.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int>

    public init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    public func render(style: Style = .plain) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { i in
                let pad = String(repeating: " ", count: widths[i] - cells[i].count)
                return rightAligned.contains(i) ? pad + cells[i] : cells[i] + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        return ([style.bold(line(header))] + rows.map(line)).joined(separator: "\n")
    }
}

/// Number formats shared by the renderers.
package enum Format {
    static func count(_ n: Int?) -> String { n.map(String.init) ?? "-" }

    static func money(_ n: Double?) -> String {
        guard let n else { return "-" }
        // Cents, unless the amount is below a cent (some pages state $0.000412).
        return "$" + String(format: n > 0 && n < 0.01 ? "%.4f" : "%.2f", n)
    }

    /// 19 rather than 19.0.
    package static func score(_ n: Double?) -> String {
        guard let n else { return "-" }
        // `exactly`: a score too large for an Int (or not a number) is written as it is, not trapped on.
        if let whole = Int(exactly: n) { return String(whole) }
        return String(format: n.magnitude < 1e15 ? "%.1f" : "%g", n)
    }

    /// `rel 10 · nov 9 · score 19`, or `author match`.
    static func verdict(_ v: VerdictFields) -> String {
        let (relevance, novelty, score, authorMatch) = (v.relevance, v.novelty, v.score, v.authorMatch)
        if authorMatch && relevance == nil && novelty == nil { return "author match" }
        var parts: [String] = []
        if authorMatch { parts.append("author match") }
        if let relevance { parts.append("rel \(relevance)") }
        if let novelty { parts.append("nov \(novelty)") }
        if score != nil { parts.append("score \(Format.score(score))") }
        return parts.isEmpty ? "no verdict" : parts.joined(separator: " · ")
    }

    /// At most `limit` names, then `+N more`.
    static func authors(_ names: [String], limit: Int = 6) -> String {
        if names.isEmpty { return "(no authors listed)" }
        if names.count <= limit { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + ", … +\(names.count - limit) more"
    }
}

extension String {
    /// Without the spaces that pad the last column.
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
