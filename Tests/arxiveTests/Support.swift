import Foundation

/// Runs the built `arxive` binary, as a user or a script would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/digests")

    /// The binary built beside the test bundle (`swift test` builds it: the test target depends on it).
    static let binary: URL = {
        let candidates = [
            ProcessInfo.processInfo.environment["ARXIVE_BIN"].map { URL(fileURLWithPath: $0) },
            Bundle.main.bundleURL.appendingPathComponent("arxive"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("arxive"),
            root.appendingPathComponent(".build/debug/arxive"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// A temporary folder, and an archive path in it, for one test.
    let folder: URL
    var db: String { folder.appendingPathComponent("archive.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxive-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `arxive ARGS` with a clean environment (no ARXIVE_DB, XDG_DATA_HOME in the test folder).
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder  // relative paths land in the test's folder
        var environment = ProcessInfo.processInfo.environment
        environment["ARXIVE_DB"] = nil
        environment["XDG_DATA_HOME"] = folder.appendingPathComponent("xdg").path
        environment["HOME"] = folder.path
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting: a full pipe would block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Imports every fixture (daily and upstream) into `db`.
    func importFixtures() throws {
        let daily = try run(["import", "--db", db] + ["md", "json", "page-text", "site"].map { CLI.fixtures.appendingPathComponent($0).path })
        precondition(daily.status == 0, daily.stderr)
        let upstream = try run(["import", "--db", db, "--digest", "upstream", CLI.fixtures.appendingPathComponent("upstream").path])
        precondition(upstream.status == 0, upstream.stderr)
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--db", db, "--json"])
        precondition(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    }
}
