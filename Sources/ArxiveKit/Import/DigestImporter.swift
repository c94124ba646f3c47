import Crypto
import Foundation

/// Imports files and folders into an archive: finds the files, reads each
/// with the reader its content calls for, and stores them. Each file is
/// atomic; files are committed in groups (see
/// `Archive.store(_:)`). A file that fails is reported and the others go on.
public struct DigestImporter: Sendable {
    public struct Options: Sendable {
        /// The digest the runs belong to.
        public var digestName: String
        /// Whether the user named the digest (`--digest`): else a family with a
        /// digest of its own (daily-arXiv-ai-enhanced) goes to that one.
        public var digestNameGiven: Bool
        /// The day of a JSON file whose name carries none and whose papers
        /// match no run in the archive.
        public var date: String?
        /// At most this many files per commit. A group ends with its FTS
        /// indexing, which the reader thread overlaps by parsing the next
        /// files; 250 rather than 500 left the writer less to do alone at
        /// the end (400-day benchmark history, 666 files: fastest of ten
        /// runs 1.08 s against 1.30 s for the whole import, mean 1.48 s
        /// against 1.57 s).
        public var groupSize: Int
        /// A group commits once it has been open this long, so that a slow
        /// import still commits often.
        public var groupSeconds: Double
        /// How arXiv snapshots are committed.
        public var catalogue: CatalogueImporter.Options
        /// Whether a file that holds no digest arxive knows (`other`) is an error.
        public var strict: Bool

        public init(
            digestName: String? = nil, date: String? = nil,
            groupSize: Int = 250, groupSeconds: Double = 2, catalogue: CatalogueImporter.Options = .init(), strict: Bool = false
        ) {
            self.digestNameGiven = digestName != nil
            self.catalogue = catalogue
            self.strict = strict
            self.digestName = digestName ?? DigestImporter.defaultDigestName
            self.date = date
            self.groupSize = groupSize
            self.groupSeconds = groupSeconds
        }
    }

    /// What one import did: the figures of its closing summary line.
    public struct Report: Sendable {
        public var filesRead = 0
        public var runsAdded = 0
        public var runsUpdated = 0
        public var filesUnchanged = 0
        public var newPapers = 0
        /// Verdicts held by the runs this import added or updated.
        public var verdicts = 0
        /// Spotlight files and monthly overviews stored (anew or changed).
        public var spotlightDays = 0
        public var monthlyOverviews = 0
        public var hotspotDays = 0
        /// Second copies of a day the archive holds (a hotspot day's Markdown beside its report), checked against it.
        public var copiesChecked = 0
        /// Translated pages of a day, kept as the papers' translated texts.
        public var translations = 0
        /// Files recognised as holding no digest, by kind; `why` for one no reader takes (`other`).
        public var skipped: [(path: String, kind: SourceKind.SkippedKind, why: String?)] = []
        /// What the user should hear once (old-style ids resolved or kept).
        public var notes: [String] = []
        /// Files that could not be imported, with why (and where).
        public var failures: [(path: String, reason: String)] = []
        /// Files imported with fewer papers than they name or state (see `LossGuard`).
        public var shortfalls: [(path: String, shortfall: LossGuard.Shortfall)] = []
        /// Why the import stopped before its last file, when the archive
        /// itself could not be written (a full disk): no file is to blame.
        public var stopped: String?
        /// The arXiv snapshots among the files, one report each.
        public var catalogue: [CatalogueImporter.Report] = []
    }

    /// Runs of a digest imported without `--digest`.
    public static let defaultDigestName = "daily"
    /// Endings that, inside a folder, are read only when they hold an arXiv
    /// snapshot: other archives are someone else's data. Every other file of
    /// a folder is read, and `SourceKind` places it (JSON lines that are no
    /// snapshot too: daily-arXiv-ai-enhanced writes its days so).
    static let snapshotOnlyExtensions: Set<String> = ["gz"]

    let archive: Archive
    let options: Options

    public init(archive: Archive, options: Options = Options()) {
        self.archive = archive
        self.options = options
    }

    /// Imports every path; `progress(done, total, path)` is called before
    /// each digest file, `catalogueProgress` as a snapshot is imported.
    public func run(
        paths: [String], progress: (Int, Int, String) -> Void = { _, _, _ in },
        catalogueProgress: (CatalogueImporter.Progress) -> Void = { _ in }
    ) -> Report {
        archive.withSparseCheckpoints {
            let (files, missing, named) = DigestImporter.expand(paths)
            // Snapshots are recognised from their first line, whatever their name.
            let snapshots = files.filter(SourceKind.isSnapshot)
            let digests = files.filter { path in
                !snapshots.contains(path)
                    && (named.contains(path) || !DigestImporter.snapshotOnlyExtensions.contains((path as NSString).pathExtension.lowercased()))
            }
            var report = importFiles(digests.map(ImportSource.file), progress: progress)
            report.failures = missing.map { ($0, "no such file or directory") } + report.failures
            for path in snapshots {
                report.catalogue.append(CatalogueImporter(archive: archive, options: options.catalogue).run(path: path, progress: catalogueProgress))
            }
            return report
        }
    }

    /// What importing a git history did: the import's report, and the commits and versions read.
    public struct GitReport: Sendable {
        public var report: Report
        public var commits: Int
        public var versions: Int
        /// The commit the next import starts after; nil when there was nothing new to read.
        public var readUpTo: String?
    }

    /// Imports every version of every file on `ref`'s history in `repository`
    /// (the files under `paths`, or all), oldest commit first, so that a day
    /// committed several times keeps its last version. A second import reads
    /// only the commits after the last one read (remembered per repository and ref).
    public func run(
        gitRepository repository: String, ref: String, since: String?, paths: [String], progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws -> GitReport {
        let absolute = URL(fileURLWithPath: repository).standardizedFileURL.path
        let after = try archive.lastGitCommit(repository: absolute, ref: ref)
        let history = try GitHistory.read(repository: absolute, ref: ref, since: since, after: after, paths: paths)
        guard history.head != after else { return GitReport(report: Report(), commits: 0, versions: 0, readUpTo: nil) }
        let sources = try history.sources()
        let report = archive.withSparseCheckpoints { importFiles(sources, progress: progress) }
        // Only a whole import moves the mark: after a stop, the next import reads these commits again.
        if report.stopped == nil { try archive.recordGitImport(repository: absolute, ref: ref, commit: history.head) }
        return GitReport(report: report, commits: history.commits.count, versions: history.versions.count, readUpTo: history.head)
    }

    /// Reads the files on one thread (`ParsedFiles`) and stores them on
    /// this one (`GroupCommitter`), a group of files per commit: a group
    /// takes files until it holds `groupSize` or has been open `groupSeconds`.
    func importFiles(_ files: [ImportSource], progress: (Int, Int, String) -> Void) -> Report {
        let parsed = ParsedFiles(files, readBy: self)
        let committer = GroupCommitter(archive: archive)
        var done = 0
        /// The next file to store now; nil when every file has been read.
        func next() -> StoreRequest? {
            while let (path, result) = parsed.next() {
                progress(done, files.count, path)
                done += 1
                if let request = committer.take(path, result) { return request }
            }
            return nil
        }
        while let first = next() {
            let started = Date()
            var handed = 0
            let stored = committer.commit(pulling: {
                handed += 1
                if handed == 1 { return first }
                guard handed <= options.groupSize, Date().timeIntervalSince(started) < options.groupSeconds else { return nil }
                return next()
            })
            guard stored else {
                parsed.drain()
                return committer.report
            }
        }
        committer.finish()
        if committer.report.stopped == nil { progress(files.count, files.count, "") }
        return committer.report
    }

    /// What reading one file gave.
    enum ReadResult: Sendable {
        /// A file to store; `shortfall` when it yielded fewer papers than it names.
        case request(StoreRequest, shortfall: LossGuard.Shortfall? = nil)
        /// Imported before with this very content.
        case unchanged
        /// An archive file (`arxive export --format archive`): merged whole, after the digests.
        case archiveFile(Data)
        /// Recognised, and holds no digest; `why` when no reader takes it.
        case skipped(SourceKind.SkippedKind, why: String? = nil)
        case failed(String)
    }

    /// Reads and parses one file (on the reader thread: it touches no archive).
    /// A Markdown page of one of `skippingPapersOn` is read without its
    /// papers; its request knows how to read them if they are needed.
    func read(
        _ file: ImportSource, skipping known: Set<DigestSource> = [], skippingPapersOn jsonDays: Set<String> = [],
        skippingBundlePapersOn outputDays: Set<String> = []
    ) -> ReadResult {
        do {
            let data = try file.load()
            let path = file.name
            // A file that holds no digest is placed before it is hashed: nothing keeps its hash.
            let kind = SourceKind.recognize(data, path: path)
            switch kind {
            case .skipped, .unknown:
                let why: String? = if case .unknown(let reason) = kind { reason } else { nil }
                return try .skipped(LossGuard.place(data, as: kind, strict: options.strict).get(), why: why)
            default: break
            }
            let source = DigestSource(path: file.path, sha256: DigestImporter.hex(SHA256.hash(data: data)))
            if known.contains(source) { return .unchanged }
            let content = try SourceReader.read(data, path: path, kind: kind, skippingPapersOn: jsonDays, skippingBundlePapersOn: outputDays)
            // An archive file is checked line by line when it is merged.
            if case .archiveFile = content { return .archiveFile(data) }
            // A page or bundle read without its papers (the day's JSON gives them) is checked through that JSON.
            let papersLeftOut = content.digest.map { $0.papers.isEmpty && DigestImporter.leavesPapersOut($0, jsonDays, outputDays) } ?? false
            var shortfall: LossGuard.Shortfall?
            if !papersLeftOut {
                switch LossGuard.check(data, accounted: content.accountedIDs, stated: content.statedTotal) {
                case .complete: break
                case .refused(let named): return .failed("names \(named) arXiv paper\(named == 1 ? "" : "s"), read 0: not imported")
                case .short(let short): shortfall = short
                }
            }
            switch content {
            case .archiveFile: return .archiveFile(data)  // returned above
            case .skipped(let kind): return .skipped(kind)
            case .spotlights(let day):
                return .request(StoreRequest(content: .spotlights(day), digestName: options.digestName, date: day.date, source: source), shortfall: shortfall)
            case .monthlyOverview(let overview):
                return .request(
                    StoreRequest(content: .monthlyOverview(overview), digestName: options.digestName, date: nil, source: source), shortfall: shortfall)
            case .hotspotReport(let report):
                var request = StoreRequest(content: .hotspotReport(report), digestName: options.digestName, date: report.date, source: source)
                // A day's Markdown copy comes after its JSON report, whatever
                // the paths' order: it is kept only when the report is not there.
                request.storedLast = report.format == .markdown
                return .request(request, shortfall: shortfall)
            case .digest(let digest):
                let date = digest.date ?? options.date ?? DigestDate.inFileName((path as NSString).lastPathComponent)
                let digestName = options.digestNameGiven ? options.digestName : digest.ownDigestName ?? options.digestName
                var request = StoreRequest(digest: digest, digestName: digestName, date: date, source: source)
                request.fallbackDate = file.fallbackDate
                if digest.format == .markdown, let day = digest.date, jsonDays.contains(day) {
                    request.papersLeftOut = { try DigestImporter.guardedPapers(data) }
                }
                if digest.format == .topicBundle, let day = digest.date, outputDays.contains(day) {
                    request.papersLeftOut = { try DigestImporter.guardedPapers(data) }
                    request.storedLast = true
                }
                return .request(request, shortfall: shortfall)
            }
        } catch let error as DigestReadError {
            return .failed(error.description)
        } catch {
            return .failed("cannot read: \(error.localizedDescription)")
        }
    }

    /// The papers of a page or bundle read again in full, when the JSON it was
    /// left to failed: through the loss guard like every first read.
    static func guardedPapers(_ data: Data) throws -> [DigestPaper] {
        let content = try SourceReader.read(data)
        if case .refused(let named) = LossGuard.check(data, accounted: content.accountedIDs) {
            throw DigestReadError("names \(named) arXiv paper\(named == 1 ? "" : "s"), read 0")
        }
        return content.digest?.papers ?? []
    }

    /// Whether `digest` is a page or bundle that the reader was told to read without its papers.
    static func leavesPapersOut(_ digest: Digest, _ jsonDays: Set<String>, _ outputDays: Set<String>) -> Bool {
        guard let day = digest.date else { return false }
        return (digest.format == .markdown && jsonDays.contains(day)) || (digest.format == .topicBundle && outputDays.contains(day))
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The files to read: named files as they are, folders recursively
    /// (every file, hidden ones left out), in path order.
    /// `named` are the files named on the command line.
    static func expand(_ paths: [String]) -> (files: [String], missing: [String], named: Set<String>) {
        var files: [String] = [], missing: [String] = [], named = Set<String>()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { missing.append(path); continue }
            guard isDirectory.boolValue else { files.append(path); named.insert(path); continue }
            var found: [String] = []
            let enumerator = fm.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var dir: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue {
                    found.append(full)
                }
            }
            files += found.sorted()
        }
        return (files, missing, named)
    }
}

/// A file to import: one on disk, or a version of one that a git repository
/// holds (`import --git`).
public struct ImportSource: Sendable {
    /// The path recorded as its source and shown (a git version's names its commit).
    public var path: String
    /// The path its kind is recognised from (its name and folders break ties).
    public var name: String
    /// What messages call it: the path as given, or a git version's path and commit.
    public var shown: String
    /// The day of a file whose content and name carry none, and whose papers
    /// no run lists (a git version: its commit's day).
    public var fallbackDate: String?
    let load: @Sendable () throws -> Data

    public init(path: String, name: String, shown: String? = nil, fallbackDate: String? = nil, load: @escaping @Sendable () throws -> Data) {
        self.path = path
        self.name = name
        self.shown = shown ?? path
        self.fallbackDate = fallbackDate
        self.load = load
    }

    /// A file on disk.
    static func file(_ path: String) -> ImportSource {
        ImportSource(path: URL(fileURLWithPath: path).standardizedFileURL.path, name: path, shown: path) {
            try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }
}

extension DigestImporter.Report {
    mutating func add(_ outcome: StoreOutcome, of request: StoreRequest) {
        switch (outcome.change, request.content) {
        case (.unchanged, _): filesUnchanged += 1
        case (.runAdded, _): runsAdded += 1
        case (.runUpdated, _): runsUpdated += 1
        case (.stored, .spotlights): spotlightDays += 1
        case (.stored, .monthlyOverview): monthlyOverviews += 1
        case (.stored, .hotspotReport): hotspotDays += 1
        case (.stored, .digest): runsUpdated += 1
        case (.checkedAgainstStored, _): copiesChecked += 1
        case (.translated, _): translations += 1
        }
        newPapers += outcome.newPapers
        for note in outcome.notes where !notes.contains(note) { notes.append(note) }
    }
}
