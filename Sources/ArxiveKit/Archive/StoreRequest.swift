import Foundation

/// A file a digest was read from, identified by its content hash.
public struct DigestSource: Hashable, Sendable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// One file to store: a digest (a run), a spotlight file, a monthly overview or a hotspot report.
public struct StoreRequest: Sendable {
    public enum Content: Sendable {
        case digest(Digest)
        case spotlights(SpotlightDay)
        case monthlyOverview(MonthlyOverview)
        case hotspotReport(HotspotReport)

        /// Every paper the file names, in file order.
        var papers: [DigestPaper] {
            switch self {
            case .digest(let d): d.papers
            case .spotlights(let s): s.papers.map(\.paper)
            case .monthlyOverview(let m): m.picks.map(\.paper)
            case .hotspotReport(let h): h.papers.map(\.paper.digestPaper)
            }
        }
    }

    public var content: Content {
        didSet {
            authorNames = StoreRequest.displayNames(of: content)
            hotspotTopicTexts = StoreRequest.topicTexts(of: content)
        }
    }
    /// The digest of a request made from one (every request the archive
    /// import and the digest readers make): setting it makes the request a digest's.
    public var digest: Digest {
        get {
            guard case .digest(let digest) = content else { preconditionFailure("not a digest's request") }
            return digest
        }
        set { content = .digest(newValue) }
    }
    public var digestName: String
    /// The run's day. Nil for a JSON file with no date of its own: it joins
    /// the run of `digestName` that lists exactly its papers, if one exists.
    public var date: String?
    public var source: DigestSource
    /// Each paper's authors as display names (TeX decoded), in `content.papers` order.
    ///
    /// Decoded here rather than while storing: the importer builds requests
    /// on its reader thread, and decoding was about 6% of the writer thread's
    /// samples in a profile of the 400-day import.
    private(set) var authorNames: [[String]]
    /// A hotspot report's topics' tags and scores as JSON texts, in section
    /// order: written here, on the reader thread, for the same reason.
    private(set) var hotspotTopicTexts: [(tags: String?, scores: String?)]
    /// Set when the reader left the papers of a page out because a JSON file
    /// of the same day came with it (its verdicts win): reads them, for when
    /// that JSON was not stored after all (it failed, or came later).
    var papersLeftOut: (@Sendable () throws -> [DigestPaper])?
    /// Stored after every dated file of the import (a topic bundle read
    /// without its papers: by then the day's JSON has given the verdicts).
    var storedLast = false
    /// The day of an undated file whose papers no run lists (a git version: its commit's day).
    public var fallbackDate: String?
    /// The run of its day the file belongs to, when it says so itself (an
    /// archive file's run line); else `Archive.runVariant` decides.
    var variant: RunVariant?

    public init(digest: Digest, digestName: String, date: String?, source: DigestSource) {
        self.init(content: .digest(digest), digestName: digestName, date: date, source: source)
    }

    public init(content: Content, digestName: String, date: String?, source: DigestSource) {
        self.content = content
        self.digestName = digestName
        self.date = date
        self.source = source
        self.authorNames = StoreRequest.displayNames(of: content)
        self.hotspotTopicTexts = StoreRequest.topicTexts(of: content)
    }

    /// A digest without a day of its own: it is stored after every dated file.
    var joinsRunByPapers: Bool {
        if case .digest = content { return date == nil }
        return false
    }

    private static func displayNames(of content: Content) -> [[String]] {
        content.papers.map { $0.authors.map(TeXDecoder.decode) }
    }

    private static func topicTexts(of content: Content) -> [(tags: String?, scores: String?)] {
        guard case .hotspotReport(let report) = content else { return [] }
        return report.sections.flatMap(\.topics).map { (JSONText.write($0.tags), JSONText.write($0.scores)) }
    }
}

/// What storing one digest file did.
public struct StoreOutcome: Equatable, Sendable {
    public enum Change: Equatable, Sendable {
        /// The same content was already imported for this run.
        case unchanged
        case runAdded
        case runUpdated
        /// A spotlight file or a monthly overview, stored (anew or again).
        case stored
        /// A second copy of a day the archive holds (a hotspot day's
        /// Markdown, its report stored): compared with it, not stored.
        case checkedAgainstStored
        /// A translated page of a day: its texts kept with the papers, no run.
        case translated
    }

    public var change: Change
    public var newPapers = 0
    /// How many verdicts the run holds after this file.
    public var runVerdicts = 0
    /// The run this file belongs to.
    public var runID: Int64?
    /// What the user should hear once (an old-style id resolved, or kept as written).
    public var notes: [String] = []
}
