import ArxiveKit
import DigestGenerator
import Foundation
import Testing

@Suite("Trends, reports and the site")
struct OverviewTests {
    /// A generated history, both digests imported.
    static func history(days: Int = 150, seed: UInt64 = 17) throws -> (Archive, History) {
        let history = History.generate(days: days, seed: seed)
        let archive = try importedArchive(history, upstream: true)
        return (archive, history)
    }

    @Test("Rising and falling terms are words the titles use, not the index's stems")
    func readableTerms() throws {
        let (archive, history) = try Self.history(days: 150)
        let words = Set(history.latestPapers.values.flatMap { $0.title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) })
        let rows = try archive.termTrends()
        #expect(rows.count > 10)
        let unread = rows.filter { !words.contains($0.term) }
        #expect(unread.isEmpty, "\(unread.prefix(5).map(\.term))")
        // The stems would not all be words: the test is not empty-handed.
        #expect(rows.contains { $0.term.hasSuffix("e") || $0.term.hasSuffix("y") || $0.term.hasSuffix("ing") || $0.term.hasSuffix("al") })
    }

    @Test("trends: on 400 days, each month's count, share and mean relevance equal the generator's truth")
    func trendsEqualTruth() throws {
        let (archive, history) = try Self.history(days: 400)
        let latest = history.latestPapers
        func titled(_ id: String) -> Bool { latest[id]!.title.lowercased().split(separator: " ").contains("model") }
        let rows = try archive.trends([(text: "ti:model", query: try parse("ti:model"))])
        let months = Set(history.runs.map { String($0.date.prefix(7)) })
        #expect(rows.count == months.count)
        for row in rows {
            let runs = history.runs.filter { $0.date.hasPrefix(row.period) }
            let listed = Set(runs.flatMap { $0.papers.map(\.id) })
            let matching = listed.filter(titled)
            #expect(row.count == matching.count, "\(row.period)")
            #expect(abs(row.share - Double(matching.count) / Double(max(listed.count, 1))) < 1e-9, "\(row.period)")
            let relevances = runs.flatMap(\.papers).filter { matching.contains($0.id) }.compactMap(\.relevance)
            let mean = relevances.isEmpty ? nil : Double(relevances.reduce(0, +)) / Double(relevances.count)
            #expect(row.meanRelevance.map { abs($0 - mean!) < 1e-9 } ?? (mean == nil), "\(row.period)")
        }
        #expect(rows.contains { $0.count > 0 }, "the word is there to count")
    }

    @Test("trends --cost equals the runs' tokens and cost; weeks cover the range")
    func costAndWeeks() throws {
        let (archive, history) = try Self.history(days: 60)
        let totals = try archive.costTrends().filter { $0.model == nil }
        for row in totals {
            let runs = history.runs.filter { $0.date.hasPrefix(row.period) }
            #expect(row.runs == runs.count)
            // JSON alone and upstream pages state no cost.
            let stated = runs.filter { $0.sources != .upstream && $0.sources != .jsonOnly }
            #expect(abs(row.totalCost - stated.reduce(0.0) { $0 + $1.totalCost }) < 0.011, "\(row.period)")
        }
        let weeks = try archive.trends([(text: "model", query: try parse("model"))], by: .week)
        #expect(weeks.first.map { $0.period.contains("-W") } == true)
        #expect(weeks.count >= 8 && weeks.count <= 10)
        #expect(!(try archive.termTrends(limit: 3)).isEmpty)
        #expect(try archive.authorTrends(limit: 2).count == 2 * totals.count)
    }

    @Test("report: totals, days and sections agree with the archive; the year adds its months up")
    func report() throws {
        let (archive, history) = try Self.history(days: 90)
        let month = Month("2025-02")!
        let r = try archive.monthReport(month)
        let runs = history.runs.filter { $0.date.hasPrefix(month.text) }
        #expect(r.runs == runs.count)
        #expect(r.papersListed == runs.reduce(0) { $0 + $1.papers.count })
        #expect(r.distinctPapers == Set(runs.flatMap { $0.papers.map(\.id) }).count)
        #expect(r.days.count == 28 && r.days.filter { !$0.digests.isEmpty }.count == Set(runs.map(\.date)).count)
        #expect(r.topPapers.count == 10 && r.topPapers.first?.publishedRank == 1)
        #expect(r.repeatedPapers.allSatisfy { Set($0.listings.map(\.date)).count > 1 })
        #expect(r.changedVerdicts.allSatisfy { paper in r.repeatedPapers.contains { $0.arxivID == paper.arxivID } })
        let year = try archive.yearReport("2025")
        #expect(year.months.count == 12)
        #expect(year.months[1].runs == r.runs && year.months[1].distinctPapers == r.distinctPapers)
        #expect(year.runs == year.months.reduce(0) { $0 + $1.runs })
    }

    @Test("Hostile text is escaped in every HTML page and kept as written in Markdown and JSON")
    func hostileText() throws {
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: [Paths.root.appendingPathComponent("Tests/Fixtures/hostile/2025-12-05-output.md").path])
        #expect(report.failures.isEmpty)
        let month = try archive.monthReport(Month("2025-12")!)
        var pages = [
            ReportHTML.month(month), ReportHTML.year(try archive.yearReport("2025")),
            ReportHTML.day(try archive.day(Day("2025-12-05")!)[0], previous: nil, next: nil, month: nil),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-site-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Site.build(archive, into: folder)
        for file in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!.compactMap({ $0 as? URL }) where file.pathExtension == "html" {
            pages.append(try String(contentsOf: file, encoding: .utf8))
        }
        #expect(pages.count == 7, "three rendered, four written: index, year, month, day")
        for page in pages {
            #expect(!page.contains("<script"), "no script tag, from the digest or ours")
            #expect(!page.contains("<img"))
            #expect(!page.contains("onerror=alert('"), "quotes inside attributes escaped too")
        }
        let dayPage = pages[2]
        #expect(dayPage.contains("Attacks &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot;"))
        #expect(dayPage.contains("O&#39;Brien &quot;Bobby&quot; &amp; Sons"))
        #expect(dayPage.contains("Comment &lt;script&gt;alert(&quot;comment&quot;)&lt;/script&gt;"))
        let markdown = ReportMarkdown.month(month)
        #expect(markdown.contains("Attacks <script>alert(\"title\")</script> & \"Quotes\" <img src=x onerror=alert('t')>"))
        let json = try JSONOutput.string(month)
        #expect(
            json.contains(#"Attacks <script>alert(\"title\")<\/script> & \"Quotes\" <img src=x onerror=alert('t')>"#)
                || json.contains(#"Attacks <script>alert(\"title\")</script> & \"Quotes\" <img src=x onerror=alert('t')>"#))
    }

    @Test("site: a page per run, month and year, neighbours linked; an unchanged archive rewrites nothing")
    func site() throws {
        let (archive, history) = try Self.history(days: 40)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-site-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Site.build(archive, into: folder)
        let months = Set(history.runs.map { String($0.date.prefix(7)) }).count
        #expect(first.written == history.runs.count + months + 1 + 1 && first.unchanged == 0)
        let again = try Site.build(archive, into: folder)
        #expect(again.written == 0 && again.unchanged == first.written)
        let daily = history.runs.filter { $0.digest == "daily" }.map(\.date)
        let page = try String(contentsOf: folder.appendingPathComponent("days/daily/\(daily[1]).html"), encoding: .utf8)
        #expect(page.contains("href=\"\(daily[0]).html\">← Previous Day</a>"))
        #expect(page.contains("href=\"\(daily[2]).html\">Next Day →</a>"))
        #expect(page.contains("href=\"../../months/\(daily[1].prefix(7)).html\">Monthly Overview</a>"))
        let firstPage = try String(contentsOf: folder.appendingPathComponent("days/daily/\(daily[0]).html"), encoding: .utf8)
        #expect(!firstPage.contains("Previous Day"), "no link to a day that does not exist")
    }
}
