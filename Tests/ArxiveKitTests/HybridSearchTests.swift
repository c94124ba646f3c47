import Foundation
import GRDB
import Testing

@testable import ArxiveKit

/// Hybrid search on an in-memory archive, with vectors the test chooses (no
/// model): what the meaning ranking finds, and that the query's filters,
/// exclusions and the mutes hold for it as for the words.
@Suite("Hybrid search")
struct HybridSearchTests {
    static let identity = "test-model@0000000000000000"

    /// The fixture archive, every paper with a vector that points along its
    /// own axis, so a query vector decides exactly which paper is nearest.
    func archive() throws -> (Archive, [String: Int64], VectorIndex) {
        let archive = try fixtureArchive()
        let ids = try archive.database.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT arxiv_id, id FROM papers").map { ($0[0] as String, $0[1] as Int64) })
        }
        let dimension = ids.count
        let vectors = ids.values.sorted().enumerated().map { axis, paperID -> (paperID: Int64, vector: [Float]) in
            var vector = [Float](repeating: 0, count: dimension)
            vector[axis] = 1
            return (paperID, vector)
        }
        try archive.storeVectors(vectors, model: Self.identity, dimension: dimension)
        return (archive, ids, try #require(try archive.vectorIndex(model: Self.identity)))
    }

    /// A query vector nearest `first`, then `second`, then the rest equally.
    func query(_ index: VectorIndex, first: Int64, second: Int64) -> [Float] {
        var vector = [Float](repeating: 0.01, count: index.dimension)
        vector[index.paperIDs.firstIndex(of: first)!] = 1
        vector[index.paperIDs.firstIndex(of: second)!] = 0.5
        return unit(vector)
    }

    @Test("By meaning: the nearest papers first, whatever their words; both: the rankings fused, each hit with its ranks")
    func modes() throws {
        let (archive, ids, index) = try archive()
        let far = try #require(ids["2501.00101"]), next = try #require(ids["2512.00402"])
        let meaning = MeaningQuery(vector: query(index, first: far, second: next), index: index)
        let byMeaning = try archive.searchResults(try parse("lattice"), meaning: meaning, mode: .meaning, limit: 5)
        #expect(byMeaning.hits.prefix(2).map(\.arxivID) == ["2501.00101", "2512.00402"])
        #expect(byMeaning.hits.allSatisfy { $0.ranks?.word == nil })
        #expect(byMeaning.hits.map { $0.ranks?.meaning } == [1, 2, 3, 4, 5])

        let words = try archive.searchResults(try parse("lattice"), limit: 50).hits
        let both = try archive.searchResults(try parse("lattice"), meaning: meaning, mode: .both, limit: 50).hits
        // Every word hit is kept, with its word rank, and the meaning hits join them.
        for (place, hit) in words.enumerated() {
            #expect(both.first { $0.arxivID == hit.arxivID }?.ranks?.word == place + 1, "\(hit.arxivID)")
        }
        #expect(both.count > words.count)
        #expect(both.first?.arxivID == words.first?.arxivID || both.first?.arxivID == "2501.00101")
    }

    @Test("Filters, -word and mutes apply to the meaning ranking")
    func filtersApply() throws {
        let (archive, ids, index) = try archive()
        let far = try #require(ids["2501.00101"]), next = try #require(ids["2512.00402"])
        let meaning = MeaningQuery(vector: query(index, first: far, second: next), index: index)
        for (query, kept) in [("lattice date:2025-12", "date:2025-12"), ("lattice rel:>=10", "rel:>=10"), ("lattice digest:upstream", "digest:upstream")] {
            let allowed = Set(try archive.search(try parse(kept), limit: 1000).map(\.arxivID))
            let hits = try archive.searchResults(try parse(query), meaning: meaning, mode: .meaning, limit: 1000).hits
            #expect(!hits.isEmpty && Set(hits.map(\.arxivID)).isSubset(of: allowed), "\(query)")
        }
        // The nearest paper holds "sparse": -sparse leaves it out.
        let excluding = try archive.searchResults(try parse("lattice -sparse"), meaning: meaning, mode: .meaning, limit: 1000).hits
        let sparse = Set(try archive.search(try parse("sparse"), limit: 1000).map(\.arxivID))
        #expect(!excluding.isEmpty && sparse.isDisjoint(with: excluding.map(\.arxivID)))
        _ = try archive.mute("id:2501.00101")
        let muted = try archive.searchResults(try parse("lattice"), meaning: meaning, mode: .meaning, limit: 5).hits
        #expect(muted.first?.arxivID == "2512.00402")
    }

    @Test("similar fuses the nearest papers by meaning into the term ranking")
    func similarUsesVectors() throws {
        let (archive, ids, index) = try archive()
        let paper = try #require(ids["2512.00402"]), neighbour = try #require(ids["2501.00102"])
        let byTerms = try archive.similar(to: "2512.00402", limit: 50).map(\.arxivID)
        // The neighbour's vector: halfway between its own axis and the paper's.
        var vector = index.vector(of: neighbour)!
        vector[index.paperIDs.firstIndex(of: paper)!] = 1
        try archive.storeVectors([(neighbour, unit(vector))], model: Self.identity, dimension: index.dimension)
        let vectors = try #require(try archive.vectorIndex(model: Self.identity))
        let fused = try archive.similar(to: "2512.00402", limit: 50, vectors: vectors).map(\.arxivID)
        // The terms do not find it; its vector makes it the nearest by meaning.
        #expect(!byTerms.contains("2501.00102"))
        // Of the papers the terms did not find, it comes first (in a real archive
        // the meaning ranking's first 50 hold few of the terms' papers: here they hold all).
        let byMeaningOnly = fused.filter { !byTerms.contains($0) }
        #expect(byMeaningOnly.first == "2501.00102", "\(fused)")
        #expect(!fused.contains("2512.00402"))
    }

    @Test("A paper whose title or abstract changes loses its vector, by an import or by any other writer")
    func staleVectors() throws {
        let (archive, ids, _) = try archive()
        let paper = try #require(ids["2512.00402"])
        func hasVector() throws -> Bool {
            try archive.database.read { try Bool.fetchOne($0, sql: "SELECT count(*) > 0 FROM paper_vectors WHERE paper_id = ?", arguments: [paper]) ?? false }
        }
        #expect(try hasVector())
        try archive.database.write { try $0.execute(sql: "UPDATE papers SET comments = 'x' WHERE id = ?", arguments: [paper]) }
        #expect(try hasVector(), "a comment is not part of the vector's text")
        try archive.database.write { try $0.execute(sql: "UPDATE papers SET abstract = abstract || ' More.' WHERE id = ?", arguments: [paper]) }
        #expect(try !hasVector())
        let status = try archive.vectorStatus(model: Self.identity)
        #expect(status.embedded == status.papers - 1)
        #expect(try archive.papersToEmbed(model: Self.identity, catalogue: false, limit: 10).map(\.paperID) == [paper])
    }
}
