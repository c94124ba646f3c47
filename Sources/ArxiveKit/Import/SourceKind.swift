import Foundation

/// What a file is, decided in one place, from its content (the path only
/// breaks ties): which reader takes it, or which kind of file that holds no
/// digest it is. The import summary counts skipped files by these kinds.
///
/// | content                                                        | kind                          |
/// |----------------------------------------------------------------|-------------------------------|
/// | first line `{"type": "arxive-archive", ...}`                   | archive file                  |
/// | first line a snapshot record (`id`, `abstract`, ...)           | arXiv snapshot (`isSnapshot`) |
/// | `{}` or an object keyed by arXiv id                            | daily JSON                    |
/// | `schema_version` with `topic_order` / `topic_sections`         | topic bundle                  |
/// | `schema_version` with `sections` and `meta`                    | spotlight file                |
/// | `month` with `papers`                                          | monthly overview              |
/// | `date` with `featured_topics` / `source_stats`                 | hotspot report (JSON)         |
/// | `schema_version` with `source_sections` / `days` / `paper_routes` | web-page copy (skipped)   |
/// | any JSON in a `web_data/` folder                               | web-page copy (skipped)       |
/// | a JSON list in a `hot/` folder                                 | hotspot source dump (skipped) |
/// | an other JSON object or text whose name says `eval`            | evaluation log (skipped)      |
/// | `# Personalized Daily ArXiv Papers DATE`                       | daily Markdown                |
/// | the saved page's title line                                    | page text                     |
/// | `<main class="daily-arxiv"`                                    | upstream HTML page            |
/// | a fork's title: arXiv papers and a date in any spelling        | family page (tolerant reader) |
/// | an HTML page whose `<title>`/`<h1>` is such a title             | family page (tolerant reader) |
/// | JSON lines of `id`, `abs`, `summary` records (with `AI`: listing) | daily-arXiv-ai-enhanced crawl or listing |
/// | `Main category:` and `TL;DR:` lines                            | daily-arXiv-ai-enhanced page  |
/// | a page no reader takes whose name says `translated`            | translation of a day          |
/// | `# Personalized Monthly ...` / `Yearly ...`                    | overview page (skipped)       |
/// | `# Daily AI Hotspots Archive ...`, a heading and only links    | index page (skipped)          |
/// | `# Daily AI Hotspots DATE`                                     | hotspot report (Markdown)     |
/// | `<svg`, PNG, GIF, JPEG                                         | image (skipped)               |
/// | anything else                                                  | unknown (see below)           |
///
/// An unknown file is not an error by itself: generators keep adding logs and
/// indexes beside their digests. `LossGuard.place` decides: a file that names
/// arXiv papers the way a digest does is a digest arxive cannot read (an
/// error); any other is skipped as `other` (an error under `--strict`).
public enum SourceKind: Equatable, Sendable {
    case digest(Digest.Format)
    case spotlights
    case monthlyOverview
    /// A "Daily AI Hotspots" day: its JSON report, or the same day as Markdown.
    case hotspotReport(HotspotReport.Format)
    case archiveFile
    /// A file that holds no digest, known and skipped.
    case skipped(SkippedKind)
    /// Nobody can place it: an error, with why.
    case unknown(String)

    /// The kinds of file a generator's output folder holds that are no digest.
    public enum SkippedKind: String, CaseIterable, Sendable, Comparable {
        /// The hotspot generator's intermediates (`hot/raw`, `hot/normalized`, `hot/clusters`).
        case hotspotSourceDump = "hotspot source dump"
        /// JSON the generator's web page loads (`web_data/...`): derived copies.
        case webCopy = "web-page copy"
        /// Navigation images and other pictures.
        case image
        /// A month's or a year's list of links.
        case indexPage = "index page"
        /// The site's monthly and yearly overview pages (derived from the days).
        case overviewPage = "overview page"
        /// A generator's evaluation output (metric tables, metrics JSON).
        case evaluationLog = "evaluation log"
        /// A file no reader takes that names no arXiv paper: not a digest.
        case other

        /// How the summary counts them: `3 index pages`.
        public func counted(_ n: Int) -> String {
            let plural: String =
                switch self {
                case .webCopy: "web-page copies"
                default: rawValue + "s"
                }
            return "\(n) \(n == 1 ? rawValue : plural)"
        }

        /// What `--verbose` says of one.
        public var reason: String {
            switch self {
            case .hotspotSourceDump: "a hotspot intermediate (what a source returned, or a clustering step)"
            case .webCopy: "a copy the generator's web page loads"
            case .image: "an image"
            case .indexPage: "an index page (a list of links)"
            case .overviewPage: "an overview page the site derives from the days"
            case .evaluationLog: "an evaluation log (metrics, not a digest)"
            case .other: "no digest arxive knows, and it names no arXiv paper"
            }
        }

        public static func < (a: SkippedKind, b: SkippedKind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The kind of `data`, read from `path` (nil for text given directly).
    public static func recognize(_ data: Data, path: String? = nil) -> SourceKind {
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        if let image = imageKind(body) { return image }
        let start = body.firstIndex(where: { !isSpace($0) }).map { body[$0] }
        switch start {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // The web page's JSON is a derived copy, whatever its shape.
            if isUnder("web_data", path) { return .skipped(.webCopy) }
            if start == UInt8(ascii: "[") {
                return isUnder("hot", path) ? .skipped(.hotspotSourceDump) : namedAsEvaluation(path) ?? .unknown("a JSON list, not a digest arxive knows")
            }
            if let lines = aiEnhancedKind(body) { return lines }
            let kind = jsonObjectKind(Data(body))
            if case .unknown = kind, let evaluation = namedAsEvaluation(path) { return evaluation }
            return kind
        default: break
        }
        guard let text = String(validating: body, as: UTF8.self) else { return .unknown("not UTF-8 text") }
        let kind = textKind(text)
        if case .unknown = kind, let evaluation = namedAsEvaluation(path) { return evaluation }
        // A day's page in another language has no title arxive knows; its name says what it is.
        if case .unknown = kind, let path, (path as NSString).lastPathComponent.lowercased().contains("translated") { return .digest(.translation) }
        return kind
    }

    /// daily-arXiv-ai-enhanced's JSON lines, by their first record: with `AI`, a published listing; without, a crawl.
    private static func aiEnhancedKind(_ body: Data.SubSequence) -> SourceKind? {
        let firstLine = body.prefix(while: { $0 != UInt8(ascii: "\n") })
        // Cheap tests first: a day's JSON on one line would otherwise be parsed whole here.
        guard firstLine.count < body.count, firstLine.range(of: Data(#""summary""#.utf8)) != nil,
            firstLine.range(of: Data(#""abs""#.utf8)) != nil || firstLine.range(of: Data(#""pdf""#.utf8)) != nil,
            let fields = (try? JSONSerialization.jsonObject(with: Data(firstLine))) as? [String: Any], AIEnhancedReader.isRecord(fields)
        else { return nil }
        return .digest(fields["AI"] != nil ? .aiListing : .crawl)
    }

    /// An evaluation log, by its name (`eval_2026-06.txt`, `hot/eval_metrics.json`):
    /// asked only of a file no reader takes.
    private static func namedAsEvaluation(_ path: String?) -> SourceKind? {
        guard let path else { return nil }
        let name = (path as NSString).lastPathComponent.lowercased()
        let words = name.split(whereSeparator: { !$0.isLetter })
        return words.contains(where: { $0 == "eval" || $0 == "evaluation" || $0 == "metrics" }) ? .skipped(.evaluationLog) : nil
    }

    /// True when the file's first line is an arXiv snapshot record: decided
    /// before the file is read whole (a snapshot is gigabytes).
    public static func isSnapshot(path: String) -> Bool { SnapshotReader.isSnapshot(path: path) }

    /// Whether a file, by its name alone, may be a JSON digest of the day its
    /// name carries (`-output.json`, `-daily-papers.json`): the importer then
    /// reads that day's page for its header only. A guess from the layout,
    /// used only to save work: a wrong guess costs a second read, never a verdict.
    static func mayHoldVerdictsOfItsDay(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        return name.hasSuffix(".json") && !name.hasSuffix("-hotspot-papers.json") && !isUnder("hot", path) && !isUnder("web_data", path)
    }

    /// Whether a file is, by its name, the day's daily JSON (`-output.json`):
    /// the importer then reads that day's topic bundle without its papers
    /// (the same records). The same kind of guess as `mayHoldVerdictsOfItsDay`.
    static func isDailyJSONByName(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.lowercased().hasSuffix("-output.json") && mayHoldVerdictsOfItsDay(path)
    }

    // MARK: The rules

    static func jsonObjectKind(_ data: Data) -> SourceKind {
        if ArchiveFile.isArchiveFile(data) { return .archiveFile }
        // Most JSON files are daily digests: their first key (an arXiv id) decides without a scan of the file.
        guard let first = JSONKeyOrder.firstKey(in: data), ArxivID.parse(first) == nil else { return .digest(.json) }
        let keys = Set(JSONKeyOrder.topLevelKeys(in: data))
        if keys.contains("schema_version") {
            if keys.contains("topic_order") || keys.contains("topic_sections") { return .digest(.topicBundle) }
            if keys.contains("source_sections") || keys.contains("days") || keys.contains("paper_routes") { return .skipped(.webCopy) }
            if keys.contains("sections"), keys.contains("meta") { return .spotlights }
        }
        if keys.contains("month"), keys.contains("papers") { return .monthlyOverview }
        // A fork's daily JSON: its papers keyed by id under `papers`, beside day-level texts.
        if keys.contains("papers"), !keys.contains("schema_version"), isKeyedByArxivIDs(JSONKeyOrder.keys(ofObject: "papers", in: data).map(\.key)) {
            return .digest(.json)
        }
        if keys.contains("date"), keys.contains("featured_topics") || keys.contains("source_stats") { return .hotspotReport(.json) }
        return .unknown("a JSON object keyed by '\(first)', not by arXiv ids, of no schema arxive knows")
    }

    /// An object's keys are papers: none, or every one an arXiv id.
    private static func isKeyedByArxivIDs(_ keys: [String]) -> Bool { keys.allSatisfy { ArxivID.parse($0) != nil } }

    static let overviewTitle = LinePattern(#"^#\s+Personalized (Monthly|Yearly) "#)
    static let hotspotIndexTitle = LinePattern(#"^#\s+Daily AI Hotspots Archive\b"#)

    static func textKind(_ text: String) -> SourceKind {
        let head = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        // An image first: looking for the page's marker read every navigation image whole.
        if head.hasPrefix("<svg") || (head.hasPrefix("<?xml") && head.prefix(512).contains("<svg")) { return .skipped(.image) }
        if head.hasPrefix("<"), text.containsBytes(UpstreamHTMLReader.marker) { return .digest(.html) }
        // The title sits within the first lines (after a navigation block or a remedial-run note).
        // Split as bytes: splitting as characters was most of recognising a file.
        let lines = head.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 60, omittingEmptySubsequences: false).prefix(60)
        for line in lines {
            let l = String(Substring(line)).trimmed
            // Cheap test first: regular expressions are costly to build, and most lines are not titles.
            guard l.hasPrefix("#") || l.hasPrefix("Personalized") else { continue }
            if MarkdownDigestReader.titlePattern.matches(l) { return .digest(.markdown) }
            if overviewTitle.matches(l) { return .skipped(.overviewPage) }
            if hotspotIndexTitle.matches(l) { return .skipped(.indexPage) }
            if HotspotMarkdownReader.titlePattern.matches(l) { return .hotspotReport(.markdown) }
            // Any heading followed by links and nothing else (`# 2026-06`, `# All Indices`).
            if l.hasPrefix("#"), isListOfLinks(lines.drop(while: { !String(Substring($0)).trimmed.hasPrefix("#") })) {
                return .skipped(.indexPage)
            }
            if PageTextDigestReader.titlePattern.matches(l) { return .digest(.pageText) }
            // A fork's own title (`# 📚 Personalized Daily Arxiv Papers - June 03, 2026`): the tolerant reader's.
            if l.hasPrefix("#"), isFamilyTitle(l) { return .digest(.page) }
        }
        // A page a Pages generator rendered from the family's Markdown: its title in `<title>` or `<h1>`.
        // Asked last: a day's Markdown that opens with its navigation block is placed by its title line above.
        if head.hasPrefix("<"), let title = htmlTitle(head.prefix(8192)), isFamilyTitle(title) { return .digest(.page) }
        // daily-arXiv-ai-enhanced's page: papers under arXiv categories, each with its main category and TL;DR.
        if text.containsBytes("Main category:"), text.containsBytes("TL;DR:") { return .digest(.aiPage) }
        return .unknown("no digest title arxive knows ('Personalized Daily ArXiv Papers ...')")
    }

    /// A title of the upstream family in any fork's words: it speaks of arXiv papers and carries a date.
    static func isFamilyTitle(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.contains("arxiv") && lower.contains("paper") && FamilyPageReader.date(inTitle: line) != nil
    }

    /// The text of an HTML page's `<title>` or first `<h1>`.
    private static func htmlTitle(_ head: Substring) -> String? {
        for (open, close) in [("<title", "</title>"), ("<h1", "</h1>")] {
            guard let start = head.range(of: open), let gt = head[start.upperBound...].firstIndex(of: ">"),
                let end = head[gt...].range(of: close)
            else { continue }
            return HTMLText.text(head[head.index(after: gt)..<end.lowerBound])
        }
        return nil
    }

    /// A page whose lines after its heading are links and nothing else.
    private static func isListOfLinks(_ lines: some Sequence<Substring.UTF8View.SubSequence>) -> Bool {
        var links = 0
        for line in lines.dropFirst() {
            let l = String(Substring(line)).trimmed
            if l.isEmpty || l.hasPrefix("#") { continue }
            guard l.hasPrefix("[") || l.hasPrefix("- [") || l.hasPrefix("* ["), l.contains("](") else { return false }
            links += 1
        }
        return links > 0
    }

    private static func imageKind(_ body: Data.SubSequence) -> SourceKind? {
        let magic: [[UInt8]] = [[0x89, 0x50, 0x4E, 0x47], [0x47, 0x49, 0x46, 0x38], [0xFF, 0xD8, 0xFF]]
        return magic.contains(where: { body.starts(with: $0) }) ? .skipped(.image) : nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Whether a folder of `path` is named `folder` (the layout as a tie-breaker).
    private static func isUnder(_ folder: String, _ path: String?) -> Bool {
        guard let path else { return false }
        return path.split(separator: "/").dropLast().contains { $0 == folder }
    }
}
