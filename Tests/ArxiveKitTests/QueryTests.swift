import ArxiveKit
import Foundation
import PropertyBased
import Testing

@Suite("Query language")
struct QueryTests {
    @Test("Words, phrases, prefixes, scopes and filters parse as documented")
    func parses() throws {
        #expect(try parse("sparse attention") == .and([.text(.init(text: "sparse")), .text(.init(text: "attention"))]))
        #expect(try parse("\"sparse attention\"") == .text(.init(text: "sparse attention")))
        #expect(try parse("quant*") == .text(.init(text: "quant", isPrefix: true)))
        #expect(try parse("ti:moe") == .text(.init(field: .title, text: "moe")))
        #expect(try parse("abs:\"low rank\"") == .text(.init(field: .abstract, text: "low rank")))
        #expect(try parse("-diffusion moe") == .and([.not(.text(.init(text: "diffusion"))), .text(.init(text: "moe"))]))
        #expect(try parse("moe NOT diffusion") == .and([.text(.init(text: "moe")), .not(.text(.init(text: "diffusion")))]))
        #expect(try parse("id:2512.22471v3") == .filter(.arxivID("2512.22471")))
        #expect(try parse("match:author") == .filter(.authorMatch))
        #expect(try parse("digest:astro-ph") == .filter(.digest("astro-ph")))
        #expect(try parse("au:\"Y. Bengio\"") == .filter(.author("Y. Bengio", isPrefix: false)))
    }

    @Test("OR binds tighter than the implicit AND; parentheses group")
    func precedence() throws {
        let a = Query.text(.init(text: "a")), b = Query.text(.init(text: "b")), c = Query.text(.init(text: "c"))
        #expect(try parse("a b OR c") == .and([a, .or([b, c])]))
        #expect(try parse("(a b) OR c") == .or([.and([a, b]), c]))
        #expect(try parse("a AND b") == .and([a, b]))
    }

    @Test("Dates and numbers become ranges")
    func ranges() throws {
        #expect(try parse("date:2025-12") == .filter(.date(from: "2025-12-01", to: "2025-12-31")))
        #expect(try parse("date:2025") == .filter(.date(from: "2025-01-01", to: "2025-12-31")))
        #expect(try parse("date:2025-12-01..2025-12-15") == .filter(.date(from: "2025-12-01", to: "2025-12-15")))
        #expect(try parse("date:..2025-06") == .filter(.date(from: nil, to: "2025-06-31")))
        #expect(try parse("rel:>=8") == .filter(.relevance(NumberRange(lower: 8))))
        #expect(try parse("nov:<3") == .filter(.novelty(NumberRange(upper: 3, upperInclusive: false))))
        #expect(try parse("score:15..18") == .filter(.score(NumberRange(lower: 15, upper: 18))))
        #expect(try parse("rel:9") == .filter(.relevance(NumberRange(lower: 9, upper: 9))))
    }

    @Test(
        "Malformed queries explain themselves and point at the bad part",
        arguments: [
            ("", 1, "empty"), ("foo:bar", 1, "unknown field 'foo:'"), ("moe \"sparse", 5, "never closed"),
            ("a OR", 3, "OR needs a term"), ("OR a", 1, "OR needs a term"), ("(a b", 1, "never closed"), ("a b)", 4, "without its '('"),
            ("rel:high", 1, "not a number condition"), ("date:2025-13", 1, "not a date"), ("date:2025-12-10..2025-12-01", 1, "ends before"),
            ("match:title", 1, "takes 'author'"), ("id:nope", 1, "not an arXiv id"), ("+++", 1, "no letters or digits"),
            ("-", 1, "no letters or digits"), ("NOT", 1, "needs a term"), ("ti:", 1, "needs a value"), ("()", 2, "holds nothing"),
        ])
    func errors(input: String, column: Int, message: String) {
        #expect {
            _ = try QueryParser.parse(input)
        } throws: { error in
            guard let e = error as? QueryError else { return false }
            return e.column == column && e.message.contains(message)
        }
    }

    @Test("Bounded cost: too many terms, too long, too deep")
    func bounds() {
        #expect(throws: QueryError.self) { try QueryParser.parse(Array(repeating: "w", count: 65).joined(separator: " ")) }
        #expect(throws: QueryError.self) { try QueryParser.parse(String(repeating: "a", count: 2_001)) }
        #expect(throws: QueryError.self) { try QueryParser.parse(String(repeating: "(", count: 20) + "a" + String(repeating: ")", count: 20)) }
    }

    /// Characters that break naive FTS5 queries, plus letters, digits and Unicode.
    static let alphabet: [Character] = Array("ab cd\"\"()*-:^+.,;'`~!@#$%&=<>?/\\|[]{}ORNT AND 0129 éøł中文😀\u{0301}\t\n")

    /// The fixture digests and a 300-paper catalogue: catalogue papers take
    /// search paths of their own (categories, no verdicts).
    static func digestsAndCatalogue() throws -> Archive {
        let archive = try fixtureArchive()
        let snapshot = try CatalogueTests.SnapshotFiles(papers: 300)
        defer { snapshot.remove() }
        #expect(DigestImporter(archive: archive).run(paths: [snapshot.plain]).catalogue.first?.failed == false)
        return archive
    }

    @Test("Thousands of random queries never crash and never surface an SQLite error")
    func randomQueries() async throws {
        let archive = try QueryTests.digestsAndCatalogue()
        let fields = [
            "", "", "", "ti:", "abs:", "au:", "comment:", "id:", "date:", "rel:", "nov:", "score:", "match:", "digest:",
            "cat:", "in:", "x:",
        ]
        let term = Gen.element(of: QueryTests.alphabet).map { $0 ?? " " }.string(of: 0...12)
        let piece = zip(Gen.element(of: fields).map { $0 ?? "" }, term).map { $0 + $1 }
        let query = piece.array(of: 0...12).map { $0.joined(separator: " ") }
        await propertyCheck(count: 3_000, input: query) { text in
            do {
                let parsed = try QueryParser.parse(text)
                _ = try archive.search(parsed, limit: 5)
                _ = try archive.search(parsed, order: .score, limit: 5)
                _ = try archive.search(parsed, order: .date, limit: 5)
            } catch let error as QueryError {
                #expect(!error.message.isEmpty && error.column >= 1)
            } catch {
                Issue.record("query \(text.debugDescription) surfaced \(error)")
            }
        }
    }

    @Test("Thousands of random hotspot queries (every field, scores, ranges) never crash and never surface an SQLite error")
    func randomHotspotQueries() async throws {
        let archive = try Archive.inMemory()
        let imported = expectClean(DigestImporter(archive: archive).run(paths: [SourceKindTests.out.appendingPathComponent("hot").path]))
        #expect(imported.hotspotDays >= 2)
        let fields = [
            "", "", "", "ti:", "date:", "category:", "source:", "section:", "heat:", "quality:", "final_score:", "HEAT:", "x:", "rel:",
        ]
        // The fixtures' own words and values, so that many queries find topics, with the random alphabet's.
        let values = ["quill", "ledgerkit", "streams", "featured", "category", "hn_discussion", "\"Product Release\"", ">=5", "3..9", "<7", "2026-06"]
        let term = Gen.element(of: QueryTests.alphabet).map { $0 ?? " " }.string(of: 0...8)
        let value = Gen.element(of: values).map { $0 ?? "" }
        let piece = zip(Gen.element(of: fields).map { $0 ?? "" }, Gen.element(of: [true, false]).map { $0 ?? true }, term, value)
            .map { field, known, term, value in field + (known ? value : term) }
        let query = piece.array(of: 1...6).map { $0.joined(separator: " ") }
        await propertyCheck(count: 2_000, input: query) { text in
            do {
                _ = try archive.hotspotSearch(QueryParser.parseHotspotQuery(text), limit: 5)
            } catch let error as QueryError {
                #expect(!error.message.isEmpty && error.column >= 1)
            } catch {
                Issue.record("hotspot query \(text.debugDescription) surfaced \(error)")
            }
        }
        // The plans that random text reaches only by chance, each finding what the fixture holds.
        for (text, titles) in [
            ("heat:>=5", ["Ledgerkit Gains Stars", "Quill 3 Release", "Quill Mobile Beta"]),
            ("HEAT:<7 section:featured", ["A Quiet Day", "Ledgerkit Gains Stars"]),
            ("quill heat:>=5", ["Quill 3 Release", "Quill Mobile Beta"]),
            (#"category:"Product Release" source:hn_discussion"#, ["Quill 3 Release", "Rumoured Quill 4"]),
        ] {
            #expect(try archive.hotspotSearch(QueryParser.parseHotspotQuery(text), limit: 20).map(\.title).sorted() == titles, "\(text)")
        }
        #expect(try archive.hotspotSearch(QueryParser.parseHotspotQuery("quality:3..9"), limit: 20).count == 7)
    }

    @Test("Thousands of random well-formed queries over digests and a catalogue give results, never an SQLite error")
    func randomWellFormedQueries() async throws {
        // The random queries above mostly stop at the parser; these are
        // built from the archive's own words, names and filter values, so
        // that they reach every kind of search plan and find papers.
        let archive = try QueryTests.digestsAndCatalogue()
        let (titles, names) = try archive.withDatabaseForTesting { db in
            (
                try String.fetchAll(db, sql: "SELECT title FROM papers ORDER BY id % 7, id LIMIT 200"),
                try String.fetchAll(db, sql: "SELECT name FROM authors ORDER BY id % 5, id LIMIT 40")
            )
        }
        var seen = Set<String>()
        let words = titles.flatMap { $0.lowercased().split(separator: " ").map { String($0.filter(\.isLetter)) } }
            .filter { $0.count > 2 && seen.insert($0).inserted }.prefix(60)
        var pieces: [String] = []
        for (word, next) in zip(words, words.dropFirst()) {
            pieces += [
                word, word, String(word.prefix(3)) + "*", "\"\(word) \(next)\"", "-\(word)", "NOT \(next)",
                "(\(word) OR \(next))", "ti:\(word)", "abs:\(word)", "comment:\(word)",
            ]
        }
        for name in names {
            pieces += ["au:\"\(name)\"", "au:" + (name.split(separator: " ").last.map(String.init) ?? name)]
        }
        pieces += [
            "date:2025-12", "date:2025-12-01..2026-04-30", "date:2007", "date:2007-04-01..2007-04-03", "rel:>=8", "nov:<5",
            "score:10..20", "match:author", "digest:daily", "digest:upstream", "cat:cs.LG", "cat:hep-th", "cat:astro-ph",
            "in:digest", "in:catalogue", "id:2604.00501",
        ]
        let query = zip(
            Gen.element(of: pieces).map { $0 ?? "" }.array(of: 1...4),
            Gen.element(of: [" ", " ", " OR ", " AND "]).map { $0 ?? " " }
        )
        .map { terms, joiner in terms.joined(separator: joiner) }
        let found = Counter()
        await propertyCheck(count: 2_000, input: query) { text in
            do {
                let parsed = try QueryParser.parse(text)
                let hits = try archive.search(parsed, limit: 5)
                _ = try archive.search(parsed, order: .score, limit: 5)
                _ = try archive.search(parsed, order: .date, limit: 5)
                if !hits.isEmpty { found.add() }
            } catch let error as QueryError {
                Issue.record("well-formed query \(text.debugDescription) refused: \(error.message)")
            } catch {
                Issue.record("query \(text.debugDescription) surfaced \(error)")
            }
        }
        // Most queries must find something, or they test nothing.
        #expect(found.value > 500, "\(found.value) of 2,000 queries found papers")
    }

    @Test("Very long queries are refused with a message, not an SQLite error")
    func longQueries() throws {
        let archive = try fixtureArchive()
        let words = (0..<64).map { "w\($0)" }.joined(separator: " OR ")
        #expect(try archive.search(parse(words)).isEmpty)
    }
}

/// A count that property checks, which may run concurrently, add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
