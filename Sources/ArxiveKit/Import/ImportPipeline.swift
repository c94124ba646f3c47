import Foundation

/// The reader half of an import: reads and parses the files on a thread of
/// its own while the writer stores them. It may run 256 files ahead (a few
/// MiB of parsed text), so it goes on parsing while the writer indexes a
/// group instead of waiting on it.
final class ParsedFiles: Sendable {
    private let buffer = BoundedBuffer<(path: String, result: DigestImporter.ReadResult)>(capacity: 256)

    init(_ sources: [ImportSource], readBy importer: DigestImporter) {
        let files = sources.map(\.name)
        let options = importer.options
        // A file imported before with the same content is not parsed again:
        // a daily import of the whole folder reads mostly such files. (With
        // --date the run a dateless file joins may differ: no shortcut then.)
        // A family with a digest of its own (daily-arXiv-ai-enhanced) goes there unless --digest says otherwise: its files too.
        let digests = [options.digestName] + (options.digestNameGiven ? [] : [AIEnhancedReader.digestName])
        let known =
            options.date == nil
            ? digests.reduce(into: Set<DigestSource>()) { known, digest in known.formUnion((try? importer.archive.importedSources(digestName: digest)) ?? []) }
            : []
        // A day's Markdown is read without its papers when the day's JSON
        // comes with it: the JSON's verdicts win, and reading the papers of
        // both was a third of the reader thread's time.
        let jsonDays = Set(
            files.filter(SourceKind.mayHoldVerdictsOfItsDay)
                .compactMap { options.date ?? DigestDate.inFileName(($0 as NSString).lastPathComponent) })
        // Likewise a day's topic bundle when its -output.json comes with it:
        // the same records. Such a bundle is stored after every dated file,
        // when that JSON is in the archive, and brings only its topics and usage.
        let outputDays = Set(files.filter(SourceKind.isDailyJSONByName).compactMap { DigestDate.inFileName(($0 as NSString).lastPathComponent) })
        Thread.detachNewThread { [buffer] in
            for source in sources {
                buffer.put((source.shown, importer.read(source, skipping: known, skippingPapersOn: jsonDays, skippingBundlePapersOn: outputDays)))
            }
            buffer.close()
        }
    }

    /// The next file read; nil when every file has been.
    func next() -> (path: String, result: DigestImporter.ReadResult)? { buffer.take() }

    /// Lets the reader finish when the writer stops early: it may be waiting to hand over a file.
    func drain() { while buffer.take() != nil {} }
}

/// The writer half of an import: sorts what each file gave into the report,
/// and commits the requests it is handed, a group per transaction.
///
/// A class: a group pulls its files while it commits, and pulling sorts
/// each file's result into the report (a struct's mutating `commit` would
/// hold the whole value while the pull changes it).
final class GroupCommitter {
    let archive: Archive
    private(set) var report = DigestImporter.Report()
    /// Requests stored after every dated file: JSON files with no date of
    /// their own (they join the run a page of the same papers made), and
    /// those that ask for it (`StoreRequest.storedLast`).
    private(set) var storedLast: [StoreRequest] = []
    /// Archive files, merged whole after the digests, each in a transaction of its own.
    private(set) var archiveFiles: [(path: String, data: Data)] = []
    private var verdictsByRun: [Int64: Int] = [:]

    init(archive: Archive) {
        self.archive = archive
    }

    /// Counts what reading `path` gave; the request to store now, if it is one.
    func take(_ path: String, _ result: DigestImporter.ReadResult) -> StoreRequest? {
        report.filesRead += 1
        switch result {
        case .request(let request, let shortfall):
            if let shortfall { report.shortfalls.append((path, shortfall)) }
            if request.joinsRunByPapers || request.storedLast { storedLast.append(request) } else { return request }
        case .unchanged: report.filesUnchanged += 1
        case .archiveFile(let data): archiveFiles.append((path, data))
        case .skipped(let kind, let why): report.skipped.append((path, kind, why))
        case .failed(let reason): report.failures.append((path, reason))
        }
        return nil
    }

    /// Stores the requests `next` hands over in one transaction and reports
    /// on each; false when the archive could not be written.
    func commit(pulling next: () -> StoreRequest?) -> Bool {
        var group: [StoreRequest] = []
        do {
            let results = try archive.store(pulling: {
                guard let request = next() else { return nil }
                group.append(request)
                return request
            })
            for (request, result) in zip(group, results) {
                switch result {
                case .success(let outcome):
                    report.add(outcome, of: request)
                    if let run = outcome.runID, outcome.change != .unchanged { verdictsByRun[run] = outcome.runVerdicts }
                case .failure(let error):
                    report.failures.append((request.source.path, "not imported: \(error.localizedDescription)"))
                }
            }
            return true
        } catch {
            // The archive could not be written (a full disk; the store
            // stops at such an error): nothing of the group was kept, and
            // every later group would fail alike. One message, no file blamed.
            report.stopped =
                "the archive could not be written (\(Archive.describe(error))): the import stopped, "
                + "and the \(group.count) files of its last group were not stored"
            return false
        }
    }

    /// The requests kept for last, in one group; then the archive files.
    func finish() {
        var remaining = storedLast[...]
        if !remaining.isEmpty { _ = commit(pulling: { remaining.popFirst() }) }
        guard report.stopped == nil else { return }
        report.verdicts = verdictsByRun.values.reduce(0, +)
        for (path, data) in archiveFiles {
            do {
                let merge = try archive.importArchive(data)
                report.runsAdded += merge.runsAdded
                report.runsUpdated += merge.runsExtended
                report.newPapers += merge.newPapers
                report.verdicts += merge.verdicts
            } catch {
                report.failures.append((path, "not imported: \(error.localizedDescription)"))
            }
        }
    }
}
