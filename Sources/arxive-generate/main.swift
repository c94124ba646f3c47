import ArgumentParser
import DigestGenerator
import Foundation

/// Writes a synthetic digest history for benchmarks and manual testing.
@main
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arxive-generate",
        abstract: "Write a synthetic digest history (every format era, invented text, TeX names).",
        discussion: """
            Writes OUTDIR/daily/... (import with the default digest), OUTDIR/upstream/... \
            (import with --digest upstream) and OUTDIR/flat.jsonl (one line per distinct paper).

            Example:
              arxive-generate --days 400 --seed 42 /tmp/history
            """
    )

    @Option(help: "How many days.")
    var days = 400

    @Option(help: "The seed: the same seed writes the same history.")
    var seed: UInt64 = 42

    @Argument(help: "Where to write.")
    var outdir: String

    func run() throws {
        let history = History.generate(days: days, seed: seed)
        let files = try history.write(to: URL(fileURLWithPath: outdir))
        let distinct = history.latestPapers.count
        print("wrote \(files.count) files: \(history.runs.count) runs, \(history.verdictCount) verdicts, \(distinct) distinct papers")
    }
}
