import ArxiveKit
import Foundation
import Testing

@Suite("Readers: every format era, recognised from content")
struct ReaderTests {
    func read(_ relative: String) throws -> Digest {
        let digest = try SourceReader.read(Data(contentsOf: Paths.fixture(relative))).digest
        return try #require(digest)
    }

    @Test("Era 1: Total cost line, 0-indexed, feed prefix, affiliations")
    func era1() throws {
        let d = try read("md/2025-01-06-output.md")
        #expect(d.format == .markdown)
        #expect(d.date == "2025-01-06")
        #expect(d.header?.totalCost == 0.41225)
        #expect(d.header?.relevantPapers == 2)
        #expect(d.header?.model == nil)
        #expect(d.header?.selectionPrompt?.hasPrefix("You are a helpful paper reading assistant.") == true)
        #expect(d.papers.map(\.arxivID) == ["2501.00101", "2501.00102"])
        let p = d.papers[0]
        #expect(p.authors == ["Ingrid Sk{\\o}ld", "Ren\\'ee Duval", "Tomasz Nowicki"])
        #expect(p.abstract.hasPrefix("We route tokens"))
        #expect(p.arxivVersion == 1 && p.announceType == "new")
        #expect(d.papers[1].arxivVersion == 2 && d.papers[1].announceType == "replace")
        #expect((p.relevance, p.novelty, p.score) == (10, 8, 18))
    }

    @Test("JSON: numeric strings, no SCORE, an affiliation cut by a naive split")
    func jsonEra1() throws {
        let d = try read("json/2025-01-06-output.json")
        #expect(d.format == .json && d.date == nil && d.header == nil)
        #expect(d.papers.map(\.arxivID) == ["2501.00101", "2501.00102"])
        #expect(d.papers[0].authors == ["Ingrid Sk{\\o}ld", "Ren\\'ee Duval", "Tomasz Nowicki"])
        #expect((d.papers[0].relevance, d.papers[0].novelty, d.papers[0].score) == (10, 8, 18))
        #expect(d.papers[0].extra == nil)
    }

    @Test("Era 2: pipe table without model, scanned only, wrapped abstract")
    func era2() throws {
        let h = try #require(try read("md/2025-02-03-output.md").header)
        #expect(h.model == nil)
        #expect((h.promptTokens, h.completionTokens, h.totalTokens) == (80412, 9120, 89532))
        #expect((h.promptCost, h.completionCost, h.totalCost) == (2.01, 0.91, 2.92))
        #expect(h.scannedPapers == 211 && h.totalPapers == nil)
        let p = try read("md/2025-02-03-output.md").papers[0]
        #expect(
            p.abstract
                == "Low-rank adapters drift when the input distribution moves; we bound the drift and propose a correction that costs one extra matrix product."
        )
    }

    @Test("Era 3: model cell, M/D/YYYY, remedial note, old-style id")
    func era3() throws {
        let d = try read("md/2025-03-17-output.md")
        #expect(d.date == "2025-03-17")
        #expect(d.header?.model == "gpt-4o")
        #expect(d.header?.notes == "This is a remedial run for missed papers from 03/14/2025 to 03/14/2025. Results generated on 03/20/2025.")
        #expect((d.header?.totalPapers, d.header?.scannedPapers, d.header?.relevantPapers) == (301, 287, 2))
        #expect(d.papers.map(\.arxivID) == ["2503.00301", "hep-th/9901001"])
    }

    @Test("Author match: no relevance or novelty, score 20; other keys kept")
    func authorMatch() throws {
        let md = try read("md/2025-12-01-output.md")
        #expect(md.papers[0].authorMatch && md.papers[0].relevance == nil && md.papers[0].score == 20)
        let json = try read("json/2025-12-01-output.json")
        #expect(json.papers[0].authorMatch && json.papers[0].score == 20)
        let extra = try #require(json.papers[1].extra)
        #expect(extra == #"{"MATCHED_TOPIC_IDS":[2,4],"PRIMARY_TOPIC_ID":2}"#)
        #expect(json.papers.map(\.arxivID) == md.papers.map(\.arxivID))
    }

    @Test("Era 4: HTML table")
    func era4() throws {
        let h = try #require(try read("md/2026-04-06-latest.md").header)
        #expect(h.model == "gpt-5.4")
        #expect((h.promptTokens, h.completionTokens, h.totalTokens) == (150000, 7000, 157000))
        #expect((h.totalPapers, h.scannedPapers, h.relevantPapers) == (601, 330, 1))
        #expect((h.promptCost, h.completionCost, h.totalCost) == (0.38, 0.10, 0.48))
    }

    @Test("Page text equals what the Markdown of the same era says")
    func pageText() throws {
        let d = try read("page-text/2025-12-02.txt")
        #expect(d.format == .pageText && d.date == "2025-12-02")
        #expect(d.header?.model == "gpt-5")
        #expect((d.header?.totalTokens, d.header?.totalCost, d.header?.scannedPapers) == (50150, 0.24, 300))
        #expect(d.papers.map(\.arxivID) == ["2512.00401", "2501.00102"])
        #expect(d.papers[0].authors == ["Y. Morvan", "Emma Morvan", "Fran\\c{c}ois B\\'eranger"])
        #expect((d.papers[1].relevance, d.papers[1].novelty) == (6, 6))
        #expect(d.header?.selectionPrompt == "You are a helpful paper reading assistant. Favour sparse experts.")
    }

    @Test("Site day page (navigation block), upstream Markdown, the month page is not a day")
    func siteAndUpstream() throws {
        let site = try read("site/archive/2025-12/03/index.md")
        #expect(site.date == "2025-12-03" && site.papers.count == 1)
        let upstream = try read("upstream/output_2026_0810.md")
        #expect(upstream.date == "2026-08-10")
        #expect(upstream.papers.map(\.arxivID) == ["2608.00601", "2512.00401"])
        #expect(upstream.header?.selectionPrompt?.contains("spatial understanding") == true)
        let month = try String(contentsOf: Paths.fixture("site/archive/2025-12/index.md"), encoding: .utf8)
        #expect(SourceKind.recognize(Data(month.utf8)) == .skipped(.overviewPage))
    }

    @Test("An empty day is a run with no papers")
    func emptyDay() throws {
        #expect(try read("md/2025-12-04-output.md").papers.isEmpty)
        #expect(try read("json/2025-12-04-output.json").papers.isEmpty)
    }

    @Test(
        "Bad input names the line",
        arguments: [
            ("# Personalized Daily ArXiv Papers 13/45/2025\n", 1, "is not a date"),
            ("# Personalized Daily ArXiv Papers 2025-12-01\n\n## 1. [T](https://arxiv.org/abs/x)\n\n**ArXiv ID:** not-an-id\n", 5, "is not an arXiv id"),
            (
                "# Personalized Daily ArXiv Papers 2025-12-01\n## 1. [T](https://arxiv.org/abs/2512.00001)\n**ArXiv ID:** 2512.00001\n**Relevance:** high\n", 4,
                "not a whole number"
            ),
            ("{\n  \"2512.00001\": {\n    \"title\": \"x\",\n    \"RELEVANCE\": \"ten\"\n  }\n}\n", 2, "not a whole number"),
            ("{\n  \"2512.00001\": {\"title\": \"x\",\n", 2, "not valid JSON"),
            // Beyond any day's figures: a sum over two such runs overflowed (and crashed `runs`).
            (
                "# Personalized Daily ArXiv Papers 2025-12-01\n\n| *[gpt-5]* | Prompt | Completion | Total |\n|-|-|-|-|\n"
                    + "| **Token** | 9000000000000000000 | 1 | 9000000000000000001 |\n", 5, "token row does not hold three numbers"
            ),
            (
                "# Personalized Daily ArXiv Papers 2025-12-01\n\n| *[gpt-5]* | Prompt | Completion | Total |\n|-|-|-|-|\n"
                    + "| **Token** | 1 | 2 | 3 |\n| **Cost** | $1e400 | $0 | $0 |\n", 6, "cost row does not hold three amounts"
            ),
        ])
    func errors(text: String, line: Int, message: String) {
        #expect {
            _ = try SourceReader.read(Data(text.utf8)).digest
        } throws: { error in
            guard let e = error as? DigestReadError else { return false }
            return e.line == line && e.message.contains(message)
        }
    }

    @Test("Unrecognised content and non-UTF-8 bytes are errors, not crashes")
    func unrecognised() {
        #expect(throws: DigestReadError.self) { try SourceReader.read(Data("# Some README\n".utf8)).digest }
        #expect(throws: DigestReadError.self) { try SourceReader.read(Data([0xFF, 0xFE, 0x00, 0x80])).digest }
        #expect(throws: DigestReadError.self) { try SourceReader.read(Data("[1, 2]".utf8)).digest }
    }

    @Test("Thousands of damaged fixture files are each read or refused, never a crash")
    func damagedFiles() throws {
        var damage = Damage(seed: 2026)
        var read = 0, refused = 0
        for file in try Damage.fixtureFiles() {
            let original = Array(try Data(contentsOf: file))
            for _ in 0..<250 {
                do {
                    _ = try SourceReader.read(Data(damage.apply(to: original))).digest
                    read += 1
                } catch {  // typed throws: a DigestReadError, the only other outcome allowed
                    refused += 1
                }
            }
        }
        // Both outcomes must occur, or the damage reached nothing.
        #expect(read > 100 && refused > 100, "read \(read), refused \(refused)")
    }

    @Test("Control characters that a terminal would obey become spaces; comments and prompts keep their lines")
    func controlCharacters() throws {
        let esc = "\u{1B}[2J\u{1B}]0;x\u{07}"  // clear the screen, set the window title
        let text = """
            > A remedial\(esc) run

            # Personalized Daily ArXiv Papers 2025-12-01

            | *[gpt\(esc)-5]* | Prompt | Completion | Total |
            |:-:|:-:|:-:|:-:|
            | **Token** | 10 | 20 | 30 |

            ## 1. [Sparse\(esc) Attention\u{08}s](https://arxiv.org/abs/2512.00402)

            **ArXiv ID:** 2512.00402

            **Authors:** Ji\\v{r}\\'i Dvo\(esc)\\v{r}\\'ak

            **Abstract:** Kernels\u{7F} for\(esc) attention.

            **Comment:** First line\(esc)

            **Relevance:** 9
            **Novelty:** 7

            # Paper Selection Prompt
            Favour\(esc) sparse
            \tattention.
            """
        let digest = try #require(try SourceReader.read(Data(text.utf8)).digest)
        let header = try #require(digest.header)
        let paper = try #require(digest.papers.first)
        let texts = [header.model, header.notes, header.selectionPrompt, paper.title, paper.abstract, paper.comment] + paper.authors
        for text in texts {
            let text = try #require(text)
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F }, "\(text.debugDescription)")
        }
        #expect(paper.title == "Sparse [2J ]0;x Attention s")
        #expect(header.selectionPrompt == "Favour [2J ]0;x  sparse\n\tattention.")
    }

    @Test("JSON keys keep the file's order, also a key written with escapes")
    func jsonKeyOrder() throws {
        let text = #"{"2501.00102": {"title": "B"}, "2501.0010\u0031": {"title": "A"}, "2501.00100": {"title": "C"}}"#
        let digest = try JSONDigestReader.read(Data(text.utf8))
        #expect(digest.papers.map(\.arxivID) == ["2501.00102", "2501.00101", "2501.00100"])
        #expect(digest.papers.map(\.title) == ["B", "A", "C"])
    }

    @Test("A byte order mark and Windows line ends change nothing")
    func byteOrderMarkAndCRLF() throws {
        let original = try Data(contentsOf: Paths.fixture("md/2025-01-06-output.md"))
        let windows = Data([0xEF, 0xBB, 0xBF]) + Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let plain = try #require(try SourceReader.read(original).digest)
        let marked = try #require(try SourceReader.read(windows).digest)
        #expect(marked.papers == plain.papers)
        #expect(marked.header == plain.header)
        #expect(marked.date == plain.date)
    }

    @Test("arXiv ids: new and old style, versions, prefixes")
    func ids() {
        #expect(ArxivID.parse("2512.22471v2")! == ("2512.22471", 2))
        #expect(ArxivID.parse("arXiv:2512.22471")! == ("2512.22471", nil))
        #expect(ArxivID.parse("hep-th/9901001v1")! == ("hep-th/9901001", 1))
        #expect(ArxivID.parse("math.AG/0101001")! == ("math.AG/0101001", nil))
        #expect(ArxivID.parse("1234.123") == nil)
        #expect(ArxivID.parse("x/1") == nil)
        #expect(ArxivID.parse("") == nil)
    }

    @Test("An arXiv id value: parsed once, ordered, and Codable as its text")
    func idValues() throws {
        let id = try #require(ArxivID(" arXiv:2512.22471v2"))
        #expect(id.text == "2512.22471" && id.version == 2 && "\(id)" == "2512.22471")
        #expect(ArxivID("hep-th/9901001")?.version == nil && ArxivID("not-an-id") == nil && ArxivID("2512.224") == nil)
        #expect(ArxivID("2512.22471")! < id && id < ArxivID("2512.22472")! && ArxivID("hep-th/9901001")! > id)
        struct Line: Codable, Equatable { var ids: [ArxivID] }
        let line = Line(ids: [id, ArxivID("math.AG/0101001")!])
        let json = try JSONEncoder().encode(line)
        #expect(String(decoding: json, as: UTF8.self) == #"{"ids":["2512.22471v2","math.AG\/0101001"]}"#)
        #expect(try JSONDecoder().decode(Line.self, from: json) == line)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Line.self, from: Data(#"{"ids":["nope"]}"#.utf8)) }
    }

    @Test("Dates in every written form; impossible dates rejected")
    func dates() {
        #expect(DigestDate.parse("01/17/2025") == "2025-01-17")
        #expect(DigestDate.parse("3/4/2025") == "2025-03-04")
        #expect(DigestDate.parse("2025-12-30") == "2025-12-30")
        #expect(DigestDate.parse("2024-02-29") == "2024-02-29")
        #expect(DigestDate.parse("2025-02-29") == nil)
        #expect(DigestDate.inFileName("output_2026_0820.json") == "2026-08-20")
        #expect(DigestDate.inFileName("2025-12-30-output.json") == "2025-12-30")
        #expect(DigestDate.inFileName("output.json") == nil)
    }

    /// The regular expressions `DigestDate` used before it read bytes: the reference.
    static func referenceParse(_ text: String) -> String? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let parts: [Int]
        if s.range(of: #"^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}$"#, options: .regularExpression) != nil {
            parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        } else if s.range(of: #"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"#, options: .regularExpression) != nil {
            let mdy = s.split(separator: "/").compactMap { Int($0) }
            parts = [mdy[2], mdy[0], mdy[1]]
        } else {
            return nil
        }
        return DigestDate.make(year: parts[0], month: parts[1], day: parts[2])
    }

    static func referenceInFileName(_ name: String) -> String? {
        if let r = name.range(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}"#, options: .regularExpression) { return referenceParse(String(name[r])) }
        if let r = name.range(of: #"[0-9]{4}_[0-9]{4}"#, options: .regularExpression) {
            let d = name[r].filter(\.isNumber).compactMap { Int(String($0)) }
            return DigestDate.make(year: d[0...3].reduce(0) { $0 * 10 + $1 }, month: d[4] * 10 + d[5], day: d[6] * 10 + d[7])
        }
        return nil
    }

    @Test("Dates read as bytes agree with the regular expressions they replaced, on 20,000 generated strings")
    func datesAgainstReference() {
        var generator = SystemRandomNumberGenerator()
        func any(_ choices: [String]) -> String { choices.randomElement(using: &generator)! }
        var dates = 0, namedDates = 0
        for _ in 0..<20_000 {
            let (years, months, days) = (
                ["2025", "2024", "1999", "1899", "25", "02025"], ["1", "02", "12", "13", "0", "7"], ["1", "29", "30", "31", "00", "5"]
            )
            let separator = { any(["-", "/", "_", "", "-"]) }
            let core =
                Bool.random(using: &generator)
                ? any(years) + separator() + any(months) + separator() + any(days)
                : any(months) + separator() + any(days) + separator() + any(years)
            let text = any(["", "", "output_", "x", " ", "12"]) + core + any(["", "", "-output.json", " ", "0", ".md"])
            #expect(DigestDate.parse(text) == Self.referenceParse(text), "parse \(text)")
            #expect(DigestDate.inFileName(text) == Self.referenceInFileName(text), "inFileName \(text)")
            if DigestDate.parse(text) != nil { dates += 1 }
            if DigestDate.inFileName(text) != nil { namedDates += 1 }
        }
        #expect(dates > 20 && namedDates > 20, "the strings hold dates too (\(dates), \(namedDates))")
    }
}
