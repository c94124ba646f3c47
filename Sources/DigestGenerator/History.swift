import Foundation

/// A synthetic digest history and the truth it was written from.
///
/// Every format era is represented, names carry TeX escapes, papers repeat
/// across days (sometimes with a revised title), some days list nothing and
/// some have no run at all. Tests compare what arxive imports with this truth.
public struct History: Sendable {
    public enum Layout: String, Sendable, CaseIterable {
        /// `# ... 01/17/2025`, `Total cost:`, 0-indexed, feed prefix, affiliations.
        case totalCostLine
        /// Pipe table with an empty model cell, scanned count only.
        case pipeTableNoModel
        /// Pipe table with the model, `M/D/YYYY`, maybe a remedial-run note.
        case pipeTableSlashDate
        /// Pipe table with the model, ISO date.
        case pipeTableISODate
        /// The 2026 HTML table, `-latest.md`.
        case htmlTable
    }

    public enum Sources: String, Sendable {
        case markdownAndJSON, markdownOnly, jsonOnly, pageText, sitePage, upstream
    }

    public struct Paper: Sendable, Equatable {
        public var id: String
        public var title: String
        public var authors: [Vocabulary.Person]
        public var abstract: String
        public var relevance: Int?
        public var novelty: Int?
        public var score: Double
        public var comment: String
        public var authorMatch: Bool
        /// The invented topic it was written about (`Vocabulary.topicWords`):
        /// the truth a learned ranker is measured against. The digest's
        /// scores know nothing of it.
        public var topic = 0
    }

    public struct Run: Sendable {
        public var digest: String
        public var date: String
        public var layout: Layout
        public var sources: Sources
        public var model: String?
        public var promptTokens: Int
        public var completionTokens: Int
        public var promptCost: Double
        public var completionCost: Double
        public var totalPapers: Int
        public var scannedPapers: Int
        public var prompt: String
        public var remedial: Bool
        /// Published order.
        public var papers: [Paper]

        public var totalTokens: Int { promptTokens + completionTokens }
        /// As the page prints it (two decimals), so the truth equals the text.
        public var totalCost: Double { ((promptCost + completionCost) * 100).rounded() / 100 }
    }

    public let vocabulary: Vocabulary
    public var runs: [Run]
    /// Papers with a followed person among their authors (see `generate(followed:)`).
    public var followedPapers: Set<String> = []
    /// Papers with a planted namesake of a followed person.
    public var namesakePapers: Set<String> = []
    /// Near-twins: an earlier paper's id -> the id of a later paper that
    /// shares most of its words and two of its authors.
    public var twins: [String: String] = [:]

    /// Distinct papers, each with its latest title (the run order is date order).
    public var latestPapers: [String: Paper] {
        var latest: [String: Paper] = [:]
        for run in runs.sorted(by: { $0.date < $1.date }) { for p in run.papers { latest[p.id] = p } }
        return latest
    }

    public var verdictCount: Int { runs.reduce(0) { $0 + $1.papers.count } }
}
