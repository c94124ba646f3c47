import Foundation
import Testing

/// `arxive import` on a generator's whole output folder as it is today
/// (`Tests/Fixtures/out-2026`: topic bundles, spotlight files, monthly
/// overviews, an outage day, and every kind of file that holds no digest),
/// on an astro-ph day with a bare old-style number, and on the upstream
/// generator's HTML pages.
@Suite("Today's output folders, end to end")
struct OutputFolderTests {
    static let tree = CLI.root.appendingPathComponent("Tests/Fixtures/out-2026")
    static let summary =
        "Read 32 files: 4 runs added, 5 updated, 2 spotlight days, 2 monthly overviews, 3 hotspot days, "
        + "2 copies of stored days checked, 11 new papers, 8 verdicts, 0 failures; skipped 14 files that hold no digest: "
        + "3 hotspot source dumps, 3 web-page copies, 3 index pages, 2 overview pages, 2 evaluation logs, 1 image"

    @Test("The whole folder imports with exit 0, the skipped files counted by kind; --verbose names each; again, nothing changes")
    func wholeFolder() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let first = try cli.run(["import", "--db", cli.db, OutputFolderTests.tree.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == OutputFolderTests.summary + "\n")
        let verbose = try cli.run(["import", "--db", cli.db, "--verbose", OutputFolderTests.tree.path])
        #expect(verbose.status == 0)
        let skipped = verbose.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped ") && $0.contains(": ") && !$0.contains("files that hold") }
        #expect(skipped.count == 14)
        #expect(skipped.contains { $0.contains("eval_2026-06.txt: an evaluation log") } && skipped.contains { $0.contains("md/index.md: an index page") })
        #expect(skipped.contains { $0.contains("hot/raw/2026-06-02/hn_discussion.json: a hotspot intermediate") })
        #expect(skipped.contains { $0.contains("2026-06-02-center.svg: an image") })
        #expect(verbose.stderr.contains("0 runs added, 0 updated, 18 files unchanged, 0 new papers, 0 verdicts, 0 failures"), "\(verbose.stderr)")
    }

    @Test("One damaged file of a known kind: exit 1, that file named with its line, nothing else lost")
    func damagedFile() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let copy = cli.folder.appendingPathComponent("out")
        try FileManager.default.copyItem(at: OutputFolderTests.tree, to: copy)
        let bundle = copy.appendingPathComponent("json/2026-06/2026-06-02-daily-papers.json")
        let text = try String(contentsOf: bundle, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(to: bundle, atomically: true, encoding: .utf8)
        let result = try cli.run(["import", "--db", cli.db, copy.path])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("arxive: error:") }
        #expect(errors.count == 1 && errors[0].contains("2026-06-02-daily-papers.json: line ") && errors[0].contains("not valid JSON"), "\(result.stderr)")
        // The day's JSON and page still made the run; the spotlights and overviews are in.
        let day = try cli.json(["day", "2026-06-02"]) as! [String: Any]
        #expect((day["papers"] as! [[String: Any]]).count == 3)
        #expect(result.stderr.contains("2 spotlight days, 2 monthly overviews"))
        // The day's JSON damaged instead: the bundle, read without its papers at first, gives the verdicts.
        let other = try CLI()
        defer { other.remove() }
        let second = other.folder.appendingPathComponent("out")
        try FileManager.default.copyItem(at: OutputFolderTests.tree, to: second)
        try "{ \"2606.01001\": ".write(to: second.appendingPathComponent("json/2026-06/2026-06-02-output.json"), atomically: true, encoding: .utf8)
        let withBundle = try other.run(["import", "--db", other.db, second.path])
        #expect(withBundle.status == 1 && withBundle.stderr.contains("2026-06-02-output.json: line 1: not valid JSON"), "\(withBundle.stderr)")
        let bundled = (try other.json(["day", "2026-06-02"]) as! [String: Any])["papers"] as! [[String: Any]]
        #expect(bundled.count == 3 && bundled.allSatisfy { !($0["primary_topic"] is NSNull) })
        // A file nobody can place is skipped as `other`, or an error with --strict.
        try "print('not a digest')\n".write(to: copy.appendingPathComponent("notes.py"), atomically: true, encoding: .utf8)
        let unknown = try cli.run(["import", "--db", cli.db, "--strict", copy.path])
        #expect(unknown.status == 1 && unknown.stderr.contains("notes.py: not a digest arxive knows"), "\(unknown.stderr)")
        // One that names arXiv papers the way a digest does is an error without --strict: a layout arxive does not read.
        try "Picks of the day\n\n| [A](https://arxiv.org/abs/2606.07001) | [B](https://arxiv.org/abs/2606.07002) |\n"
            .write(to: copy.appendingPathComponent("picks.txt"), atomically: true, encoding: .utf8)
        let lossy = try cli.run(["import", "--db", cli.db, copy.path])
        let refused = lossy.stderr.split(separator: "\n").filter { $0.hasPrefix("arxive: error:") }
        #expect(lossy.status == 1 && refused.count == 2, "\(lossy.stderr)")
        #expect(
            refused.contains {
                $0.hasSuffix(
                    "picks.txt: a digest of a layout arxive does not read (no digest title arxive knows ('Personalized Daily ArXiv Papers ...')): names 2 arXiv papers, read 0"
                )
            })
    }

    @Test("Topics, spotlights, monthly picks and the outage day through day, search, runs, show and stats")
    func readBack() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["import", "--db", cli.db, OutputFolderTests.tree.path]).status == 0)
        let day = try cli.json(["day", "2026-06-02"]) as! [String: Any]
        let papers = day["papers"] as! [[String: Any]]
        #expect((day["topic_order"] as! [[String: String]]).map { $0["id"]! } == ["kernels", "agents_memory"])
        #expect((papers[1]["primary_topic"] as! [String: String]) == ["id": "agents_memory", "label": "Agent Memory and Planning"])
        #expect((papers[1]["topics"] as! [[String: String]]).map { $0["id"]! } == ["agents_memory", "kernels"])
        #expect(papers[0]["spotlight"] as! [String] == ["daily_hot", "new_frontier"] && papers[0]["spotlight_primary"] as! [String] == ["daily_hot"])
        #expect(papers[0]["spotlight_comment"] as? String == "The day's most discussed kernel result.")
        #expect(papers[1]["spotlight_comment"] is NSNull)
        #expect(day["prompt_tokens"] as? Int == 120000 && day["model_ran"] as? Bool == true)
        let text = try cli.run(["day", "--db", cli.db, "2026-06-02"]).stdout
        let kernels = try #require(text.range(of: "## Kernel Methods and Feature Learning (1)"))
        let memory = try #require(text.range(of: "## Agent Memory and Planning (2)"))
        #expect(kernels.lowerBound < memory.lowerBound && text.contains("Ingrid Skøld"))

        func ids(_ query: String) throws -> [String] {
            (try cli.json(["search", query, "--sort", "date"]) as! [[String: Any]]).map { $0["arxiv_id"] as! String }.sorted()
        }
        #expect(try ids("topic:kernels") == ["2606.01001", "2606.01002"], "primary or matched")
        #expect(try ids(#"topic:"agent memory and planning" rel:>=8"#) == ["2606.01002"])
        #expect(try ids("spotlight:new_frontier") == ["2606.01001", "2606.01999"], "printed under daily_hot, tagged new_frontier too")
        #expect(try ids("is:spotlight") == ["2606.01001", "2606.01999"])
        #expect(try ids("is:monthly-pick") == ["2606.00777", "2606.01002"])
        let hit = (try cli.json(["search", "ledgers"]) as! [[String: Any]])[0]
        #expect((hit["primary_topic"] as! [String: String])["id"] == "agents_memory" && (hit["topics"] as! [Any]).count == 2)
        let spotlit = (try cli.json(["search", "orbital"]) as! [[String: Any]])[0]
        #expect(spotlit["spotlight"] as! [String] == ["daily_hot", "new_frontier"], "the latest verdict's day's spotlight tags")
        let bad = try cli.run(["search", "--db", cli.db, "is:pick"])
        #expect(bad.status == 2 && bad.stderr.contains("spotlight or monthly-pick"))

        let runs = try cli.json(["runs"]) as! [[String: Any]]
        #expect(runs.map { $0["model_ran"] as! Bool } == [true, false, true, true], "2026-07-08 ran twice")
        #expect(runs.map { $0["run"] as? String } == [nil, nil, nil, "bundle"])
        #expect(try cli.run(["runs", "--db", cli.db]).stdout.contains("1 run in which the model never ran (290 papers scanned, none read)"))
        #expect(try cli.run(["day", "--db", cli.db, "2026-06-03"]).stdout.contains("The model never ran this day: 290 papers scanned, none read."))

        let spotlighted = try cli.json(["show", "2606.01999"]) as! [String: Any]
        #expect((spotlighted["verdicts"] as! [Any]).isEmpty)
        #expect((spotlighted["spotlights"] as! [[String: Any]]).map { $0["kind"] as! String } == ["new_frontier"])
        let pick = try cli.json(["show", "2606.01002"]) as! [String: Any]
        let picks = pick["monthly_picks"] as! [[String: Any]]
        #expect(picks.count == 1 && picks[0]["kept"] as? Bool == true && picks[0]["position"] as? Int == 1 && picks[0]["category"] as? String == "Agents")
        let stats = try cli.json(["stats"]) as! [String: Any]
        #expect(stats["runs_model_not_run"] as? Int == 1 && stats["spotlight_days"] as? Int == 2 && stats["monthly_overviews"] as? Int == 2)
        #expect(stats["catalogue_only"] as? Int == 0, "spotlight-only papers are no catalogue papers")
    }

    @Test("A bare old-style number: kept as written and said once, or resolved by --digest; show finds it either way")
    func bareOldStyleNumber() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let astro = CLI.root.appendingPathComponent("Tests/Fixtures/astro-2026").path
        let kept = try cli.run(["import", "--db", cli.db, astro])
        #expect(kept.status == 0 && kept.stderr.components(separatedBy: "9607011 is an old-style arXiv number").count == 2, "\(kept.stderr)")
        #expect(try cli.run(["show", "--db", cli.db, "astro-ph/9607011"]).stdout.contains("Thermal Winds of Invented Dwarf Galaxies"))
        let other = try CLI()
        defer { other.remove() }
        let resolved = try other.run(["import", "--db", other.db, "--digest", "astro-ph", astro])
        #expect(resolved.stderr.contains("9607011 is stored as astro-ph/9607011 (resolved from the digest's name)"))
        let shown = try other.json(["show", "9607011"]) as! [String: Any]
        #expect(shown["arxiv_id"] as? String == "astro-ph/9607011")
    }

    @Test("The upstream HTML page and its Markdown are one run; the page brings topic and category tags, entities decoded")
    func upstreamHTML() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/upstream-html").path
        let result = try cli.run(["import", "--db", cli.db, folder])
        #expect(result.status == 0 && result.stderr.contains("1 run added, 1 updated"), "\(result.stderr)")
        let day = try cli.json(["day", "2026-07-01"]) as! [String: Any]
        let papers = day["papers"] as! [[String: Any]]
        #expect(papers.map { $0["title"] as! String } == ["Depth from Defocus <Without> Calibration", "Household Agents That Ask Before Acting"])
        #expect((papers[0]["topics"] as! [[String: String]]).map { $0["label"]! } == ["Depth & Geometry", "Event Cameras"])
        #expect(papers[0]["relevance"] as? Int == 8 && papers[0]["score"] as? Double == 15)
        let ids = (try cli.json(["search", #"topic:"Depth & Geometry""#]) as! [[String: Any]]).map { $0["arxiv_id"] as! String }
        #expect(ids == ["2607.00101"])
        let show = try cli.json(["show", "2607.00101"]) as! [String: Any]
        #expect(show["abstract"] as? String == "A depth-from-defocus method that needs no calibration target, for robots' cameras.")
    }

    static let samples = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/samples")

    @Test(
        "rank DATE reproduces a whole day of 91 papers as published, and a topic day too",
        .enabled(if: FileManager.default.fileExists(atPath: samples.path), "../shared/samples is not beside the checkout"))
    func rankWholeDay() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let paths = ["astro-out", "assistant-out-2026"].map { OutputFolderTests.samples.appendingPathComponent($0).path }
        #expect(try cli.run(["import", "--db", cli.db] + paths).status == 0)
        for date in ["2026-02-24", "2026-05-14"] {
            let ranked = (try cli.json(["rank", date]) as! [[String: Any]]).map { $0["arxiv_id"] as! String }
            let day = (try cli.json(["day", date]) as! [String: Any])["papers"] as! [[String: Any]]
            #expect(ranked == day.map { $0["arxiv_id"] as! String }, "\(date)")
        }
        #expect((try cli.json(["rank", "2026-02-24"]) as! [Any]).count == 91)
        #expect((try cli.json(["rank", "2026-02-24", "--limit", "5"]) as! [Any]).count == 5)
    }

    @Test("A day the generator ran twice: runs lists both, day names the other and --run bundle shows it, show lists every verdict")
    func twoRunsOfADay() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["import", "--db", cli.db, OutputFolderTests.tree.path]).status == 0)
        let runs = try cli.run(["runs", "--db", cli.db, "--month", "2026-07"]).stdout
        #expect(runs.contains("2026-07-08  daily               gpt-5.4") && runs.contains("2026-07-08  daily (bundle run)  gpt-5.4-mini"), "\(runs)")
        let day = try cli.run(["day", "--db", cli.db, "2026-07-08"])
        #expect(day.status == 0 && day.stdout.contains("Spectral Grasp Ranking") && !day.stdout.contains("Teleoperation Traces"))
        #expect(
            day.stdout.contains(
                "The generator ran twice this day: the bundle run (from the day's topic bundle) listed 3 papers, 75000 tokens, $0.09: "
                    + "arxive day 2026-07-08 --run bundle"), "\(day.stdout)")
        let other = try cli.run(["day", "--db", cli.db, "2026-07-08", "--run", "bundle"])
        #expect(other.status == 0 && other.stdout.hasPrefix("2026-07-08 · daily (bundle run) · gpt-5.4-mini"), "\(other.stdout)")
        #expect(other.stdout.contains("Teleoperation Traces") && other.stdout.contains("the published run listed 2 papers"))
        let shown = try cli.json(["show", "2607.08002"]) as! [String: Any]
        #expect((shown["verdicts"] as! [[String: Any]]).map { $0["run"] as? String } == [nil, "bundle"])
        #expect(
            (shown["verdicts"] as! [[String: Any]]).map { $0["comment"] as? String } == [
                "Imitation from unscripted human video.", "Strong imitation result; weaker on wiping.",
            ])
        // The month's report counts both runs (the generator paid for both), its calendar the digest once.
        let report = try cli.json(["report", "2026-07"]) as! [String: Any]
        let calendar = (report["days"] as! [[String: Any]]).first { $0["date"] as? String == "2026-07-08" }
        #expect(calendar?["digests"] as? [String] == ["daily"] && report["runs"] as? Int == 2, "\(report["days"]!)")
        let none = try cli.run(["day", "--db", cli.db, "2026-06-02", "--run", "bundle"])
        #expect(none.status == 1 && none.stderr.contains("no bundle run on 2026-06-02"), "\(none.stderr)")
        let bad = try cli.run(["day", "--db", cli.db, "2026-07-08", "--run", "second"])
        #expect(bad.status == 2 && bad.stderr.contains("one of 'published' and 'bundle'"), "\(bad.stderr)")
    }

    @Test("report YYYY-MM: a section per topic, the spotlights, the generator's picks beside arxive's ranking, the outage; trends --topics")
    func reportAndTrends() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["import", "--db", cli.db, OutputFolderTests.tree.path]).status == 0)
        let report = try cli.json(["report", "2026-06"]) as! [String: Any]
        let topics = report["topics"] as! [[String: Any]]
        #expect(topics.map { $0["id"] as! String } == ["agents_memory", "kernels"], "most papers first")
        #expect(((topics[0]["top_papers"] as! [[String: Any]]).map { $0["arxiv_id"] as! String }) == ["2606.01002", "2606.01003"])
        #expect((report["spotlights"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["arxiv_id"]!)" } == ["daily_hot 2606.01001", "new_frontier 2606.01999"])
        let picks = report["digest_picks"] as! [[String: Any]]
        #expect(picks.map { $0["arxiv_id"] as! String } == ["2606.01002", "2606.00777"], "kept ones, in the generator's order")
        #expect(picks[0]["arxive_rank"] as? Int == 2 && picks[1]["arxive_rank"] is NSNull && picks[0]["category"] as? String == "Agents")
        #expect(report["runs_model_not_run"] as? Int == 1 && report["papers_unread"] as? Int == 290)
        let markdown = try cli.run(["report", "--db", cli.db, "2026-06"]).stdout
        #expect(
            markdown.contains("## Topics") && markdown.contains("### Agent Memory and Planning (2 papers)")
                && markdown.contains("## The generator's own picks") && markdown.contains("290 papers scanned and left unread"))
        let html = try cli.run(["report", "--db", cli.db, "2026-06", "--format", "html"]).stdout
        #expect(html.contains("<h2>Spotlights</h2>") && html.contains("arxive&#39;s #2"))
        // A month without topics renders as before: no such sections.
        let other = try CLI()
        defer { other.remove() }
        try other.importFixtures()
        let december = try other.run(["report", "--db", other.db, "2025-12"]).stdout
        #expect(!december.contains("## Topics") && !december.contains("## Spotlights") && !december.contains("own picks"))
        let site = cli.folder.appendingPathComponent("site")
        #expect(try cli.run(["site", "--db", cli.db, site.path]).status == 0)
        let dayPage = try String(contentsOf: site.appendingPathComponent("days/daily/2026-06-02.html"), encoding: .utf8)
        #expect(dayPage.contains("<h2>Kernel Methods and Feature Learning</h2>") && dayPage.contains("spotlight: daily_hot"))
        let twiceRun = try String(contentsOf: site.appendingPathComponent("days/daily/2026-07-08.html"), encoding: .utf8)
        #expect(twiceRun.contains("The generator ran twice this day: the bundle run (from the day&#39;s topic bundle) listed 3 papers"))
        #expect(twiceRun.contains("2607.08001") && !twiceRun.contains("2607.08004"), "the published run's page")
        let outagePage = try String(contentsOf: site.appendingPathComponent("days/daily/2026-06-03.html"), encoding: .utf8)
        #expect(outagePage.contains("The model never ran this day:</strong> 290 papers scanned, none read."))
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8).contains("the model never ran in 1"))
        let trends = try cli.json(["trends", "--topics"]) as! [[String: Any]]
        // 2026-07-08's two runs: a paper both list is counted once.
        #expect(
            trends.filter { $0["count"] as! Int > 0 }.map { "\($0["query"]!) \($0["count"]!)" }.sorted() == [
                "Agent Memory and Planning 2", "Contact-Rich Control 2", "Kernel Methods and Feature Learning 2", "Robot Learning from Demonstration 3",
            ])
    }

    @Test("Hotspot reports: every section in order with its sources, spotlighted papers as papers, hot search/day/runs/trends, stats")
    func hotspots() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["import", "--db", cli.db, OutputFolderTests.tree.path]).status == 0)
        let day = try cli.json(["hot", "day", "2026-06-02"]) as! [String: Any]
        #expect(day["model"] as? String == "gpt-5.4" && day["total_cost"] as? Double == 0.015)
        let featured = day["featured"] as! [[String: Any]]
        #expect(featured.map { $0["title"] as! String } == ["Quill 3 Release", "Ledgerkit Gains Stars"])
        #expect((featured[0]["sources"] as! [[String: Any]]).map { $0["name"] as! String } == ["Lumen Labs Blog", "Hacker News"])
        #expect((featured[0]["scores"] as! [String: Double])["HEAT"] == 8 && (featured[0]["takeaways"] as! [String]).count == 2)
        let sections = (day["sections"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["category"] ?? "-")" }
        #expect(
            sections == ["category Product Release", "category Research", "long_tail Industry Update", "watchlist <null>", "x_buzz <null>"]
                || sections == ["category Product Release", "category Research", "long_tail Industry Update", "watchlist -", "x_buzz -"], "\(sections)")
        let papers = day["papers"] as! [[String: Any]]
        #expect(papers.map { "\($0["kind"]!) \($0["arxiv_id"]!)" } == ["daily_hot 2606.02444", "new_frontier 2606.01999"])
        let tidal = try cli.json(["show", "2606.02444"]) as! [String: Any]
        #expect(tidal["authors"] as! [String] == ["Sven Møller", "Ayşe Kaya"] && (tidal["verdicts"] as! [Any]).isEmpty)
        #expect((tidal["hotspots"] as! [[String: Any]]).map { $0["date"] as! String } == ["2026-06-02"])
        let inHotspots = (try cli.json(["search", "in:hotspots"]) as! [[String: Any]]).map { $0["arxiv_id"] as! String }.sorted()
        #expect(inHotspots == ["2606.01999", "2606.02444", "2606.04111"])
        // 2026-06-04 is kept only as the site's page: a day of its own, said to come from its Markdown.
        let june4 = try cli.json(["hot", "day", "2026-06-04"]) as! [String: Any]
        #expect(june4["source_format"] as? String == "markdown" && day["source_format"] as? String == "json")
        #expect((june4["featured"] as! [[String: Any]]).map { $0["title"] as! String } == ["Orrery Labs Opens Tide-Model Weights"])
        #expect(try cli.run(["hot", "day", "--db", cli.db, "2026-06-04"]).stdout.contains("from the day's Markdown page"))

        func titles(_ query: String) throws -> [String] {
            (try cli.json(["hot", "search", query]) as! [[String: Any]]).map { $0["title"] as! String }
        }
        #expect(try titles("streams tool calls") == ["Quill 3 Release"], "a word of the takeaways")
        #expect(try titles("ledgerkit episodic").first == "Ledgerkit Gains Stars", "a source item's title")
        #expect(try titles(#"category:"product release" heat:>=5"#).sorted() == ["Quill 3 Release", "Quill Mobile Beta"])
        #expect(try titles("source:hn_discussion section:featured date:2026-06-02") == ["Quill 3 Release"])
        #expect(try titles("source:\"Hacker News\" date:2026-06-03") == ["A Quiet Day"])
        #expect(try titles("quill -mobile section:category").isEmpty)
        // The quiet day's featured topic cites the Quill thread: its item's title holds the word.
        #expect(try titles("quill OR ledgerkit section:featured").sorted() == ["A Quiet Day", "Ledgerkit Gains Stars", "Quill 3 Release"])
        let hit = (try cli.json(["hot", "search", "streams"]) as! [[String: Any]])[0]
        #expect(Set(hit.keys) == ["date", "title", "category", "section", "scores", "sources", "snippet"])
        #expect((hit["snippet"] as! String).contains("**streams**"))
        let bad = try cli.run(["hot", "search", "--db", cli.db, "rel:>=8"])
        #expect(bad.status == 2 && bad.stderr.contains("'rel:' is not a hotspot field"))
        #expect(try cli.run(["hot", "search", "--db", cli.db, "section:nowhere"]).status == 2)

        let runs = try cli.json(["hot", "runs"]) as! [[String: Any]]
        #expect(runs.map { $0["date"] as! String } == ["2026-06-02", "2026-06-03", "2026-06-04"])
        #expect(runs[0]["topics"] as? Int == 7 && runs[0]["papers"] as? Int == 2 && (runs[0]["source_stats"] as! [String: Int])["github_trend"] == 3)
        let trends = try cli.json(["hot", "trends"]) as! [String: Any]
        #expect((trends["top_sources"] as! [[String: Any]]).first?["name"] as? String == "Hacker News")
        #expect(
            (trends["by_category"] as! [[String: Any]]).contains { $0["name"] as? String == "Product Release" && $0["topics"] as? Int == 4 },
            "3 of the reports, 1 of the Markdown-only day")
        #expect((trends["top_tags"] as! [[String: Any]]).first?["name"] as? String == "models")
        let stats = try cli.json(["stats"]) as! [String: Any]
        #expect(stats["hotspot_days"] as? Int == 3 && stats["hotspot_topics"] as? Int == 10 && stats["catalogue_only"] as? Int == 0)
        // The month's report has a hotspots section; the site a page per hotspot day, linked from the day's papers.
        let report = try cli.json(["report", "2026-06"]) as! [String: Any]
        let hotMonth = report["hotspots"] as! [String: Any]
        #expect(hotMonth["days"] as? Int == 3 && ((hotMonth["top_topics"] as! [[String: Any]]).first?["title"] as? String) == "Quill 3 Release")
        #expect(((hotMonth["sources"] as! [[String: Any]]).first?["name"] as? String) == "Hacker News")
        #expect(try cli.run(["report", "--db", cli.db, "2026-06"]).stdout.contains("## Daily AI Hotspots (3 days)"))
        let site = cli.folder.appendingPathComponent("site")
        #expect(try cli.run(["site", "--db", cli.db, site.path]).status == 0)
        let hotPage = try String(contentsOf: site.appendingPathComponent("hot/daily/2026-06-02.html"), encoding: .utf8)
        #expect(hotPage.contains("<h2>Featured</h2>") && hotPage.contains("<a href=\"https://lumen.example/blog/quill-3\">Lumen Labs Blog</a>"))
        #expect(hotPage.contains("&lt;script&gt;alert(1)&lt;/script&gt; Benchmarks Redone") && hotPage.contains("Odd &lt;b&gt;Feed&lt;/b&gt;"))
        #expect(!hotPage.contains("<script") && !hotPage.contains("<img") && !hotPage.contains("javascript:"), "hostile text is inert, its URL no link")
        #expect(hotPage.contains("href=\"../../days/daily/2026-06-02.html\""))
        let papersPage = try String(contentsOf: site.appendingPathComponent("days/daily/2026-06-02.html"), encoding: .utf8)
        #expect(papersPage.contains("href=\"../../hot/daily/2026-06-02.html\""))
        let monthPage = try String(contentsOf: site.appendingPathComponent("months/2026-06.html"), encoding: .utf8)
        #expect(monthPage.contains("Daily AI Hotspots") && !monthPage.contains("<script"))
        // An archive file carries the hotspot days: imported into an empty archive, the day is the same.
        let file = cli.folder.appendingPathComponent("all.arxive").path
        let export = try cli.run(["export", "--db", cli.db, "--format", "archive", "-o", file])
        #expect(export.status == 0 && !export.stderr.contains("not in the archive file"), "\(export.stderr)")
        let other = try CLI()
        defer { other.remove() }
        #expect(try other.run(["import", "--db", other.db, file]).status == 0)
        for date in ["2026-06-02", "2026-06-04"] {
            #expect(try other.run(["hot", "day", "--db", other.db, date, "--json"]).stdout == cli.run(["hot", "day", "--db", cli.db, date, "--json"]).stdout)
        }
        #expect((try other.json(["show", "2606.02444"]) as! [String: Any])["hotspots"] as? [[String: String]] != nil)
        #expect(try other.run(["import", "--db", other.db, file]).stderr.contains("0 runs added, 0 updated, 0 new papers"))
        // Printed to a terminal or a pipe, a hostile title is text: no markup is interpreted, and the help says how to search.
        #expect(try cli.run(["hot", "day", "--db", cli.db, "2026-06-02"]).stdout.contains("Odd <b>Feed</b>"))
        #expect(try cli.run(["hot", "search", "--help"]).stdout.contains("Examples:"))
        #expect(try cli.run(["hot", "day", "--db", cli.db, "2026-07-01"]).status == 1)
    }
}
