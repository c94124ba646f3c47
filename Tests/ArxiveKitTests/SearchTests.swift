import ArxiveKit
import Testing

@Suite("Search and authors on the fixture archive")
struct SearchTests {
    let archive: Archive

    init() throws { archive = try fixtureArchive() }

    func ids(_ query: String, order: SearchOrder = .rank) throws -> [String] {
        try archive.search(parse(query), order: order).map(\.arxivID)
    }

    @Test("Words AND, phrases, prefixes, OR, NOT")
    func textOperators() throws {
        #expect(try ids("sparse attention") == ["2512.00402"])
        #expect(Set(try ids("sparse")) == ["2501.00101", "2512.00402", "2608.00601"])
        #expect(try ids("\"block-sparse self-attention\"") == ["2512.00402"])
        #expect(Set(try ids("quantis*")) == ["2501.00102"])
        #expect(Set(try ids("byte OR reservoir")) == ["2604.00501", "2501.00102"])
        // Porter stemming: "tokenizer" also finds "tokens".
        #expect(Set(try ids("tokenizer")) == ["2604.00501", "2501.00101"])
        #expect(Set(try ids("sparse -kernels")) == ["2501.00101", "2608.00601"])
        #expect(Set(try ids("sparse NOT kernels")) == ["2501.00101", "2608.00601"])
        #expect(!(try ids("-sparse")).contains("2512.00402"))
    }

    @Test("Titles rank above abstracts")
    func titlesFirst() throws {
        // "experts" is in 2512.00401's title and only in 2501.00101's abstract.
        #expect(try ids("experts").first == "2512.00401")
    }

    @Test("Field scopes")
    func scopes() throws {
        #expect(Set(try ids("ti:kernels")) == ["2512.00402", "2503.00301"])
        #expect(try ids("abs:commodity") == ["2512.00402"])
        #expect(try ids("ti:commodity").isEmpty)
        #expect(try ids("comment:criterion").contains("2608.00601"))
        #expect(try ids("id:2512.00402") == ["2512.00402"])
        #expect(try ids("id:hep-th/9901001") == ["hep-th/9901001"])
    }

    @Test("Filters: dates, scores, author match, digest; a verdict must meet them together")
    func filters() throws {
        #expect(Set(try ids("date:2025-12")) == ["2512.00401", "2512.00402", "2501.00101", "2501.00102"])
        #expect(Set(try ids("date:2025-12-02..2025-12-03")) == ["2512.00401", "2501.00102", "2512.00402"])
        #expect(try ids("match:author") == ["2512.00401"])
        #expect(Set(try ids("rel:>=9 date:2025-12")) == ["2512.00401", "2512.00402"])
        // 2512.00402 had rel 9 on 12-01 and rel 8 on 12-03: no single verdict is rel 9 on 12-03.
        #expect(try ids("rel:>=9 date:2025-12-03").isEmpty)
        #expect(Set(try ids("digest:upstream")) == ["2608.00601", "2512.00401"])
        #expect(try ids("digest:upstream rel:<5") == ["2512.00401"])
        #expect(Set(try ids("score:>=18 nov:9")) == ["2503.00301", "2604.00501"])
    }

    @Test(
        "Text that breaks raw FTS5 is searched as text",
        arguments: [
            "self-attention", "C++", "2512.00402", "\"\"\"\"", "sparse\"", "a:b\"", "ünïcödé", "mixture-of-experts", "(sparse)", "O'Neil",
        ])
    func hostileText(_ text: String) throws {
        do {
            _ = try archive.search(parse(text))
        } catch let error as QueryError {
            #expect(!error.message.isEmpty)
        }
    }

    @Test("C++ and self-attention find what they should")
    func punctuation() throws {
        #expect(Set(try ids("C++")) == ["2503.00301", "2512.00402"])
        #expect(Set(try ids("self-attention")) == ["2503.00301", "2512.00402"])
    }

    @Test("Hits carry the latest verdict, first and last days, and a highlighted snippet")
    func hitShape() throws {
        let hit = try #require(try archive.search(parse("kernels")).first)
        #expect(hit.arxivID == "2512.00402")
        #expect((hit.firstSeen, hit.lastSeen) == ("2025-12-01", "2025-12-03"))
        #expect((hit.verdict.relevance, hit.verdict.novelty, hit.verdict.score) == (8, 6, 14))
        #expect(hit.authors == ["Jiří Dvořák", "Michał Łukasik"])
        #expect(
            hit.snippet?.contains(Snippet.open + "Kernels" + Snippet.close) == true
                || hit.snippet?.contains(Snippet.open + "kernels" + Snippet.close) == true)
    }

    @Test("Snippets read in one pass (no filters) and looked up hit by hit (filters) are the same")
    func snippetPaths() throws {
        let hits = try archive.search(parse("sparse"))
        #expect(hits.count == 3)
        for hit in hits {
            let marked = try #require(hit.snippet)
            #expect(marked.contains(Snippet.open), "\(hit.arxivID)")
            let filtered = try #require(try archive.search(parse("sparse id:\(hit.arxivID)")).first)
            #expect(filtered.snippet == marked, "\(hit.arxivID)")
        }
    }

    @Test("A hit shows its latest verdict among those the query's filters select")
    func verdictShown() throws {
        let all = try #require(try archive.search(parse("id:2512.00401")).first)
        #expect(all.verdict.relevance == 4, "the latest verdict overall: upstream's")
        let filtered = try #require(try archive.search(parse("id:2512.00401 rel:>=8 date:2025-12")).first)
        #expect(filtered.verdict.relevance == 9 && filtered.verdict.novelty == 8, "the latest one meeting rel:>=8 in 2025-12")
    }

    @Test("Sort by date and by score; limit")
    func ordering() throws {
        #expect(try ids("sparse", order: .date).first == "2608.00601")
        // By the latest verdict's score: 2512.00401's latest is upstream's 10, not its author match's 20.
        #expect(try archive.search(parse("date:2025"), order: .score, limit: 2).map(\.arxivID) == ["2503.00301", "2502.00201"])
        #expect(try archive.search(parse("date:2025"), limit: 3).count == 3)
    }

    @Test("au: a name word, or a whole name matched like `arxive author`")
    func authorScope() throws {
        #expect(Set(try ids("au:morvan")) == ["2503.00301", "2512.00401"])
        #expect(Set(try ids("au:\"Yannick Morvan\"")) == ["2503.00301", "2512.00401"])
        #expect(try ids("au:\"Emma Morvan\"") == ["2512.00401"])
        #expect(try ids("au:\"Samuel Morvan\"") == ["2503.00301"])
        #expect(try ids("au:skold") == ["2501.00101"])
        #expect(try ids("au:lukas*") == ["2512.00402"])
    }

    @Test("Authors: TeX, diacritics, ø and ł, initials; namesakes are reported, not matched")
    func authors() throws {
        #expect(try archive.papers(byAuthor: "Ingrid Skold").papers.map(\.arxivID) == ["2501.00101"])
        #expect(try archive.papers(byAuthor: "ingrid SKØLD").papers.map(\.matchLevel) == [.exact])
        #expect(try archive.papers(byAuthor: "Michal Lukasik").papers.map(\.arxivID) == ["2512.00402"])
        #expect(try archive.papers(byAuthor: "Jiri Dvorak").papers.first?.matchedName == "Jiří Dvořák")
        let yannick = try archive.papers(byAuthor: "Yannick Morvan")
        #expect(Set(yannick.papers.map(\.arxivID)) == ["2503.00301", "2512.00401"])
        #expect(yannick.papers.first { $0.arxivID == "2512.00401" }?.matchLevel == .compatible)
        #expect(Set(yannick.possible.map(\.name)) == ["Samuel Morvan", "Emma Morvan"])
        let emma = try archive.papers(byAuthor: "E. Morvan")
        #expect(emma.papers.map(\.arxivID) == ["2512.00401"])
        #expect(try archive.papers(byAuthor: "Morvan").papers.isEmpty)
        #expect(try archive.papers(byAuthor: "Morvan").possible.count == 4)
        #expect(try archive.papers(byAuthor: "Morvan", loose: true).papers.count == 2)
    }

    @Test("Most frequent authors, overall and by month; spellings of one key count together")
    func topAuthors() throws {
        let top = try archive.topAuthors(limit: 3)
        #expect(top.count == 3 && top.allSatisfy { $0.papers == 1 })
        let december = try archive.topAuthors(month: Month("2025-12")!, limit: 100)
        #expect(december.contains { $0.name == "Jiří Dvořák" && $0.papers == 1 })
        #expect(!december.contains { $0.name == "Zoë Achterberg" })
    }
}
