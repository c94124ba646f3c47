import ArxiveKit
import Foundation
import Testing

/// Search in one's own words: when too few papers hold every word, those
/// that hold some follow, by bm25; the query language keeps its meaning.
@Suite("Search in your own words")
struct OwnWordsSearchTests {
    func archive() throws -> Archive {
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [Paths.fixture("md").path, Paths.fixture("json").path])
        #expect(report.failures.isEmpty, "\(report.failures)")
        return archive
    }

    func ids(_ archive: Archive, _ query: String, relaxed: Bool = true) throws -> [String] {
        try archive.searchResults(try QueryParser.parse(query), relaxed: relaxed).hits.map(\.arxivID)
    }

    @Test("Papers that hold every word come first, then those that hold more of the words; --exact keeps today's answer")
    func ranksPartialMatches() throws {
        let archive = try archive()
        let results = try archive.searchResults(try QueryParser.parse("sparse attention kernels"), relaxed: true)
        #expect(results.hits.map(\.arxivID) == ["2512.00402", "2503.00301", "2501.00101"])
        #expect(results.partialMatches == 2)
        #expect(try ids(archive, "sparse attention kernels", relaxed: false) == ["2512.00402"])
        // No paper holds every word: the archive still answers.
        #expect(try ids(archive, "softmax lattice", relaxed: false).isEmpty)
        #expect(Set(try ids(archive, "softmax lattice")) == Set(try ids(archive, "softmax OR lattice", relaxed: false)))
    }

    @Test(
        "Filters, exclusions, phrases and fields keep their meaning: the relaxed answer is the papers each part finds with the same filters",
        arguments: [
            (["sparse", "attention", "kernels"], "-softmax"), (["sparse", "attention", "kernels"], "date:2025-12"),
            (["sparse", "attention", "kernels"], "rel:>=10"), (["\"sparse attention\"", "lattice"], ""), (["ti:softmax", "ti:lattice"], ""),
            (["abs:nonexistentword", "ti:lattice"], ""), (["kernel", "drift", "routing"], "nov:>=8"),
        ])
    func languageKeepsItsMeaning(parts: [String], filter: String) throws {
        let archive = try archive()
        let query = (parts + [filter]).joined(separator: " ")
        let relaxed = try archive.searchResults(try QueryParser.parse(query), limit: 50, relaxed: true)
        var expected = Set<String>()
        for part in parts { expected.formUnion(try ids(archive, part + " " + filter, relaxed: false)) }
        #expect(Set(relaxed.hits.map(\.arxivID)) == expected, "\(query)")
        // Those that hold every part come first.
        let every = try ids(archive, query, relaxed: false)
        #expect(Array(relaxed.hits.map(\.arxivID).prefix(every.count)) == every, "\(query)")
        #expect(relaxed.partialMatches == expected.count - every.count)
    }

    @Test("One word: nothing to relax")
    func singleWord() throws {
        let archive = try archive()
        let single = try archive.searchResults(try QueryParser.parse("lattice"), relaxed: true)
        #expect(single.partialMatches == 0 && single.hits.count == 2)
    }
}
