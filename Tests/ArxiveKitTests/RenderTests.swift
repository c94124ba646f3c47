import ArxiveKit
import Testing

@Suite("Renderers: golden output")
struct RenderTests {
    @Test("Scores print whole when whole, with one decimal otherwise, and never trap on huge values")
    func scores() {
        #expect(Format.score(19) == "19" && Format.score(18.5) == "18.5" && Format.score(nil) == "-")
        #expect(Format.score(1e300) == "1e+300" && Format.score(-.infinity) == "-inf" && Format.score(.nan) == "nan")
    }

    @Test("runs: aligned columns, numbers to the right, a total line")
    func runs() throws {
        let archive = try fixtureArchive()
        let text = RunRenderer.runs(try archive.runs(month: Month("2025-12")!))
        #expect(
            text == """
                date        digest  model  prompt  completion  tokens   cost  arXiv  scanned  relevant  listed
                2025-12-01  daily   gpt-5   50210       40100   90310  $0.46    512      340         3       3
                2025-12-02  daily   gpt-5   30100       20050   50150  $0.24    420      300         2       2
                2025-12-03  daily   gpt-5   20000       10000   30000  $0.13    380      250         1       1
                2025-12-04  daily   gpt-5   25000        5000   30000  $0.08    198      120         0       0
                4 runs, 200460 tokens, $0.91
                """)
    }

    @Test("search hits: numbered, verdict line, authors, highlighted snippet")
    func hits() throws {
        let archive = try fixtureArchive()
        let text = PaperRenderer.hits(try archive.search(QueryParser.parse("ti:tokenizer")))
        #expect(
            text == """
                  1. Tokenizer-Free Language Models
                     2604.00501 · last seen 2026-04-06 · rel 9 · nov 9 · score 18
                     Zoë Achterberg
                     **Tokenizer**-Free Language Models
                """)
    }

    @Test("hit numbers are right-aligned in three columns")
    func hitNumbers() throws {
        let hit = try #require(try fixtureArchive().search(QueryParser.parse("ti:tokenizer")).first)
        let numbers = PaperRenderer.hits(Array(repeating: hit, count: 10)).split(separator: "\n")
            .filter { $0.hasSuffix("Tokenizer-Free Language Models") }.map { $0.prefix(5) }
        #expect(numbers == ["  1. ", "  2. ", "  3. ", "  4. ", "  5. ", "  6. ", "  7. ", "  8. ", "  9. ", " 10. "])
    }

    @Test("Colour wraps only when asked")
    func colour() {
        #expect(Style.plain.highlight("x") == "**x**")
        #expect(Style(colour: true).highlight("x") == "\u{1B}[1;33mx\u{1B}[0m")
        #expect(Style.plain.bold("x") == "x")
    }

    @Test("day: header, author match, comments")
    func day() throws {
        let archive = try fixtureArchive()
        let text = RunRenderer.day(try #require(try archive.day(Day("2025-12-01")!).first))
        #expect(text.hasPrefix("2025-12-01 · daily · gpt-5 · 90310 tokens · $0.46 · 512 arXiv / 340 scanned / 3 relevant\n"))
        #expect(text.contains("  1. Mixture-of-Experts Pruning at Scale  2512.00401\n     author match\n     Y. Morvan, Emma Morvan, François Béranger\n"))
        #expect(text.contains("     Efficiency: sparse attention kernels, a systems contribution."))
    }
}
