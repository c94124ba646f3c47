import ArxiveKit
import Foundation
import GRDB
import Testing

/// The generators' output folders as they are today (`../shared/samples`,
/// "The generators as they are today"), imported whole. Expected values are
/// the issue's facts, or read from the sample files themselves.
@Suite("Real samples: today's output folders", .enabled(if: Paths.samplesAvailable, "../shared/samples is not beside the checkout"))
struct RealSamples2026Tests {
    func sample(_ relative: String) -> String { Paths.samples.appendingPathComponent(relative).path }

    func json(_ relative: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sample(relative)))) as? [String: Any])
    }

    /// The three folders in one archive, checked to import cleanly.
    func importAll() throws -> (Archive, DigestImporter.Report) {
        let archive = try Archive.inMemory()
        let report = DigestImporter(archive: archive).run(paths: ["assistant-out-2026", "astro-out", "upstream-out-2026-08-21"].map(sample))
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.stopped == nil)
        return (archive, report)
    }

    @Test("Every file is imported or skipped by kind; importing again changes nothing")
    func wholeFolders() throws {
        let (archive, report) = try importAll()
        let files = try FileManager.default.subpathsOfDirectory(atPath: sample("assistant-out-2026"))
            .filter { !$0.hasPrefix(".") && !$0.contains("/.") }
            .filter {
                var dir: ObjCBool = false;
                return FileManager.default.fileExists(atPath: sample("assistant-out-2026/" + $0), isDirectory: &dir) && !dir.boolValue
            }
        let skippedHere = report.skipped.filter { $0.path.contains("assistant-out-2026") }
        // The folder's files that hold no paper digest, each skipped by its kind.
        // A hotspot day's Markdown (the generator's, or the site's page of the day) is read as that day.
        let hotspotPage = { (path: String) in
            path.hasPrefix("hot/md/") || path.range(of: #"^site/hot/[0-9-]{10}/index\.md$"#, options: .regularExpression) != nil
        }
        let noDigest = files.filter {
            !hotspotPage($0)
                && (($0.hasPrefix("hot/") && !$0.hasPrefix("hot/reports/")) || $0.hasPrefix("web_data/") || $0.hasPrefix("site/") || $0.hasSuffix("index.md"))
        }
        #expect(skippedHere.count == noDigest.count, "every file but the digests, the bundles, spotlights, overviews and hotspot reports")
        #expect(
            Set(skippedHere.filter { $0.path.contains("/hot/raw/") || $0.path.contains("/hot/normalized/") || $0.path.contains("/hot/clusters/") }.map(\.kind))
                == [.hotspotSourceDump])
        #expect(Set(skippedHere.filter { $0.path.contains("/web_data/") }.map(\.kind)) == [.webCopy])
        #expect(skippedHere.contains { $0.path.hasSuffix(".svg") && $0.kind == .image })
        #expect(report.spotlightDays == 2 && report.monthlyOverviews == 2)
        let stats = try archive.stats()
        let again = DigestImporter(archive: archive).run(paths: ["assistant-out-2026", "astro-out", "upstream-out-2026-08-21"].map(sample))
        #expect(
            again.runsAdded == 0 && again.runsUpdated == 0 && again.spotlightDays == 0 && again.monthlyOverviews == 0
                && again.hotspotDays == 0 && again.newPapers == 0)
        #expect(try archive.stats() == stats)
        #expect(try archive.integrityProblems().isEmpty)
    }

    @Test("2026-05-14: its topics by id and label, in the day's order; topic: finds a paper by either")
    func topics() throws {
        let (archive, _) = try importAll()
        let day = try #require(try archive.day(Day("2026-05-14")!).first)
        let bundle = try json("assistant-out-2026/json/2026-05/2026-05-14-daily-papers.json")
        #expect(day.topicOrder.map(\.key) == bundle["topic_order"] as? [String])
        #expect(day.topicOrder.first { $0.key == "memory_systems" }?.label == "Memory Structures and Agent Memory Systems")
        #expect(day.papers.count == 33 && day.papers.allSatisfy { $0.topics.primaryTopic != nil })
        let sections = try #require(bundle["topic_sections"] as? [[String: Any]])
        for section in sections {
            let ids = day.papers.filter { $0.topics.primaryTopic?.key == section["topic_id"] as? String }.map(\.arxivID)
            #expect(ids == section["paper_ids"] as? [String], "papers under \(section["topic_id"] ?? "")")
        }
        let byID = try archive.search(try QueryParser.parse("topic:memory_systems date:2026-05-14")).map(\.arxivID)
        let byLabel = try archive.search(try QueryParser.parse(#"topic:"memory structures and agent memory systems""#)).map(\.arxivID)
        #expect(!byID.isEmpty && Set(byID) == Set(byLabel))
        // The usage came with the day's files: the Markdown's table and the bundle agree.
        #expect(day.run.model == "gpt-5.4" && day.run.promptTokens == 213613 && day.run.modelRan)
    }

    @Test("2026-05-14: its spotlights, by kind and in order, most of them papers no digest listed; every tag a paper carries finds it")
    func spotlights() throws {
        let (archive, _) = try importAll()
        let file = try json("assistant-out-2026/json/2026-05/2026-05-14-hotspot-papers.json")
        let records = try #require(file["papers"] as? [String: [String: Any]])
        var doublyTagged = 0
        for section in try #require(file["sections"] as? [[String: Any]]) {
            let kind = try #require(section["kind"] as? String)
            let found = try archive.search(try QueryParser.parse("spotlight:\(kind)"), limit: 100).map(\.arxivID)
            // The section's papers, and every paper whose own record carries the tag.
            let tagged = records.filter { ($0.value["HOTSPOT_PAPER_TAGS"] as? [String] ?? []).contains(kind) }.map(\.key)
            let listed = try #require(section["paper_ids"] as? [String])
            doublyTagged += Set(tagged).subtracting(listed).count
            #expect(Set(found) == Set(listed).union(tagged), "\(kind)")
        }
        #expect(doublyTagged > 0, "the day has papers tagged beyond the section they are printed in")
        let frontier = try #require((file["sections"] as? [[String: Any]])?.first { $0["kind"] as? String == "new_frontier" }?["paper_ids"] as? [String])
        let paper = try #require(try archive.paper(frontier[0]))
        // 2605.13190 is printed under new_frontier and tagged daily_hot too.
        #expect(paper.spotlights.map(\.kind) == ["new_frontier", "daily_hot"] && paper.spotlights.map(\.primary) == [true, false])
        #expect(paper.spotlights[0].date == "2026-05-14")
        #expect(paper.spotlights[0].comment?.isEmpty == false)
        #expect(try archive.search(try QueryParser.parse("is:spotlight"), limit: 100).count == 10)
    }

    @Test("2026-03: the generator's picks, those it kept, in its order")
    func monthlyPicks() throws {
        let (archive, _) = try importAll()
        let file = try json("assistant-out-2026/monthly/2026-03-summary.json")
        let kept = try #require(file["papers"] as? [[String: Any]]).filter { $0["KEEP_IN_MONTHLY"] as? Bool == true }.compactMap { $0["ARXIVID"] as? String }
        #expect(kept.count == 23)
        #expect(Set(kept).isSubset(of: Set(try archive.search(try QueryParser.parse("is:monthly-pick"), limit: 100).map(\.arxivID))))
        let picks = try kept.map { try #require(try archive.paper($0)).monthlyPicks.first { $0.month == "2026-03" } }
        #expect(picks.allSatisfy { $0?.kept == true })
        #expect(picks.map { $0!.position } == picks.map { $0!.position }.sorted(), "in the generator's order")
    }

    @Test("2026-08-07: the model never ran; scanned papers, no tokens, no verdict")
    func outage() throws {
        let (archive, _) = try importAll()
        let run = try #require(try archive.runs().first { $0.date == "2026-08-07" })
        #expect(!run.modelRan && run.scannedPapers == 363 && run.totalTokens == 0 && run.listed == 0)
        #expect(try archive.runs().filter { !$0.modelRan }.map(\.date) == ["2026-08-07"])
        #expect(try archive.stats().outages == 1)
    }

    @Test("astro-out: the day with 9606126 imports whole, and show finds it by either spelling")
    func bareOldStyleID() throws {
        let (archive, report) = try importAll()
        let file = try json("astro-out/json/2026-02/2026-02-24-output.json")
        #expect(try archive.day(Day("2026-02-24")!).first?.papers.count == file.count)
        #expect(report.notes.contains { $0.hasPrefix("9606126 ") })
        #expect(try archive.paper("9606126") != nil)
        #expect(try archive.paper("astro-ph/9606126")?.arxivID == archive.paper("9606126")?.arxivID)
        // Imported as the astro-ph digest it is, the number takes its archive.
        let named = try Archive.inMemory()
        #expect(DigestImporter(archive: named, options: .init(digestName: "astro-ph")).run(paths: [sample("astro-out")]).failures.isEmpty)
        #expect(try named.paper("9606126")?.arxivID == "astro-ph/9606126")
    }

    @Test("upstream-out-2026-08-21: the HTML pages join their day; 2605.26032's topic tag comes from its page")
    func upstreamHTML() throws {
        let (archive, _) = try importAll()
        let august = try #require(try archive.day(Day("2026-08-21")!).first)
        #expect(august.papers.count == 22)
        #expect(august.papers.allSatisfy { !$0.topics.topics.isEmpty })
        let may = try #require(try archive.day(Day("2026-05-26")!).first, "the archived page is a day of its own")
        let paper = try #require(may.papers.first { $0.arxivID == "2605.26032" })
        #expect(paper.topics.primaryTopic?.label == "Generative Modeling")
        #expect(try archive.search(try QueryParser.parse(#"topic:"Generative Modeling" date:2026-05-26"#)).contains { $0.arxivID == "2605.26032" })
    }

    @Test("hot/reports/2026-05-14.json: the featured titles in order with their sources, a spotlighted paper, a takeaway's word")
    func hotspots() throws {
        let (archive, report) = try importAll()
        #expect(report.hotspotDays == 2, "2026-05-14 from its report, 2026-03-19 from the site's page")
        #expect(report.copiesChecked == 1 && report.notes.allSatisfy { !$0.contains("hotspot day") }, "the Markdown of 2026-05-14 agrees")
        let file = try json("assistant-out-2026/hot/reports/2026-05-14.json")
        let featured = try #require(file["featured_topics"] as? [[String: Any]])
        let day = try #require(try archive.hotspotDay(Day("2026-05-14")!).first)
        #expect(day.featured.map(\.title) == featured.map { $0["title"] as! String })
        #expect(day.featured.map(\.sources.count) == featured.map { ($0["items"] as! [Any]).count })
        let totals = try #require(file["totals"] as? [String: Int])
        #expect(day.sections.filter { $0.kind == "category" }.flatMap(\.topics).count == totals["category_topics"])
        #expect(day.sections.filter { $0.kind == "long_tail" }.flatMap(\.topics).count == totals["long_tail_topics"])
        #expect(day.papers.count == totals["paper_spotlight_items"])
        // A spotlighted paper is a paper of the archive, shown with that day.
        let spotlit = try #require(day.papers.first)
        let paper = try #require(try archive.paper(spotlit.arxivID))
        #expect(paper.hotspots.contains { $0.date == "2026-05-14" && $0.kind == spotlit.kind })
        #expect(!paper.authors.isEmpty && paper.authors.allSatisfy { !$0.contains("\\") }, "TeX decoded")
        // A word only the takeaways of the first featured topic hold is found there.
        let takeaways = try #require(featured[0]["KEY_TAKEAWAYS"] as? [String]).joined(separator: " ")
        let word = try #require(
            takeaways.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count > 6 }
                .first { !(featured[0]["title"] as! String).contains($0) })
        let hits = try archive.hotspotSearch(try QueryParser.parseHotspotQuery("\(word) date:2026-05-14"))
        #expect(hits.contains { $0.title == featured[0]["title"] as? String }, "\(word)")
    }

    @Test("hot/md/2026-05/2026-05-14-hotspots.md reads as the day's report does; 2026-03-19, kept only as the site's page, is a day")
    func hotspotMarkdown() throws {
        let report = try HotspotReportReader.read(try Data(contentsOf: URL(fileURLWithPath: sample("assistant-out-2026/hot/reports/2026-05-14.json"))))
        let page = try String(contentsOfFile: sample("assistant-out-2026/hot/md/2026-05/2026-05-14-hotspots.md"), encoding: .utf8)
        let markdown = try HotspotMarkdownReader.read(page)
        #expect(report.disagreement(with: markdown) == nil)
        #expect(markdown.sourceStats == report.sourceStats && markdown.summary == report.summary)
        let (ours, theirs) = (markdown.sections[0].topics, report.sections[0].topics)
        #expect(ours.map(\.takeaways) == theirs.map(\.takeaways) && ours.map(\.whyItMatters) == theirs.map(\.whyItMatters))
        #expect(ours.map { $0.items.map(\.url) } == theirs.map { $0.items.map(\.url) })

        let (archive, _) = try importAll()
        let march = try #require(try archive.hotspotDay(Day("2026-03-19")!).first)
        #expect(march.sourceFormat == "markdown")
        let text = try String(contentsOfFile: sample("assistant-out-2026/site/hot/2026-03-19/index.md"), encoding: .utf8)
        // The page's own counts: `- Featured topics: 4`, `- Category radar topics: 24`, ...
        func count(_ label: String) -> Int? {
            text.split(separator: "\n").first { $0.hasPrefix("- \(label): ") }.flatMap { Int($0.split(separator: " ").last!) }
        }
        #expect(march.featured.count == count("Featured topics"))
        #expect(march.sections.filter { $0.kind == "category" }.flatMap(\.topics).count == count("Category radar topics"))
        #expect(march.sections.filter { $0.kind == "long_tail" }.flatMap(\.topics).count == count("Long-tail signals"))
        #expect(march.sections.filter { $0.kind == "x_buzz" }.flatMap(\.topics).count == count("X Buzz items"))
        #expect(march.featured.first?.scores["FINAL_SCORE"] == 6.47, "from its `- Scores: final=6.47 ...` line")
    }
}
