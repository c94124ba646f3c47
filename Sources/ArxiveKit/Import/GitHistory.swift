import Foundation

/// Every version of every file a branch's history committed, as files to
/// import: forks that rewrite one page a day (`out/output.md`, a Pages
/// branch's `index.html`) keep their history only in git.
///
/// Read with the git command line, as the issue of scale asks: one `git log`
/// lists the commits and the files each added or changed, and one
/// `git cat-file --batch` hands over every version's bytes as the importer
/// asks for them (never a process per file, never every version in memory).
public struct GitHistory: Sendable {
    /// One version of a file: the file as the commit left it.
    public struct Version: Sendable, Equatable {
        public var commit: String
        /// The commit's day (`YYYY-MM-DD`): a version's day when its content carries none.
        public var day: String
        public var path: String
    }

    /// The repository's path, as git is given it.
    public var repository: String
    public var ref: String
    /// The commits read, oldest first, and their versions in commit order.
    public var commits: [String]
    public var versions: [Version]
    /// The commit `ref` names now: where the next import starts.
    public var head: String

    /// The history of `ref` in `repository`: every commit after `after` (all
    /// of them when nil), committed on or after `since`, with the versions
    /// of the files under `paths` (every file when empty).
    public static func read(repository: String, ref: String, since: String?, after: String?, paths: [String]) throws -> GitHistory {
        let head = try git(repository, ["rev-parse", "--verify", ref + "^{commit}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var arguments = ["-c", "core.quotepath=off", "log", "--reverse", "--format=%x00%H %cs", "--name-only", "--diff-filter=AMR", "--no-renames"]
        if let since { arguments.append("--since=\(since)T00:00:00") }
        arguments.append(after.map { "\($0)..\(head)" } ?? head)
        arguments += ["--"] + paths
        var commits: [String] = []
        var versions: [Version] = []
        for entry in try git(repository, arguments).split(separator: "\0", omittingEmptySubsequences: true) {
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: true)
            guard let first = lines.first else { continue }
            let fields = first.split(separator: " ")
            guard fields.count == 2 else { continue }
            let commit = String(fields[0])
            commits.append(commit)
            for path in lines.dropFirst() { versions.append(Version(commit: commit, day: String(fields[1]), path: String(path))) }
        }
        return GitHistory(repository: repository, ref: ref, commits: commits, versions: versions, head: head)
    }

    /// The versions as files to import, each read from one `git cat-file --batch` when its turn comes.
    public func sources() throws -> [ImportSource] {
        let batch = try GitBatch(repository: repository)
        return versions.map { version in
            let shown = "\(repository)@\(version.commit.prefix(10)):\(version.path)"
            return ImportSource(path: shown, name: version.path, shown: shown, fallbackDate: version.day) {
                try batch.blob("\(version.commit):\(version.path)")
            }
        }
    }

    /// Runs git in `repository`; its standard output, or an error with its standard error.
    static func git(_ repository: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw GitError.cannotRun(error.localizedDescription)
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError.failed(repository, errors.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Why a git history could not be read.
public enum GitError: LocalizedError, Equatable {
    case cannotRun(String)
    case failed(String, String)
    case badObject(String)

    public var errorDescription: String? {
        switch self {
        case .cannotRun(let why): "cannot run git (\(why)): install the git command line"
        case .failed(let repository, let message): "\(repository): git says: \(message)"
        case .badObject(let spec): "git cat-file has no blob \(spec)"
        }
    }
}

/// One long-running `git cat-file --batch`: a request line in, the blob out.
///
/// `@unchecked Sendable`: the importer's reader thread is its only user
/// (the versions are read in order, one at a time), and the lock keeps a
/// request and its answer together should that ever change.
final class GitBatch: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()
    private let lock = NSLock()

    init(repository: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository, "cat-file", "--batch"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GitError.cannotRun(error.localizedDescription)
        }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    /// The bytes of `spec` (`COMMIT:PATH`).
    func blob(_ spec: String) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        try input.write(contentsOf: Data((spec + "\n").utf8))
        let header = try line().split(separator: " ")
        guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else { throw GitError.badObject(spec) }
        let data = try bytes(size)
        _ = try bytes(1)  // the newline after the contents
        return data
    }

    private func fill() throws {
        let chunk = output.availableData
        guard !chunk.isEmpty else { throw GitError.cannotRun("git cat-file ended early") }
        buffer.append(chunk)
    }

    private func line() throws -> Substring {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let text = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = buffer[buffer.index(after: newline)...]
                return Substring(text)
            }
            try fill()
        }
    }

    private func bytes(_ count: Int) throws -> Data {
        while buffer.count < count { try fill() }
        let data = Data(buffer.prefix(count))
        buffer = buffer.dropFirst(count)
        return data
    }
}
