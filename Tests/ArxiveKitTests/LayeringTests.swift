import Foundation
import Testing

@testable import ArxiveKit

/// The folders' rules that the compiler cannot see (one module holds them
/// all): what `docs/architecture.md` says each may call.
@Suite("The data flow the folders keep")
struct LayeringTests {
    /// The query layer's types: what `Archive/` never names.
    static let queryTypes = [
        "PaperSearch", "PaperReads", "AuthorSearch", "FollowMatches", "Ranker(", "SimilarPapers", "Recommender",
        "HotspotQueries", "HotspotPlan", "RunReads", "MuteRules", "SavedSearches(", "SearchPlan", "QueryParser",
        "TrendQueries", "Reports(", "ArchiveTotals",
    ]

    @Test("Archive/ names nothing of the query layer; readers and renderers run no SQL; only two files outside Archive/ extend Archive")
    func folders() throws {
        let files = try HTMLEscapingTests.sources()
        let archive = files.filter { $0.path.hasPrefix("ArxiveKit/Archive/") }
        #expect(archive.count > 15)
        for (path, text) in archive {
            // Code only: a comment may point a reader to the query that uses what a file stores.
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            for name in Self.queryTypes {
                #expect(!code.contains(name), "\(path) names the query layer's \(name)")
            }
        }
        for (path, text) in files where path.hasPrefix("ArxiveKit/Import/Formats/") || path.hasPrefix("ArxiveKit/Render/") {
            #expect(!text.contains("import GRDB"), "\(path) reaches the database")
        }
        // The query layer reaches the archive through one file per folder of entry points.
        let extending = files.filter { $0.text.contains("\nextension Archive {") && !$0.path.hasPrefix("ArxiveKit/Archive/") }.map(\.path)
        #expect(extending.sorted() == ["ArxiveKit/Overview/Archive+Overviews.swift", "ArxiveKit/Search/Archive+Queries.swift"])
    }
}
