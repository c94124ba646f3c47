import Foundation

/// `arxive site OUTDIR`: the archive as static HTML pages.
///
///     index.html                      every year and month
///     years/YYYY.html                 a year's months side by side
///     months/YYYY-MM.html             a month's overview, its days linked
///     days/DIGEST/YYYY-MM-DD.html     a run, as the digest lays it out
///     hot/DIGEST/YYYY-MM-DD.html      a "Daily AI Hotspots" day, linked from the day's run
///     feeds/NAME.xml                  an Atom feed per saved search, and following.xml for followed authors
///
/// Pages carry no timestamp, and a page whose bytes would not change is not
/// written: building an unchanged archive again touches nothing.
public enum Site {
    public struct Result: Equatable, Sendable {
        public var written = 0
        public var unchanged = 0
    }

    public static func build(_ archive: Archive, into folder: URL) throws -> Result {
        var writer = Writer(folder: folder)
        let runs = try archive.runs()
        let months = runs.compactMap { Day($0.date)?.month }.uniquedInOrder()
        let years = months.map { String($0.year) }.uniquedInOrder()
        let hotDays = try archive.hotspotRuns()
        try writeDays(archive, runs: runs, hotDays: hotDays, &writer)
        try writeHotspotDays(archive, hotDays: hotDays, runs: runs, &writer)
        try writeReports(archive, months: months, years: years, &writer)
        let feeds = try writeFeeds(archive, &writer)
        try writer.write("index.html", index(runs: runs, months: months, years: years, feeds: feeds))
        return writer.result
    }

    /// Writes a page only when its bytes changed, and counts.
    struct Writer {
        let folder: URL
        var result = Result()

        mutating func write(_ relative: String, _ html: String) throws {
            let url = folder.appendingPathComponent(relative)
            let data = Data(html.utf8)
            if (try? Data(contentsOf: url)) == data { result.unchanged += 1; return }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            result.written += 1
        }
    }

    /// Days: each digest's runs in date order, linked to their neighbours and their hotspot day.
    static func writeDays(_ archive: Archive, runs: [RunSummary], hotDays: [HotspotRun], _ writer: inout Writer) throws {
        let hotDay = Set(hotDays.map { "\($0.digest) \($0.date)" })
        for digest in runs.map(\.digest).uniquedInOrder().sorted() {
            let listings = try archive.days(of: digest)
            let dates = listings.map(\.run.date)
            for (i, listing) in listings.enumerated() {
                let date = listing.run.date
                try writer.write(
                    dayPath(date, digest),
                    ReportHTML.day(
                        listing, previous: i > 0 ? "\(fileName(dates[i - 1])).html" : nil,
                        next: i + 1 < dates.count ? "\(fileName(dates[i + 1])).html" : nil,
                        month: "../../months/\(date.prefix(7)).html",
                        hotspots: hotDay.contains("\(digest) \(date)") ? "../../" + hotPath(date, digest) : nil))
            }
        }
    }

    /// Hotspot days, each linked to its neighbours and to the same day's papers.
    static func writeHotspotDays(_ archive: Archive, hotDays: [HotspotRun], runs: [RunSummary], _ writer: inout Writer) throws {
        let runDay = Set(runs.map { "\($0.digest) \($0.date)" })
        for digest in hotDays.map(\.digest).uniquedInOrder().sorted() {
            let dates = hotDays.filter { $0.digest == digest }.map(\.date)
            for (i, date) in dates.enumerated() {
                guard let day = Day(date), let listing = try archive.hotspotDay(day, digest: digest).first else { continue }
                try writer.write(
                    hotPath(date, digest),
                    HotspotHTML.day(
                        listing, previous: i > 0 ? "\(fileName(dates[i - 1])).html" : nil,
                        next: i + 1 < dates.count ? "\(fileName(dates[i + 1])).html" : nil,
                        papersDay: runDay.contains("\(digest) \(date)") ? "../../" + dayPath(date, digest) : nil))
            }
        }
    }

    /// The monthly and yearly reports.
    static func writeReports(_ archive: Archive, months: [Month], years: [String], _ writer: inout Writer) throws {
        let fromMonth = ReportHTML.Links(
            day: { date, digest in "../" + dayPath(date, digest) }, month: { "\($0).html" },
            year: { "../years/\($0).html" }, index: "../index.html")
        for month in months {
            try writer.write("months/\(month).html", ReportHTML.month(try archive.monthReport(month), links: fromMonth))
        }
        let fromYear = ReportHTML.Links(
            day: { _, _ in nil }, month: { month in months.contains(where: { $0.text == month }) ? "../months/\(month).html" : nil },
            year: { "\($0).html" }, index: "../index.html")
        for year in years {
            try writer.write("years/\(year).html", ReportHTML.year(try archive.yearReport(year), links: fromYear))
        }
    }

    /// Feeds: one per saved search, one for followed authors; their titles and files, for the index.
    static func writeFeeds(_ archive: Archive, _ writer: inout Writer) throws -> [(title: String, href: String)] {
        var feeds: [(title: String, href: String)] = []
        var feedFiles = Set<String>()
        let sources =
            try archive.savedSearches().map { ($0.name, AtomFeed.Source.saved(name: $0.name, query: $0.query)) }
            + (try archive.following().isEmpty ? [] : [("following", AtomFeed.Source.following)])
        for (name, source) in sources {
            // Two names that make one file name (`a b`, `a_b`): the second gets a number.
            var file = "feeds/\(fileName(name)).xml"
            var n = 2
            while !feedFiles.insert(file).inserted { file = "feeds/\(fileName(name))-\(n).xml"; n += 1 }
            try writer.write(file, AtomFeed.render(source, records: try source.records(archive, limit: AtomFeed.defaultLength)))
            feeds.append((source.title, file))
        }
        return feeds
    }

    static func dayPath(_ date: String, _ digest: String) -> String { "days/\(fileName(digest))/\(fileName(date)).html" }
    static func hotPath(_ date: String, _ digest: String) -> String { "hot/\(fileName(digest))/\(fileName(date)).html" }

    /// A digest name as a file name: letters, digits, `-`, `_` and `.` kept, the rest `_`.
    static func fileName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    }

    static func index(runs: [RunSummary], months: [Month], years: [String], feeds: [(title: String, href: String)]) -> String {
        var b: [Markup] = [
            "<h1>arXiv digest archive</h1>",
            "<p class=\"muted\">\(runs.count) runs from \(runs.first?.date ?? "-") to \(runs.last?.date ?? "-").</p>",
        ]
        for year in years.reversed() {
            b.append("<h2><a href=\"years/\(year).html\">\(year)</a></h2><ul>")
            for month in months.reversed() where String(month.year) == year {
                let those = runs.filter { $0.date.hasPrefix(month.text) }
                let cost = those.reduce(0.0) { $0 + ($1.totalCost ?? 0) }
                let outages = those.filter { !$0.modelRan }.count
                let outage: Markup = outages > 0 ? ", the model never ran in \(outages)" : ""
                b.append(
                    "<li><a href=\"months/\(month).html\">\(month)</a> <span class=\"muted\">\(those.count) runs, "
                        + "\(those.reduce(0) { $0 + $1.listed }) papers listed, \(Format.money(cost))\(outage)</span></li>")
            }
            b.append("</ul>")
        }
        if !feeds.isEmpty {
            b.append("<h2>Feeds</h2><ul>")
            for feed in feeds { b.append("<li><a href=\"\(feed.href)\">\(feed.title)</a></li>") }
            b.append("</ul>")
        }
        return HTML.page(title: "arXiv digest archive", body: b.joined(separator: "\n"), feeds: feeds)
    }
}
