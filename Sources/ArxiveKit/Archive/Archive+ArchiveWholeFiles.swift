import Foundation
import GRDB

/// Spotlight days and monthly overviews in the archive file: written from
/// what the archive holds, and read back as the values their readers make,
/// so that importing one stores it through the same path as the original file.
extension Archive {
    // MARK: Export

    static func spotlightDayLines(_ db: Database) throws -> [ArchiveFile.SpotlightDayLine] {
        try Row.fetchAll(db, sql: "SELECT * FROM spotlight_days ORDER BY date, digest").map { day in
            let dayID: Int64 = day["id"]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.kind, s.position, s.comment, s.relevance, s.novelty, s.score, s.verdict_comment, s.extra, p.arxiv_id, s.paper_id
                    FROM spotlights s JOIN papers p ON p.id = s.paper_id WHERE s.day_id = ? ORDER BY s.kind, s.position
                    """, arguments: [dayID])
            let tags = try Row.fetchAll(
                db, sql: "SELECT paper_id, kind FROM spotlight_tags WHERE day_id = ? ORDER BY paper_id, is_primary DESC, kind", arguments: [dayID])
            let kindsByPaper = Dictionary(grouping: tags, by: { $0["paper_id"] as Int64 }).mapValues { $0.map { $0["kind"] as String } }
            // The sections in the file's order, each with its papers in position order.
            let declared = (try? JSONSerialization.jsonObject(with: Data(((day["sections"] as String?) ?? "[]").utf8))) as? [[String: Any]] ?? []
            let sections = declared.map { entry in
                let kind = entry["kind"] as? String ?? ""
                return ArchiveFile.SpotlightDayLine.Section(
                    kind: kind, label: entry["label"] as? String, description: entry["description"] as? String,
                    arxivIds: rows.filter { $0["kind"] == kind }.map { $0["arxiv_id"] })
            }
            // Each paper once, in the order its rows come: a paper no section
            // lists is listed under its kinds in this order when read back.
            var papers: [ArchiveFile.SpotlightDayLine.Paper] = []
            var seen = Set<String>()
            for row in rows where seen.insert(row["arxiv_id"]).inserted {
                papers.append(
                    .init(
                        arxivId: row["arxiv_id"], comment: row["comment"], kinds: kindsByPaper[row["paper_id"]] ?? [row["kind"]],
                        relevance: row["relevance"], novelty: row["novelty"], score: row["score"], verdictComment: row["verdict_comment"],
                        extra: row["extra"]))
            }
            return ArchiveFile.SpotlightDayLine(
                digest: day["digest"], date: day["date"], totalCandidates: day["total_candidates"], thresholds: day["thresholds"],
                caps: day["caps"], sections: sections, papers: papers, sourcePath: day["source_path"], sourceSha256: day["source_sha256"])
        }
    }

    static func monthlyOverviewLines(_ db: Database) throws -> [ArchiveFile.MonthlyOverviewLine] {
        try Row.fetchAll(db, sql: "SELECT * FROM monthly_overviews ORDER BY month, digest").map { overview in
            let picks = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.*, p.arxiv_id FROM monthly_picks m JOIN papers p ON p.id = m.paper_id WHERE m.overview_id = ? ORDER BY m.position
                    """, arguments: [overview["id"] as Int64]
            ).map { row in
                ArchiveFile.MonthlyOverviewLine.Pick(
                    arxivId: row["arxiv_id"], kept: row["kept"], priority: row["priority"], comment: row["comment"],
                    primaryCategory: row["primary_category"],
                    secondaryCategories: ((row["secondary_categories"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) })
                        ?? [],
                    sourceDate: row["source_date"], sourceDayPage: row["source_day_page"], extra: row["extra"])
            }
            return ArchiveFile.MonthlyOverviewLine(
                digest: overview["digest"], month: overview["month"], generatedAt: overview["generated_at"], model: overview["model"],
                mode: overview["mode"], promptCost: overview["prompt_cost"], completionCost: overview["completion_cost"],
                sourceHash: overview["source_hash"], picks: picks, sourcePath: overview["source_path"], sourceSha256: overview["source_sha256"])
        }
    }

    // MARK: Import

    /// The request that stores a spotlight day of an archive file, its papers' text from the file's paper lines.
    static func storeRequest(for line: ArchiveFile.SpotlightDayLine, papers: [String: ArchiveFile.Paper]) -> StoreRequest {
        let day = SpotlightDay(
            date: line.date, totalCandidates: line.totalCandidates, thresholds: line.thresholds, caps: line.caps,
            sections: line.sections.map { .init(kind: $0.kind, label: $0.label, description: $0.description, arxivIDs: $0.arxivIds) },
            papers: line.papers.map { p in
                var paper = digestPaper(p.arxivId, papers)
                (paper.relevance, paper.novelty, paper.score, paper.comment, paper.extra) = (p.relevance, p.novelty, p.score, p.verdictComment, p.extra)
                return SpotlightDay.Paper(paper: paper, comment: p.comment, kinds: p.kinds)
            })
        return StoreRequest(
            content: .spotlights(day), digestName: line.digest, date: line.date, source: DigestSource(path: line.sourcePath, sha256: line.sourceSha256))
    }

    /// The request that stores a monthly overview of an archive file.
    static func storeRequest(for line: ArchiveFile.MonthlyOverviewLine, papers: [String: ArchiveFile.Paper]) -> StoreRequest {
        let overview = MonthlyOverview(
            month: line.month, generatedAt: line.generatedAt, model: line.model, mode: line.mode, promptCost: line.promptCost,
            completionCost: line.completionCost, sourceHash: line.sourceHash,
            picks: line.picks.map { pick in
                var paper = digestPaper(pick.arxivId, papers)
                paper.extra = pick.extra
                return MonthlyOverview.Pick(
                    paper: paper, kept: pick.kept, priority: pick.priority, comment: pick.comment, primaryCategory: pick.primaryCategory,
                    secondaryCategories: pick.secondaryCategories, sourceDate: pick.sourceDate, sourceDayPage: pick.sourceDayPage)
            })
        return StoreRequest(
            content: .monthlyOverview(overview), digestName: line.digest, date: nil,
            source: DigestSource(path: line.sourcePath, sha256: line.sourceSha256))
    }

    /// A paper of the file by id, with the text its paper line gives.
    static func digestPaper(_ arxivID: String, _ papers: [String: ArchiveFile.Paper]) -> DigestPaper {
        let text = papers[arxivID]
        return DigestPaper(arxivID: arxivID, title: text?.title ?? "", authors: text?.authors ?? [], abstract: text?.abstract ?? "")
    }
}
