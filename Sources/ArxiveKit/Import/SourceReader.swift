import Foundation

/// What a file held, read with the reader its kind calls for.
public enum SourceContent: Sendable {
    case digest(Digest)
    case spotlights(SpotlightDay)
    case monthlyOverview(MonthlyOverview)
    case hotspotReport(HotspotReport)
    case archiveFile
    case skipped(SourceKind.SkippedKind)

    /// The digest, when the file is one.
    public var digest: Digest? {
        if case .digest(let d) = self { return d }
        return nil
    }
}

/// Reads any file arxive knows: `SourceKind` decides, the kind's reader reads.
public enum SourceReader {
    /// Reads `data`. A Markdown page of one of `skippingPapersOn` is read for
    /// its header only (see `MarkdownDigestReader.read`), and so is a topic
    /// bundle of one of `skippingBundlePapersOn` (its topic order and usage).
    public static func read(
        _ data: Data, path: String? = nil, kind: SourceKind? = nil, skippingPapersOn days: Set<String> = [],
        skippingBundlePapersOn bundleDays: Set<String> = []
    ) throws(DigestReadError) -> SourceContent {
        switch kind ?? SourceKind.recognize(data, path: path) {
        case .archiveFile: return .archiveFile
        case .skipped(let skipped): return .skipped(skipped)
        case .unknown(let why): throw DigestReadError(why)
        case .spotlights: return .spotlights(try SpotlightReader.read(data).withoutControlCharacters())
        case .monthlyOverview: return .monthlyOverview(try MonthlyOverviewReader.read(data).withoutControlCharacters())
        case .hotspotReport(.json): return .hotspotReport(try HotspotReportReader.read(data).withoutControlCharacters())
        case .hotspotReport(.markdown): return .hotspotReport(try HotspotMarkdownReader.read(try text(data)).withoutControlCharacters())
        case .digest(let format):
            let digest: Digest
            switch format {
            case .json: digest = try JSONDigestReader.read(data)
            case .topicBundle: digest = try TopicBundleReader.read(data, skippingPapersOn: bundleDays)
            case .markdown:
                let page = try MarkdownDigestReader.read(try text(data), skippingPapersOn: days)
                digest = page.date.map(days.contains) == true ? page : try withFamilyPapers(page, data)
            case .pageText: digest = try PageTextDigestReader.read(try text(data))
            case .html: digest = try UpstreamHTMLReader.read(try text(data))
            case .page: digest = try FamilyPageReader.read(try text(data))
            case .aiPage:
                var page = try FamilyPageReader.read(try text(data))
                (page.format, page.ownDigestName) = (.aiPage, AIEnhancedReader.digestName)
                digest = page
            case .translation: digest = FamilyPageReader.readTranslation(try text(data))
            case .crawl: digest = try AIEnhancedReader.read(data, listing: false)
            case .aiListing: digest = try AIEnhancedReader.read(data, listing: true)
            }
            return .digest(digest.withoutControlCharacters())
        }
    }

    /// A page with the upstream title whose papers the exact reader missed
    /// (a fork's `1001\.` numbering, `**ArXiv:**` lines): the header as that
    /// reader read it (it reads the token tables), the papers as the tolerant
    /// reader finds them. The tolerant reader runs only when the exact one
    /// read fewer papers than the page names, so every layout it reads whole
    /// imports exactly as before.
    static func withFamilyPapers(_ digest: Digest, _ data: Data) throws(DigestReadError) -> Digest {
        guard let day = digest.date, digest.papers.count < LossGuard.namedPapers(in: data).count else { return digest }
        let page = FamilyPageReader.readPage(try text(data))
        guard page.papers.count > digest.papers.count else { return digest }
        var read = digest
        read.papers = page.papers
        if read.topicOrder.isEmpty { read.topicOrder = page.topicOrder }
        if read.header?.summary == nil { read.header?.summary = page.summary }
        read.date = day
        return read
    }

    /// Validated by the standard library, which is several times faster
    /// than Foundation's decoding; a byte order mark is dropped as Foundation would.
    static func text(_ data: Data) throws(DigestReadError) -> String {
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else { throw DigestReadError("not UTF-8 text") }
        return text
    }
}

extension Digest {
    /// The digest with no control character that a terminal printing it would
    /// obey. Titles, abstracts and names have none already (`collapseWhitespace`);
    /// the texts that keep their lines keep their line breaks and tabs.
    func withoutControlCharacters() -> Digest {
        var digest = self
        if var header = digest.header {
            header.model = header.model.map(collapseWhitespace)
            header.notes = header.notes.map(collapseWhitespace)
            header.selectionPrompt = header.selectionPrompt.map(removingControlCharacters)
            header.summary = header.summary.map(removingControlCharacters)
            digest.header = header
        }
        for index in digest.papers.indices {
            digest.papers[index] = digest.papers[index].withoutControlCharacters()
        }
        return digest
    }
}

extension DigestPaper {
    func withoutControlCharacters() -> DigestPaper {
        var paper = self
        paper.comment = paper.comment.map(removingControlCharacters)
        if let comment = paper.topics?.comment { paper.topics?.comment = collapseWhitespace(comment) }
        return paper
    }
}

extension SpotlightDay {
    func withoutControlCharacters() -> SpotlightDay {
        var day = self
        for index in day.papers.indices {
            day.papers[index].paper = day.papers[index].paper.withoutControlCharacters()
            day.papers[index].comment = day.papers[index].comment.map(collapseWhitespace)
        }
        return day
    }
}

extension MonthlyOverview {
    func withoutControlCharacters() -> MonthlyOverview {
        var overview = self
        overview.model = overview.model.map(collapseWhitespace)
        for index in overview.picks.indices {
            overview.picks[index].paper = overview.picks[index].paper.withoutControlCharacters()
            overview.picks[index].comment = overview.picks[index].comment.map(collapseWhitespace)
        }
        return overview
    }
}

extension HotspotReport {
    /// Texts from the report keep no control character (titles and
    /// summaries are collapsed already by the reader).
    func withoutControlCharacters() -> HotspotReport {
        var report = self
        report.summary = report.summary.map(collapseWhitespace)
        for index in report.papers.indices { report.papers[index].comment = report.papers[index].comment.map(collapseWhitespace) }
        return report
    }
}
