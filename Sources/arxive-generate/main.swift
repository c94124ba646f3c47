// arxive-generate/: the command that writes DigestGenerator's histories to
// disk. It may call DigestGenerator and ArxiveKit.

import ArgumentParser
import ArxiveKit
import DigestGenerator
import Foundation

/// Writes synthetic digest histories and arXiv snapshots for benchmarks and tests.
@main
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arxive-generate",
        abstract: "Write synthetic digests and arXiv metadata snapshots (invented text, TeX names).",
        subcommands: [HistoryCommand.self, SnapshotCommand.self, HotspotsCommand.self],
        defaultSubcommand: HistoryCommand.self
    )
}

/// Writes a synthetic digest history.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Write a synthetic digest history (every format era, invented text, TeX names).",
        discussion: """
            Writes OUTDIR/daily/... (import with the default digest), OUTDIR/upstream/... \
            (import with --digest upstream), OUTDIR/flat.jsonl (one line per distinct paper) \
            and OUTDIR/twins.txt (near-twin papers: ORIGINAL TWIN per line).

            With --follow, the people of an authors.txt (and namesakes of theirs) are \
            written into some papers; OUTDIR/followed.txt lists the papers that have one \
            of them, the truth 'arxive matches' should find.

            Examples:
              arxive-generate --days 400 --seed 42 /tmp/history
              arxive-generate --follow authors.txt /tmp/history
            """
    )

    @Option(help: "How many days.")
    var days = 400

    @Option(help: "The seed: the same seed writes the same history.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Plant the people of this authors.txt.", valueName: "file"))
    var follow: String?

    @Flag(help: "Lay the history out like a generator's output folder today: topic bundles, spotlight files and the files that hold no digest.")
    var today = false

    @Argument(help: "Where to write.")
    var outdir: String

    func run() throws {
        var followed: [Vocabulary.Person] = []
        if let follow {
            followed = try AuthorsFile.read(String(contentsOfFile: follow, encoding: .utf8))
                .map { Vocabulary.Person(tex: $0.name, display: TeXDecoder.decode($0.name)) }
        }
        let history = History.generate(days: days, seed: seed, followed: followed)
        let files = try history.write(to: URL(fileURLWithPath: outdir), todaysFolder: today)
        // The near-twins, one "original twin" pair per line: what 'arxive similar' should find.
        try history.twins.sorted(by: <).map { "\($0.key) \($0.value)\n" }.joined()
            .write(toFile: (outdir as NSString).appendingPathComponent("twins.txt"), atomically: true, encoding: .utf8)
        if follow != nil {
            try (history.followedPapers.sorted().joined(separator: "\n") + "\n")
                .write(toFile: (outdir as NSString).appendingPathComponent("followed.txt"), atomically: true, encoding: .utf8)
        }
        let distinct = history.latestPapers.count
        print("wrote \(files.count) files: \(history.runs.count) runs, \(history.verdictCount) verdicts, \(distinct) distinct papers")
    }
}

/// Writes synthetic records of the arXiv metadata snapshot.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write synthetic arXiv metadata snapshot records (JSON lines, as Kaggle distributes them).",
        discussion: """
            Invented words with a Zipf frequency, TeX-accented names, real category names, \
            and the real file's lengths (see SnapshotGenerator). The same seed and count \
            write the same file. Compress it with gzip to test compressed imports.

            Examples:
              arxive-generate snapshot --papers 1000000 /tmp/snapshot.jsonl
              arxive-generate snapshot --papers 1000 - | head -1
            """
    )

    @Option(help: "How many papers.")
    var papers = 10_000

    @Option(help: "The seed: the same seed writes the same papers.")
    var seed: UInt64 = 7

    @Argument(help: "The file to write, or - for standard output.")
    var output: String

    func run() throws {
        guard let out = output == "-" ? FileHandle.standardOutput : FileHandle(forWritingAtPath: createEmpty(output)) else {
            throw ValidationError("cannot write \(output)")
        }
        var generator = SnapshotGenerator(seed: seed, papers: papers)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var buffer = Data()
        for _ in 0..<papers {
            buffer.append(try encoder.encode(generator.next()))
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                try out.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try out.write(contentsOf: buffer)
        try out.close()
    }

    /// `path`, made an empty file. A file that cannot be made is reported
    /// by the caller, when it cannot open it.
    private func createEmpty(_ path: String) -> String {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return path
    }
}

/// Writes a synthetic "Daily AI Hotspots" history.
struct HotspotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotspots",
        abstract: "Write a synthetic Daily AI Hotspots history: OUTDIR/hot/reports/YYYY-MM-DD.json, one report a day.",
        discussion: """
            Examples:
              arxive-generate hotspots --days 400 /tmp/hot-history
            """
    )

    @Option(help: "How many days.")
    var days = 400

    @Option(help: "The seed: the same seed writes the same reports.")
    var seed: UInt64 = 11

    @Argument(help: "Where to write.")
    var outdir: String

    func run() throws {
        var history = HotspotHistory(seed: seed)
        let written = try history.write(days: days, to: URL(fileURLWithPath: outdir))
        print("wrote \(written) hotspot reports")
    }
}
