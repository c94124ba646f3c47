/// Human output for `recommend`: the papers as `search` lists them, each
/// with the model's score and, when explained, its strongest features.
public enum RecommendRenderer {
    public static func papers(_ recommendations: [Recommendation], style: Style = .plain) -> String {
        recommendations.enumerated().map { i, recommendation in
            let hit = recommendation.paper
            let number = String(i + 1)
            var lines = [
                String(repeating: " ", count: max(0, 3 - number.count)) + number + ". " + style.bold(hit.title),
                "     "
                    + [
                        style.cyan(hit.arxivID), "score " + String(format: "%.2f", recommendation.score),
                        "last seen \(hit.lastSeen ?? hit.published ?? "-")", Format.verdict(hit.verdict),
                    ].joined(separator: " · "),
                "     " + Format.authors(hit.authors),
            ]
            if !recommendation.reasons.isEmpty {
                lines.append("     because: " + recommendation.reasons.map(reason).joined(separator: ", "))
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// `+0.42 term "quorvan"`, `+0.18 author Jörg Keller`.
    static func reason(_ r: RecommendReason) -> String {
        String(format: "+%.2f ", r.points) + (r.kind == "term" ? "\"\(r.value)\"" : r.value)
    }

    /// What the model learned from, for stderr.
    public static func training(_ t: Recommendations.Training, marks: MarkedPapers) -> String {
        let what =
            switch marks {
            case .starred: "starred papers"
            case .tag(let name): "papers tagged '\(name)'"
            }
        return "learned from \(t.positives) \(what) against \(t.dismissed) dismissed and \(t.unmarked) unmarked "
            + "(\(t.features) features, \(t.iterations) passes); scored \(t.candidates) papers"
    }
}
