import Crypto
import Foundation

/// Imports files and folders into an archive: finds the files, reads each
/// with the reader its content calls for, and stores it in one transaction.
/// A file that fails is reported and the others go on.
public struct DigestImporter {
    public struct Options: Sendable {
        /// The digest the runs belong to.
        public var digestName: String
        /// The day of a JSON file whose name carries none and whose papers
        /// match no run in the archive.
        public var date: String?

        public init(digestName: String = DigestImporter.defaultDigestName, date: String? = nil) {
            self.digestName = digestName
            self.date = date
        }
    }

    /// What one import did: the figures of its closing summary line.
    public struct Report: Sendable, Equatable {
        public var filesRead = 0
        public var runsAdded = 0
        public var runsUpdated = 0
        public var filesUnchanged = 0
        public var newPapers = 0
        /// Verdicts held by the runs this import added or updated.
        public var verdicts = 0
        /// Files recognised as not holding a run (a monthly overview page).
        public var skipped: [(path: String, reason: String)] = []
        /// Files that could not be imported, with why (and where).
        public var failures: [(path: String, reason: String)] = []

        public static func == (a: Report, b: Report) -> Bool {
            a.filesRead == b.filesRead && a.runsAdded == b.runsAdded && a.runsUpdated == b.runsUpdated
                && a.filesUnchanged == b.filesUnchanged && a.newPapers == b.newPapers && a.verdicts == b.verdicts
                && a.skipped.map(\.path) == b.skipped.map(\.path) && a.failures.map(\.path) == b.failures.map(\.path)
        }
    }

    /// Runs of a digest imported without `--digest`.
    public static let defaultDigestName = "daily"
    /// File endings looked at inside folders (a file named on the command line is always read).
    static let folderExtensions: Set<String> = ["md", "markdown", "json", "txt"]

    let archive: Archive
    let options: Options

    public init(archive: Archive, options: Options = Options()) {
        self.archive = archive
        self.options = options
    }

    /// Imports every path; `progress(done, total, path)` is called before each file.
    public func run(paths: [String], progress: (Int, Int, String) -> Void = { _, _, _ in }) -> Report {
        var report = Report()
        let (files, missing) = DigestImporter.expand(paths)
        report.failures += missing.map { ($0, "no such file or directory") }
        var pending: [(path: String, digest: Digest, sha: String)] = []
        for (i, path) in files.enumerated() {
            progress(i, files.count, path)
            report.filesRead += 1
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                guard let digest = try DigestRecognizer.read(data) else {
                    report.skipped.append((path, "a monthly overview page, not a day"))
                    continue
                }
                pending.append((path, digest, SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()))
            } catch let error as DigestReadError {
                report.failures.append((path, error.description))
            } catch {
                report.failures.append((path, "cannot read: \(error.localizedDescription)"))
            }
        }
        // Pages first: a JSON file without a date in its name finds its day
        // through the run a page of the same papers created.
        pending.sort { ($0.digest.format == .json ? 1 : 0, $0.path) < ($1.digest.format == .json ? 1 : 0, $1.path) }
        var verdictsByRun: [Int64: Int] = [:]
        for item in pending {
            do {
                guard let date = try date(of: item.digest, path: item.path) else {
                    report.failures.append((item.path, "cannot tell which day this JSON digest is: name it YYYY-MM-DD-*.json, import it with its Markdown, or pass --date"))
                    continue
                }
                let outcome = try archive.store(item.digest, digestName: options.digestName, date: date,
                                                source: DigestSource(path: absolute(item.path), sha256: item.sha))
                switch outcome.change {
                case .unchanged: report.filesUnchanged += 1
                case .runAdded: report.runsAdded += 1
                case .runUpdated: report.runsUpdated += 1
                }
                report.newPapers += outcome.newPapers
                if let run = outcome.runID { verdictsByRun[run] = outcome.runVerdicts }
            } catch {
                report.failures.append((item.path, "not imported: \(error.localizedDescription)"))
            }
        }
        report.verdicts = verdictsByRun.values.reduce(0, +)
        progress(files.count, files.count, "")
        return report
    }

    func date(of digest: Digest, path: String) throws -> String? {
        if let date = digest.date { return date }
        if let date = options.date { return date }
        if let date = DigestDate.inFileName((path as NSString).lastPathComponent) { return date }
        return try archive.dateOfRun(listing: digest.papers.map(\.arxivID), digestName: options.digestName)
    }

    func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The files to read: named files as they are, folders recursively
    /// (their Markdown, JSON and text files, hidden ones left out), in path order.
    static func expand(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = [], missing: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { missing.append(path); continue }
            guard isDirectory.boolValue else { files.append(path); continue }
            var found: [String] = []
            let enumerator = fm.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var dir: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue,
                   folderExtensions.contains((relative as NSString).pathExtension.lowercased()) {
                    found.append(full)
                }
            }
            files += found.sorted()
        }
        return (files, missing)
    }
}
