import Crypto
import Foundation

/// Imports an arXiv metadata snapshot into the catalogue: the file is read,
/// inflated and parsed on a reader thread while the archive stores chunks of
/// records, each chunk one transaction (see `Archive.storeCatalogueChunk`).
///
/// A record is the unit that is stored whole or not at all, and a chunk the
/// unit of commit; a line that is not a record is reported with its number
/// and skipped, so one bad line among millions does not stop the import (it
/// still ends with exit status 1). Running the import again after a kill
/// resumes after the last committed chunk; once finished, the same file is
/// not read again.
public struct CatalogueImporter: Sendable {
    public struct Options: Sendable {
        /// At most this many records per commit.
        public var chunkSize: Int
        /// A chunk commits once it has been open this long.
        public var chunkSeconds: Double

        public init(chunkSize: Int = 25_000, chunkSeconds: Double = 10) {
            self.chunkSize = chunkSize
            self.chunkSeconds = chunkSeconds
        }
    }

    /// How far an import has come, for a progress line.
    public struct Progress: Sendable {
        /// Records stored by this run (resumed lines not counted).
        public var records: Int
        public var seconds: Double
        public var fileBytesRead: Int
        public var fileSize: Int
        /// True while the index is merged at the end.
        public var optimizing = false

        public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
        /// Seconds left, from the share of the file read so far.
        public var secondsLeft: Double? {
            guard fileBytesRead > 0, fileSize > fileBytesRead, seconds > 1 else { return nil }
            return seconds * Double(fileSize - fileBytesRead) / Double(fileBytesRead)
        }
    }

    /// What importing one snapshot file did.
    public struct Report: Sendable {
        public var path: String
        /// Lines read by this run (records and bad lines).
        public var linesRead = 0
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        /// Lines an earlier, interrupted import had committed: skipped.
        public var resumedAfter = 0
        /// The same file was imported to its end before: nothing was read.
        public var alreadyImported = false
        /// The first bad lines, with why; `badLineCount` counts them all.
        public var badLines: [(line: Int, reason: String)] = []
        public var badLineCount = 0
        /// Why the import stopped before the end of the file, if it did.
        public var error: String?
        public var seconds = 0.0

        public var failed: Bool { error != nil || badLineCount > 0 }
    }

    /// Bad lines reported one by one; the rest are counted.
    static let badLinesShown = 20

    let archive: Archive
    let options: Options

    public init(archive: Archive, options: Options = Options()) {
        self.archive = archive
        self.options = options
    }

    /// The reader's records one at a time, noting the bad lines and the
    /// reader's error as its batches come.
    private struct RecordStream {
        let batches: BoundedBuffer<Batch>
        /// The last line handed out or passed over (bad lines after a batch's last record too).
        private(set) var consumedLine: Int
        private(set) var handedOut = 0
        private(set) var badLineCount = 0
        private(set) var badLines: [(line: Int, reason: String)] = []
        /// The reader's error: no batch is taken after the one that had it.
        private(set) var readError: String?
        private var current = Batch()
        private var index = 0

        init(batches: BoundedBuffer<Batch>, consumedLine: Int) {
            self.batches = batches
            self.consumedLine = consumedLine
        }

        /// Drains the reader (it may be waiting to hand over a batch after an
        /// early stop) and tells `report` what the stream saw.
        func close(into report: inout Report, skipped: Int) {
            while batches.take() != nil {}
            report.linesRead = consumedLine - skipped
            report.badLineCount = badLineCount
            report.badLines = badLines
            // A store error stopped the import; else the reader's, if any.
            report.error = report.error ?? readError
        }

        /// The next record; `onBatch` hears of each batch taken, and of the records handed out before it.
        mutating func next(onBatch: (_ batch: Batch, _ handedOut: Int) -> Void) -> CatalogueRecord? {
            while index >= current.records.count {
                consumedLine = max(consumedLine, current.lastLine)
                guard readError == nil, let batch = batches.take() else { return nil }
                current = batch
                index = 0
                badLineCount += batch.bad.count
                badLines += batch.bad.prefix(max(0, CatalogueImporter.badLinesShown - badLines.count))
                readError = batch.error
                onBatch(batch, handedOut)
            }
            let (line, record) = current.records[index]
            index += 1
            consumedLine = line
            handedOut += 1
            return record
        }
    }

    /// A batch of parsed lines, handed from the reader thread to the writer.
    private struct Batch: Sendable {
        var records: [(line: Int, record: CatalogueRecord)] = []
        var bad: [(line: Int, reason: String)] = []
        /// The number of the batch's last line.
        var lastLine = 0
        var fileBytesRead = 0
        var error: String?
    }

    public func run(path: String, progress: (Progress) -> Void = { _ in }) -> Report {
        let started = Date()
        var report = importFile(path, started: started, progress: progress)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func importFile(_ path: String, started: Date, progress: (Progress) -> Void) -> Report {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        var report = Report(path: path)
        guard let (fileSize, fingerprint) = startingPoint(path, &report) else { return report }

        // 64 batches of 500 (about 64 MiB): the reader keeps parsing while
        // the writer indexes a chunk's text, which takes a second or more.
        let batches = BoundedBuffer<Batch>(capacity: 64)
        let skip = report.resumedAfter
        Thread.detachNewThread { CatalogueImporter.read(path, skipping: skip, into: batches) }

        var stream = RecordStream(batches: batches, consumedLine: skip)
        /// The next record, reporting progress as each batch comes.
        func nextRecord() -> CatalogueRecord? {
            stream.next(onBatch: { batch, handedOut in
                progress(
                    Progress(
                        records: handedOut, seconds: Date().timeIntervalSince(started),
                        fileBytesRead: batch.fileBytesRead, fileSize: fileSize))
            })
        }

        var authorIDs: [String: Int64] = [:]
        var committedLine = skip
        while let first = nextRecord() {
            // Bounded memory: a name cache of at most half a million names.
            if authorIDs.count > 500_000 { authorIDs = [:] }
            let chunkStarted = Date()
            var handed = 0
            do {
                let outcome = try archive.storeCatalogueChunk(
                    path: path, fingerprint: fingerprint,
                    pulling: {
                        handed += 1
                        if handed == 1 { return first }
                        guard handed <= options.chunkSize, Date().timeIntervalSince(chunkStarted) < options.chunkSeconds else { return nil }
                        return nextRecord()
                    }, recordsDone: { stream.consumedLine }, authorIDs: &authorIDs)
                report.added += outcome.added
                report.updated += outcome.updated
                report.unchanged += outcome.unchanged
                committedLine = stream.consumedLine
            } catch {
                report.error = "not imported after line \(committedLine): \(Archive.describe(error))"
                break
            }
        }
        stream.close(into: &report, skipped: skip)
        guard report.error == nil else { return report }
        finish(path, &report) {
            progress(
                Progress(
                    records: stream.handedOut, seconds: Date().timeIntervalSince(started),
                    fileBytesRead: fileSize, fileSize: fileSize, optimizing: true))
        }
        return report
    }

    /// Marks the file imported and merges the index when the import changed
    /// anything (`optimizing` first says so).
    private func finish(_ path: String, _ report: inout Report, optimizing: () -> Void) {
        // A run that resumed may follow one killed in the merge, after
        // its last chunk: nothing is left to store, but the merge is.
        let changed = report.added + report.updated > 0 || report.resumedAfter > 0
        if changed { optimizing() }
        do {
            try archive.finishCatalogueImport(path: path, optimize: changed)
        } catch {
            report.error = "the import is stored but not finished: \(error.localizedDescription)"
        }
    }

    /// Where the import of `path` starts: its size and fingerprint, with
    /// `report` saying whether it was imported before or resumes after a
    /// line; nil when there is nothing to do (imported whole before, or an error, in `report`).
    private func startingPoint(_ path: String, _ report: inout Report) -> (fileSize: Int, fingerprint: String)? {
        do {
            let (fileSize, fingerprint) = try CatalogueImporter.fingerprint(path)
            if let state = try archive.catalogueFileState(path: path), state.fingerprint == fingerprint {
                if state.finished {
                    report.alreadyImported = true
                    return nil
                }
                report.resumedAfter = state.recordsDone
            }
            try archive.limitMemoryForBulkImport()
            return (fileSize, fingerprint)
        } catch {
            report.error = "\(error.localizedDescription)"
            return nil
        }
    }

    /// The reader thread: lines to records, in batches, until the file ends or fails.
    private static func read(_ path: String, skipping: Int, into batches: BoundedBuffer<Batch>) {
        defer { batches.close() }
        var batch = Batch()
        var names = SnapshotNames()
        do {
            let stream = try LineStream(path: path)
            while let line = try stream.next() {
                if stream.lineNumber <= skipping { continue }
                batch.lastLine = stream.lineNumber
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                do {
                    batch.records.append((stream.lineNumber, try SnapshotReader.record(line, names: &names)))
                } catch let error as DigestReadError {
                    batch.bad.append((stream.lineNumber, error.message))
                }
                if batch.records.count + batch.bad.count >= 500 {
                    batch.fileBytesRead = stream.fileBytesRead
                    batches.put(batch)
                    batch = Batch()
                }
            }
            batch.fileBytesRead = stream.fileBytesRead
        } catch let error as DigestReadError {
            batch.error = error.description
        } catch {
            batch.error = error.localizedDescription
        }
        batches.put(batch)
    }

    /// The file's size and a fingerprint of its content: the size and a
    /// hash of its first and last MiB. Hashing a whole snapshot would take
    /// seconds on every run; a new snapshot differs in size or at its ends.
    static func fingerprint(_ path: String) throws -> (size: Int, fingerprint: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DigestReadError("cannot open the file")
        }
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        var hash = SHA256()
        try handle.seek(toOffset: 0)
        hash.update(data: try handle.read(upToCount: 1 << 20) ?? Data())
        try handle.seek(toOffset: UInt64(max(0, size - (1 << 20))))
        hash.update(data: try handle.read(upToCount: 1 << 20) ?? Data())
        return (size, "\(size):" + DigestImporter.hex(hash.finalize()))
    }
}
